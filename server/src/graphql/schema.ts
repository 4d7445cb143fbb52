import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver';
import { CreditNotesResolver, InvoiceLinesResolver, InvoicesResolver } from '../billing/invoices.resolver';
import { SessionsResolver } from '../sessions/sessions.resolver';
import { DateTimeScalar } from './scalars';

export const resolvers = [AuthResolver, SessionsResolver, InvoicesResolver, InvoiceLinesResolver, CreditNotesResolver] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema, built once per process from the resolvers' decorators. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...resolvers] as unknown as [Function, ...Function[]],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
  return built;
}
