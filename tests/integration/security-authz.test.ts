import { randomUUID } from 'node:crypto';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_SCOPES, SCOPES, expandScopes } from '../../server/src/auth/scopes';
import { getSchema } from '../../server/src/app/schema';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { sql } from '../support/fixtures';
import { connectWs, subscribe } from '../support/ws';

/**
 * Who may call each operation. Roles: a = anonymous, L = LEARNER, P = PARENT, T = TUTOR,
 * C = COORDINATOR, A = ADMIN; a letter means the call is not refused as UNAUTHENTICATED or
 * FORBIDDEN (it may still be NOT_FOUND or BAD_USER_INPUT for the made-up arguments). The scope is
 * what an API key needs ('people-only': no key may). Every operation in the schema must be here.
 */
const EXPECTED: Record<string, [string, string]> = {
  // Query
  me: ['aLPTCA', 'any'],
  sessions: ['LPTCA', 'sessions:read'],
  session: ['LPTCA', 'sessions:read'],
  invoices: ['LPTCA', 'invoices:read'],
  invoice: ['LPTCA', 'invoices:read'],
  tickets: ['LPTCA', 'tickets:read'],
  ticket: ['LPTCA', 'tickets:read'],
  ticketEvents: ['LPTCA', 'tickets:read'],
  resolutionActions: ['LPTCA', 'tickets:read'],
  previewResolution: ['LPTCA', 'tickets:read'],
  notifications: ['LPTCA', 'tickets:read'],
  unreadNotificationCount: ['LPTCA', 'tickets:read'],
  apiKeys: ['A', 'people-only'],
  deliveries: ['A', 'people-only'],
  auditLog: ['A', 'people-only'],
  payouts: ['LPTCA', 'invoices:read'], // parents and learners get an empty list
  webhookEndpoints: ['A', 'webhooks:manage'],
  webhookDeliveries: ['A', 'webhooks:manage'],
  savedViews: ['CA', 'tickets:read'],
  ticketStats: ['CA', 'tickets:read'],
  // Mutation
  login: ['aLPTCA', 'people-only'],
  changePassword: ['LPTCA', 'people-only'],
  logout: ['LPTCA', 'people-only'],
  createApiKey: ['A', 'people-only'],
  revokeApiKey: ['A', 'people-only'],
  setUserRole: ['A', 'people-only'],
  retryDelivery: ['A', 'people-only'],
  createTelegramLinkCode: ['LPTCA', 'people-only'],
  updateNotificationPreferences: ['LPTCA', 'people-only'],
  reportIssue: ['LP', 'tickets:write'],
  resolveTicket: ['LPTCA', 'tickets:write'],
  acceptResolution: ['LPTCA', 'tickets:write'],
  escalateTicket: ['LPTCA', 'tickets:write'],
  assignTicket: ['LPTCA', 'tickets:write'],
  addTicketComment: ['LPTCA', 'tickets:write'],
  contactTutor: ['CA', 'tickets:write'],
  markNotificationsRead: ['LPTCA', 'tickets:write'],
  createResolutionAction: ['A', 'tickets:write'],
  updateResolutionAction: ['A', 'tickets:write'],
  attachEvidence: ['LPTCA', 'tickets:write'],
  rateTicket: ['LPTCA', 'tickets:write'], // the lifecycle table decides per ticket (the reporter)
  cancelSession: ['LPTCA', 'tickets:write'], // cancellationRefusal decides per session (its tutor or staff)
  markPayoutsPaid: ['A', 'people-only'],
  createWebhookEndpoint: ['A', 'webhooks:manage'],
  updateWebhookEndpoint: ['A', 'webhooks:manage'],
  deleteWebhookEndpoint: ['A', 'webhooks:manage'],
  rotateWebhookSecret: ['A', 'webhooks:manage'],
  redeliverWebhook: ['A', 'webhooks:manage'],
  // The coordinator's desk: staff only.
  mergeTickets: ['CA', 'tickets:write'],
  splitTicket: ['CA', 'tickets:write'],
  bulkTicketAction: ['CA', 'tickets:write'],
  setPresence: ['CA', 'tickets:write'],
  saveView: ['CA', 'tickets:write'],
  deleteView: ['CA', 'tickets:write'],
  // Subscription
  ticketChanged: ['LPTCA', 'tickets:read'],
  notificationAdded: ['LPTCA', 'tickets:read'],
  presenceChanged: ['CA', 'tickets:read'],
};

