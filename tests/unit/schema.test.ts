import { readFileSync } from 'node:fs';
import { parse, print, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, renderSchema } from '../../server/src/app/emit-schema';

describe('schema.graphql', () => {
  it('is what the code generates (run `npm run schema` when this fails)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await renderSchema());
  });

  it('keeps the public names of API.md', async () => {
    // Compared without descriptions, which put each described argument on a line of its own.
    const sdl = print(visit(parse(await renderSchema()), { enter: (node) => ('description' in node && node.description ? { ...node, description: undefined } : undefined) }));
    for (const name of ['type Query', 'me: User', 'sessions(after: String, filter: SessionFilter, first: Int): SessionConnection!', 'session(id: ID!): Session',
      'invoices(after: String, first: Int): InvoiceConnection!', 'invoice(id: ID!): Invoice', 'login(email: String!, password: String!): AuthPayload!',
      'createApiKey(name: String!, scopes: [String!]!)', 'enum Role', 'enum SessionKind', 'enum SessionStatus', 'enum InvoiceStatus', 'scalar DateTime']) {
      expect(sdl).toContain(name);
    }
  });
});
