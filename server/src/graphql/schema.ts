import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { applyDescriptions } from './descriptions/apply';
import { ENUM_DESCRIPTIONS } from './descriptions/enums';
import { MORE_TYPE_DESCRIPTIONS } from './descriptions/more-types';
import { OPERATION_DESCRIPTIONS } from './descriptions/operations';
import { TYPE_DESCRIPTIONS } from './descriptions/types';
import { DateTimeScalar } from './scalars';

const noTopicPubSub = {
  publish() {
    throw new Error('publish inside a transaction (realtime/publish.ts), not through type-graphql topics');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('subscriptions use their own subscribe function (the feeds registered on realtime/hub.ts)');
  },
};

/** The schema of these resolvers (the composition root's list, app/schema.ts), with our scalars. */
export function buildApiSchema(resolvers: Function[]): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: resolvers as [Function, ...Function[]],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    // Subscriptions bring their own iterators (the feeds registered on realtime/hub.ts); type-graphql still wants a pubSub.
    pubSub: noTopicPubSub,
  }).then((schema) => {
    applyDescriptions(schema, { ...OPERATION_DESCRIPTIONS, ...TYPE_DESCRIPTIONS, ...MORE_TYPE_DESCRIPTIONS, ...ENUM_DESCRIPTIONS });
    return schema;
  });
}