const ROLES = { a: null, L: 'learner@demo.test', P: 'parent@demo.test', T: 'tutor@demo.test', C: 'coordinator@demo.test', A: 'admin@demo.test' } as const;
type Who = keyof typeof ROLES;
const KEY_GRANTS = [...SCOPES.map((s) => [s]), ['read'], ['write']];

let app: TestApp;
let schema: GraphQLSchema;
const tokens: Partial<Record<Who, string>> = {};
const keys: Array<{ scopes: string[]; key: string }> = [];
beforeAll(async () => {
  app = await startTestApp();
  schema = await getSchema();
  for (const who of Object.keys(ROLES) as Who[]) if (ROLES[who]) tokens[who] = await app.login(ROLES[who]!);
  for (const scopes of KEY_GRANTS) {
    const created = await app.gql('mutation($s: [String!]!) { createApiKey(name: "matrix", scopes: $s) { key } }', { s: scopes }, tokens.A);
    keys.push({ scopes, key: created.data.createApiKey.key });
  }
});
afterAll(() => app.close());

/** A made-up value of an input type: enough to pass validation, pointing at nothing real. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type)]));
  }
  if (isScalarType(type)) {
    return { ID: randomUUID(), Int: 1, Float: 1, Boolean: false, DateTime: new Date().toISOString() }[type.name] ?? 'x';
  }
  return null;
}

/** `op { field(args) { __typename } }` with variables for every required argument. */
function documentFor(operation: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
  const variables = Object.fromEntries(required.map((a) => [a.name, sample(a.type)]));
  if (field.name === 'login') Object.assign(variables, { email: 'learner@demo.test', password: 'demo1234' });
  const declared = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${operation}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
  return { query, variables };
}

type Outcome = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const outcomeOf = (code: unknown): Outcome => (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'allowed');

async function run(operation: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>, credential?: string): Promise<Outcome> {
  const { query, variables } = documentFor(operation, field);
  // Signing out would end the matrix's own token: use a fresh one of the same user.
  if (credential && !credential.startsWith('pk_') && field.name === 'logout') {
    const email = Object.values(ROLES).find((e) => e && tokens[(Object.keys(ROLES) as Who[]).find((w) => ROLES[w] === e)!] === credential)!;
    credential = await app.login(email);
  }
  if (operation !== 'subscription') {
    const result = await app.gql(query, variables, credential);
    expect(result.status, `${field.name}: ${JSON.stringify(result.errors)}`).toBeLessThan(500);
    expect(errorCode(result)).not.toBe('INTERNAL_SERVER_ERROR');
    return outcomeOf(errorCode(result));
  }
  const ws = connectWs(app.url, credential);
  try {
    const live = await subscribe(ws, query, variables).catch(() => null);
    if (!live) return 'UNAUTHENTICATED';
    live.stop();
    // graphql-ws hands a refused subscription's errors over as one array.
    return outcomeOf(([live.errors].flat(2)[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code);
  } finally {
    await ws.close();
  }
}

function rootFields() {
  const roots = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()], ['subscription', schema.getSubscriptionType()]] as const;
  return roots.flatMap(([operation, type]) => Object.values(type?.getFields() ?? {}).map((field) => ({ operation, field })));
}

