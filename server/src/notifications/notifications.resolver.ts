import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { STAFF_ROLES, isStaff } from '../auth/roles';
import { User } from '../auth/user.entity';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { badInput, conflict, forbidden } from '../errors';
import { parseId, parseIds } from '../graphql/ids';
import { Connection } from '../graphql/pagination';
import { renewForEvent } from '../http/live-context';
import { Ticket } from '../tickets/ticket.entity';
import { contactChannelOf, contactTutor } from './contact-tutor';
import { Channel } from './outbox-message.entity';
import { listNotifications, markRead, markSeen, unreadCount, updatePreferences } from './in-app.service';
import { Notification } from './notification.entity';
import { OutboxMessage } from './outbox-message.entity';
import { createLinkCode } from './telegram/link-codes';

const NotificationConnection = Connection(Notification, 'Notification');

@ObjectType({ description: 'Open `url` in Telegram (or send `/start <code>` to the bot) within 15 minutes; works once' })
class TelegramLink {
  @Field()
  code!: string;

  @Field({ description: 'https://t.me/<bot>?start=<code>' })
  url!: string;

  @Field()
  expiresAt!: Date;
}

/** In-app notifications, preferences, Telegram linking and messages from staff to tutors. */
@Resolver(() => Notification)
export class NotificationsResolver {
  @Query(() => NotificationConnection, { description: "The caller's notifications, newest first" })
  notifications(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly?: boolean,
  ) {
    return listNotifications(ctx.em, requireViewer(ctx).id, { first, after, unreadOnly });
  }

  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: Context) {
    return unreadCount(ctx.em, requireViewer(ctx).id);
  }

  @Mutation(() => Int, { description: "Marks the caller's notifications read; returns how many were unread" })
  markNotificationsRead(@Ctx() ctx: Context, @Arg('ids', () => [ID]) ids: string[]) {
    const viewer = requireViewer(ctx);
    if (ids.length > 500) throw badInput('ids', 'at most 500 ids at a time');
    return markRead(ctx.em, viewer.id, parseIds(ids, 'ids'));
  }

  @Mutation(() => Int, { description: "Marks the caller's notifications up to seenUpTo read (the newest one a list showed; later ones stay unread); returns how many were unread" })
  markNotificationsSeen(@Ctx() ctx: Context, @Arg('seenUpTo', () => Date, { description: 'The creation time of the newest notification the caller was shown.' }) seenUpTo: Date) {
    return markSeen(ctx.em, requireViewer(ctx).id, seenUpTo);
  }

  @Mutation(() => User, { description: 'Turns email or Telegram notifications on or off; in-app is always on' })
  updateNotificationPreferences(
    @Ctx() ctx: Context,
    @Arg('email', () => Boolean, { nullable: true }) email?: boolean,
    @Arg('telegram', () => Boolean, { nullable: true }) telegram?: boolean,
  ) {
    return updatePreferences(ctx.em, requireViewer(ctx).id, { email, telegram });
  }

  @Mutation(() => TelegramLink, { description: "A one-time link that connects the caller's Telegram chat to the bot" })
  async createTelegramLinkCode(@Ctx() ctx: Context): Promise<TelegramLink> {
    const viewer = requireViewer(ctx);
    if (viewer.apiKeyId) throw forbidden('Link Telegram while signed in as yourself, not with an API key');
    const telegram = ctx.services.notifier.telegram;
    if (!telegram) throw conflict('Telegram is not set up on this server');
    const username = await telegram.botUsername();
    const { code, expiresAt } = await createLinkCode(ctx.em, viewer.id);
    return { code, expiresAt, url: `https://t.me/${username}?start=${code}` };
  }

  @Mutation(() => OutboxMessage, { description: "Sends the ticket's tutor this message with the ticket's context, on Telegram (email if not linked); staff only" })
  contactTutor(@Ctx() ctx: Context, @Arg('ticketId', () => ID) ticketId: string, @Arg('message') message: string) {
    const viewer = requireViewer(ctx, STAFF_ROLES);
    return contactTutor({ em: ctx.em, telegramOn: !!ctx.services.notifier.telegram }, viewer, { ticketId: parseId(ticketId, 'ticketId'), message });
  }

  @Subscription(() => Notification, {
    description: "The subscriber's own new in-app notifications.",
    subscribe: ({ context }: SubscribeResolverData<unknown, object, Context>) =>
      context.services.notificationFeed.subscribe(requireViewer(context).id),
  })
  notificationAdded(@Root() notification: Notification, @Ctx() ctx: Context): Notification {
    renewForEvent(ctx);
    return notification;
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'Null when the ticket is gone or the caller may no longer see it' })
  ticket(@Root() notification: Notification, @Ctx() ctx: Context) {
    return notification.ticket ? ctx.loaders.visibleTicket.load(notification.ticket.id) : null;
  }
}

/** A user's notification settings, readable by that user and by staff. */
@Resolver(() => User)
export class UserNotificationFieldsResolver {
  private static visible(user: User, ctx: Context): boolean {
    return !!ctx.viewer && (ctx.viewer.id === user.id || isStaff(ctx.viewer.role));
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Email notifications on (null for other users)' })
  emailNotifications(@Root() user: User, @Ctx() ctx: Context) {
    return UserNotificationFieldsResolver.visible(user, ctx) ? user.emailNotifications : null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Telegram notifications on (null for other users)' })
  telegramNotifications(@Root() user: User, @Ctx() ctx: Context) {
    return UserNotificationFieldsResolver.visible(user, ctx) ? user.telegramNotifications : null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'A Telegram chat is linked (null for other users)' })
  telegramLinked(@Root() user: User, @Ctx() ctx: Context) {
    return UserNotificationFieldsResolver.visible(user, ctx) ? !!user.telegramChatId : null;
  }
}

/** How staff can reach a ticket's tutor, so the page words its button truthfully. */
@Resolver(() => Ticket)
export class TicketContactFieldsResolver {
  @FieldResolver(() => Channel, {
    nullable: true,
    description: "How contactTutor would reach the ticket's tutor now: TELEGRAM when Telegram is on and the tutor linked it, EMAIL otherwise; null when the caller may not contact them (staff only) or there is no tutor.",
  })
  async tutorContactChannel(@Root() ticket: Ticket, @Ctx() ctx: Context): Promise<Channel | null> {
    if (!ctx.viewer || !isStaff(ctx.viewer.role) || !ticket.tutor) return null;
    const tutor = await ctx.loaders.user.load(ticket.tutor.id);
    return tutor && tutor.active ? contactChannelOf(tutor, !!ctx.services.notifier.telegram) : null;
  }
}
