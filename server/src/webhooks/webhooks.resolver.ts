import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { parseId } from '../graphql/ids';
import { Connection } from '../graphql/pagination';
import {
  createWebhookEndpoint, deleteWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints, redeliverWebhook, rotateWebhookSecret, updateWebhookEndpoint,
} from './endpoints.service';
import { WebhookDelivery, WebhookEndpoint, WebhookEventType } from './webhook.entities';

@InputType()
export class WebhookEndpointInput {
  @Field()
  url!: string;

  @Field(() => [WebhookEventType])
  events!: WebhookEventType[];

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@ObjectType({ description: 'The secret is shown once' })
export class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field()
  secret!: string;
}

const WebhookDeliveryConnection = Connection(WebhookDelivery, 'WebhookDelivery');

@Resolver()
export class WebhooksResolver {
  @Query(() => [WebhookEndpoint], { description: 'Admins or webhooks:manage' })
  webhookEndpoints(@Ctx() ctx: Context) {
    return listWebhookEndpoints(ctx.em, requireViewer(ctx));
  }

  @Query(() => WebhookDeliveryConnection, { description: 'The delivery log of one endpoint, newest first' })
  webhookDeliveries(
    @Ctx() ctx: Context,
    @Arg('endpointId', () => ID) endpointId: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listWebhookDeliveries(ctx.em, requireViewer(ctx), parseId(endpointId, 'endpointId'), first, after);
  }

  @Mutation(() => CreatedWebhookEndpoint, { description: 'Admins or webhooks:manage; the secret is shown once' })
  createWebhookEndpoint(@Ctx() ctx: Context, @Arg('input', () => WebhookEndpointInput) input: WebhookEndpointInput) {
    return createWebhookEndpoint(ctx.em, ctx.services.config, requireViewer(ctx), input);
  }

  @Mutation(() => WebhookEndpoint)
  updateWebhookEndpoint(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input', () => WebhookEndpointInput) input: WebhookEndpointInput) {
    return updateWebhookEndpoint(ctx.em, ctx.services.config, requireViewer(ctx), parseId(id, 'id'), input);
  }

  @Mutation(() => Boolean)
  deleteWebhookEndpoint(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return deleteWebhookEndpoint(ctx.em, requireViewer(ctx), parseId(id, 'id'));
  }

  @Mutation(() => CreatedWebhookEndpoint, { description: 'A new secret, shown once; the old one also signs for 24 hours' })
  rotateWebhookSecret(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return rotateWebhookSecret(ctx.em, ctx.services.config, requireViewer(ctx), parseId(id, 'id'));
  }

  @Mutation(() => WebhookDelivery, { description: 'Sends the event of this delivery to its endpoint again' })
  redeliverWebhook(@Ctx() ctx: Context, @Arg('deliveryId', () => ID) deliveryId: string) {
    return redeliverWebhook(ctx.em, requireViewer(ctx), parseId(deliveryId, 'deliveryId'));
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryFieldsResolver {
  @FieldResolver(() => ID)
  eventId(@Root() delivery: WebhookDelivery) {
    return delivery.event.id;
  }

  @FieldResolver(() => WebhookEventType)
  eventType(@Root() delivery: WebhookDelivery) {
    return delivery.event.type;
  }
}