describe('authorization matrix (from the schema)', () => {
  it('has an expected row, and a scope in auth/scopes.ts, for every operation', () => {
    const names = rootFields().map(({ field }) => field.name).sort();
    expect(Object.keys(EXPECTED).sort()).toEqual(names);
    for (const name of names) expect(OPERATION_SCOPES[name], name).toBe(EXPECTED[name][1]);
  });

  it('refuses and allows exactly as the table says, for anonymous callers, every role and API keys with and without each scope', async () => {
    const mismatches: string[] = [];
    for (const { operation, field } of rootFields()) {
      const [roles, scope] = EXPECTED[field.name];
      for (const who of Object.keys(ROLES) as Who[]) {
        const actual = await run(operation, field, tokens[who]);
        const expected: Outcome = roles.includes(who) ? 'allowed' : who === 'a' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        if (actual !== expected) mismatches.push(`${field.name} as ${who}: ${actual}, expected ${expected}`);
      }
      for (const { scopes, key } of keys) {
        const granted = scope === 'any' || (scope !== 'people-only' && expandScopes(scopes).has(scope));
        // Keys act as their owner, an admin here.
        const expected: Outcome = granted && roles.includes('A') ? 'allowed' : 'FORBIDDEN';
        const actual = await run(operation, field, key);
        if (actual !== expected) mismatches.push(`${field.name} with key [${scopes}]: ${actual}, expected ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a field of another resource inside an allowed operation (ticket sessions need sessions:read)', async () => {
    const ticketsOnly = keys.find((k) => k.scopes[0] === 'tickets:read')!.key;
    const ok = await app.gql('{ tickets(first: 1) { edges { node { id } } } }', {}, ticketsOnly);
    expect(ok.errors).toBeUndefined();
    const nested = await app.gql('{ tickets(first: 1) { edges { node { sessions { id } } } } }', {}, ticketsOnly);
    expect(errorCode(nested)).toBe('FORBIDDEN');
    const viaFragment = await app.gql('{ tickets(first: 1) { edges { node { ...S } } } } fragment S on Ticket { creditNotes { id } }', {}, ticketsOnly);
    expect(errorCode(viaFragment)).toBe('FORBIDDEN');
  });
});

describe('object-level access: what is not yours is NOT_FOUND or null', () => {
  const byId = async (field: string, id: string, token: string) => {
    const result = await app.gql(`query($id: ID!) { ${field}(id: $id) { id } }`, { id }, token);
    return result.data?.[field] === null || errorCode(result) === 'NOT_FOUND';
  };

  it("another family's ticket and session", async () => {
    const [other] = await sql(app, `select t.id as ticket_id, ts.session_id from tickets t join ticket_sessions ts on ts.ticket_id = t.id
      join users r on r.id = t.reporter_id where r.email = 'parent@demo.test' limit 1`);
    expect(await byId('ticket', other.ticket_id, tokens.P!)).toBe(false);
    const parent2 = await app.login('parent2@demo.test');
    expect(await byId('ticket', other.ticket_id, parent2)).toBe(true);
    expect(await byId('session', other.session_id, parent2)).toBe(true);
    const resolve = await app.gql('mutation($i: ResolveTicketInput!) { resolveTicket(input: $i) { id } }', { i: { ticketId: other.ticket_id, outcome: 'SPLIT', comment: 'x' } }, parent2);
    expect(errorCode(resolve)).toBe('NOT_FOUND');
  });

  it("another tutor's session and ticket", async () => {
    const [session] = await sql(app, "select s.id from tutoring_sessions s join users t on t.id = s.tutor_id where t.email = 'tutor@demo.test' limit 1");
    const tutor2 = await app.login('tutor2@demo.test');
    expect(await byId('session', session.id, tutor2)).toBe(true);
    expect(await byId('session', session.id, tokens.T!)).toBe(false);
    const [ticket] = await sql(app, "select t.id from tickets t join users u on u.id = t.tutor_id where u.email = 'tutor@demo.test' limit 1");
    expect(await byId('ticket', ticket.id, tutor2)).toBe(true);
  });

  it('internal comments only for staff, e-mails only for their owner and staff', async () => {
    const [ticket] = await sql(app, "select t.id from tickets t join users r on r.id = t.reporter_id join users tu on tu.id = t.tutor_id where r.email = 'parent@demo.test' and tu.email = 'tutor@demo.test' and t.status = 'ONGOING' limit 1");
    const noted = await app.gql('mutation($id: ID!) { addTicketComment(ticketId: $id, body: "staff only note", internal: true) { id } }', { id: ticket.id }, tokens.C);
    expect(noted.errors).toBeUndefined();
    const LOGS = 'query($id: ID!) { ticket(id: $id) { logs { comment } reporter { email } tutor { email } } }';
    const asParent = (await app.gql(LOGS, { id: ticket.id }, tokens.P)).data.ticket;
    expect(asParent.logs.map((l: any) => l.comment)).not.toContain('staff only note');
    expect(asParent.tutor.email).toBeNull();
    expect(asParent.reporter.email).toBe('parent@demo.test');
    const asTutor = (await app.gql(LOGS, { id: ticket.id }, tokens.T)).data.ticket;
    expect(asTutor.logs.map((l: any) => l.comment)).not.toContain('staff only note');
    expect(asTutor.reporter.email).toBeNull();
    const asStaff = (await app.gql(LOGS, { id: ticket.id }, tokens.C)).data.ticket;
    expect(asStaff.logs.map((l: any) => l.comment)).toContain('staff only note');
    expect(asStaff.tutor.email).toBe('tutor@demo.test');
  });
});
