import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/roles';
import { User } from '../auth/user.entity';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId } from '../graphql/ids';
import { Connection } from '../graphql/pagination';
import { Ticket } from '../tickets/ticket.entity';
import { listDeliveries, retryDelivery } from './deliveries.service';
import { DeliveryStatus, OutboxMessage } from './outbox-message.entity';

const DeliveryConnection = Connection(OutboxMessage, 'Delivery');
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What the outbox did: admins see every email and Telegram message, and revive DEAD ones. */
@Resolver(() => OutboxMessage)
export class DeliveriesResolver {
  @Query(() => DeliveryConnection, { description: 'Email and Telegram messages, newest first (admins)' })
  deliveries(
    @Ctx() ctx: Context,
    @Arg('status', () => DeliveryStatus, { nullable: true }) status?: DeliveryStatus,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    requireViewer(ctx, [Role.ADMIN]);
    return listDeliveries(ctx.em, status, first, after);
  }

  @Mutation(() => OutboxMessage, { description: 'Sends a DEAD or SKIPPED message again, with a fresh set of attempts (admins)' })
  retryDelivery(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    requireViewer(ctx, [Role.ADMIN]);
    return retryDelivery(ctx.em, parseId(id, 'id'));
  }

  @FieldResolver(() => User)
  recipient(@Root() message: OutboxMessage, @Ctx() ctx: Context) {
    return ctx.loaders.user.load(message.recipient.id);
  }

  @FieldResolver(() => Ticket, { nullable: true })
  ticket(@Root() message: OutboxMessage, @Ctx() ctx: Context) {
    return message.ticket ? ctx.loaders.visibleTicket.load(message.ticket.id) : null;
  }

  @FieldResolver(() => String)
  title(@Root() message: OutboxMessage) {
    return text(message.payload.title);
  }

  @FieldResolver(() => String)
  body(@Root() message: OutboxMessage) {
    return text(message.payload.body);
  }
}
