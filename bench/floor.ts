/**
 * The floor: the least a GraphQL server can do for the dashboard's BoardColumn document — plain
 * graphql-js and pg, a schema with just what the document selects, and one SQL statement per
 * request (the page, its three users and the total count). No authentication, no ORM, no
 * middleware. Parsed and validated documents are cached by their text. Env: DATABASE_URL, PORT.
 *
 *   node -r @swc-node/register bench/floor.ts
 */
import { createServer } from 'node:http';
import { type DocumentNode, GraphQLScalarType, buildSchema, execute, parse, validate } from 'graphql';
import { Pool } from 'pg';
import { slaStateOf } from '../server/src/tickets/sla';

const schema = buildSchema(`
  scalar DateTime
  enum TicketStatus { ONGOING RESOLVED ESCALATED CLOSED }
  enum TicketType { DISPUTE SUPPORT FEEDBACK RISK }
  enum DisputeCategory { NO_SHOW DURATION QUALITY BILLING SCHEDULING }
  enum ResolutionEffect { NONE FULL_CREDIT PARTIAL_CREDIT RESTORE_PACKAGE_CREDIT RESCHEDULE }
  enum SlaState { ON_TRACK AT_RISK BREACHED MET }
  enum PresenceState { VIEWING TYPING LEFT }
  input TicketFilter { status: [TicketStatus!] }
  type User { id: ID! name: String! }
  type Presence { state: PresenceState! since: DateTime! user: User! }
  type Ticket {
    id: ID! number: String! type: TicketType! category: DisputeCategory status: TicketStatus! title: String! description: String!
    requestedEffect: ResolutionEffect createdAt: DateTime! updatedAt: DateTime! version: Int!
    reporter: User! tutor: User assignee: User
    slaState: SlaState! firstResponseDueAt: DateTime firstRespondedAt: DateTime resolutionDueAt: DateTime
    viewers: [Presence!]!
  }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type TicketEdge { cursor: String! node: Ticket! }
  type TicketConnection { totalCount: Int! pageInfo: PageInfo! edges: [TicketEdge!]! }
  type Query { tickets(filter: TicketFilter, first: Int, after: String): TicketConnection! }
`);
Object.assign(schema.getType('DateTime') as GraphQLScalarType, { serialize: (value: Date) => value.toISOString() });

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const STATUSES = ['ONGOING', 'RESOLVED', 'ESCALATED', 'CLOSED'];
// The same order expression as the server's board (so the same index serves both).
const RANK = `array_position(array['ONGOING','RESOLVED','ESCALATED','CLOSED']::ticket_status[], t.status)`;
const user = (alias: string) => `case when ${alias}.id is null then null else json_build_object('id', ${alias}.id, 'name', ${alias}.name) end`;

/**
 * The page for `count` statuses: `t.status in ($6, $7, ...)` rather than `= any($1)`, so that one
 * status is an equality and its column's index (status, rank, created_at, id) gives the order (with
 * `= any` the planner walks the whole board's order index, filtering, for the last columns).
 */
const pageSql = (count: number) => {
  const statusIn = `t.status in (${Array.from({ length: count }, (_, i) => `$${i + 5}::ticket_status`).join(', ')})`;
  return `
  select (select count(*) from tickets t where ${statusIn})::int as "totalCount",
         p.id, p.number, p.type, p.category, p.status, p.title, p.description, p.requested_effect as "requestedEffect",
         p.created_at as "createdAt", p.updated_at as "updatedAt", p.version, p.rank,
         p.first_response_due_at as "firstResponseDueAt", p.first_responded_at as "firstRespondedAt", p.resolution_due_at as "resolutionDueAt",
         p.resolved_at as "resolvedAt", p.closed_at as "closedAt",
         ${user('r')} as reporter, ${user('u')} as tutor, ${user('a')} as assignee
  from (
    select t.*, ${RANK} as rank from tickets t
    where ${statusIn}
      and ($2::int is null or ${RANK} > $2 or (${RANK} = $2 and (t.created_at, t.id) < ($3::timestamptz, $4::uuid)))
    order by ${RANK}, t.created_at desc, t.id desc
    limit $1
  ) p
  -- offset 0 keeps each user a primary-key lookup (joined plainly, the planner hashes the whole users table)
  left join lateral (select id, name from users where id = p.reporter_id offset 0) r on true
  left join lateral (select id, name from users where id = p.tutor_id offset 0) u on true
  left join lateral (select id, name from users where id = p.assignee_id offset 0) a on true
  order by p.rank, p.created_at desc, p.id desc`;
};
const pageSqls = new Map<number, string>();

interface Args {
  filter?: { status?: string[] | null } | null;
  first?: number | null;
  after?: string | null;
}

const cursorOf = (row: { rank: number; createdAt: Date; id: string }) => Buffer.from(JSON.stringify([row.rank, row.createdAt.toISOString(), row.id])).toString('base64url');

async function tickets(args: Args) {
  const first = Math.min(Math.max(args.first ?? 20, 1), 100);
  const after = args.after ? (JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8')) as [number, string, string]) : null;
  const statuses = args.filter?.status?.length ? args.filter.status : STATUSES;
  if (!pageSqls.has(statuses.length)) pageSqls.set(statuses.length, pageSql(statuses.length));
  const { rows } = await pool.query(pageSqls.get(statuses.length)!, [first + 1, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, ...statuses]);
  // The SLA state by the server's own rule (tickets/sla.ts); nobody has a ticket open in the bench, so no viewers.
  const nodes = rows.slice(0, first).map((row) => Object.assign(row, { slaState: slaStateOf(row), viewers: [] }));
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  // With an empty page the count comes from no row; ask once more only then.
  const totalCount = rows[0]?.totalCount ?? Number((await pool.query('select count(*) from tickets where status = any($1::ticket_status[])', [statuses])).rows[0].count);
  return { totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, edges };
}

const documents = new Map<string, DocumentNode>();
function documentFor(query: string): DocumentNode | { errors: Array<{ message: string }> } {
  let document = documents.get(query);
  if (document) return document;
  document = parse(query);
  const errors = validate(schema, document);
  if (errors.length) return { errors: errors.map((e) => ({ message: e.message })) };
  documents.set(query, document);
  return document;
}

const server = createServer((req, res) => {
  if (req.url === '/healthz') return void res.end('{"status":"ok"}');
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    let body: unknown;
    try {
      const { query, variables, operationName } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const document = documentFor(query);
      body = 'errors' in document ? document : await execute({ schema, document, variableValues: variables, operationName, rootValue: { tickets } });
    } catch (error) {
      body = { errors: [{ message: (error as Error).message }] };
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`floor on ${process.env.PORT}`));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
