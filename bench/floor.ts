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

const schema = buildSchema(`
  scalar DateTime
  enum TicketStatus { ONGOING RESOLVED ESCALATED CLOSED }
  enum TicketType { DISPUTE SUPPORT FEEDBACK RISK }
  enum DisputeCategory { NO_SHOW DURATION QUALITY BILLING SCHEDULING }
  enum ResolutionEffect { NONE FULL_CREDIT PARTIAL_CREDIT RESTORE_PACKAGE_CREDIT RESCHEDULE }
  input TicketFilter { status: [TicketStatus!] }
  type User { id: ID! name: String! }
  type Ticket {
    id: ID! number: String! type: TicketType! category: DisputeCategory status: TicketStatus! title: String! description: String!
    requestedEffect: ResolutionEffect createdAt: DateTime! updatedAt: DateTime! version: Int!
    reporter: User! tutor: User assignee: User
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

const PAGE_SQL = `
  select (select count(*) from tickets t where t.status = any($1::ticket_status[]))::int as "totalCount",
         p.id, p.number, p.type, p.category, p.status, p.title, p.description, p.requested_effect as "requestedEffect",
         p.created_at as "createdAt", p.updated_at as "updatedAt", p.version, p.rank,
         ${user('r')} as reporter, ${user('u')} as tutor, ${user('a')} as assignee
  from (
    select t.*, ${RANK} as rank from tickets t
    where t.status = any($1::ticket_status[])
      and ($3::int is null or ${RANK} > $3 or (${RANK} = $3 and (t.created_at, t.id) < ($4::timestamptz, $5::uuid)))
    order by ${RANK}, t.created_at desc, t.id desc
    limit $2
  ) p
  join users r on r.id = p.reporter_id
  left join users u on u.id = p.tutor_id
  left join users a on a.id = p.assignee_id
  order by p.rank, p.created_at desc, p.id desc`;

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
  const { rows } = await pool.query(PAGE_SQL, [statuses, first + 1, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null]);
  const nodes = rows.slice(0, first);
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
