// PostGraphile 5 over the bench database (the baseline in bench/RESULTS.md). Plain CommonJS so it
// runs without the server's toolchain. Env: DATABASE_URL, PORT. Answers /healthz when ready.
const { createServer } = require('node:http');
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphqlPath: '/graphql', watch: false, graphiql: false },
  grafast: { explain: false },
};

async function main() {
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  await pgl.getSchema();
  const graphql = serv.createHandler();
  const server = createServer((req, res) => (req.url === '/healthz' ? res.end('{"status":"ok"}') : graphql(req, res)));
  server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`postgraphile on ${process.env.PORT}`));
  process.on('SIGTERM', async () => {
    server.close();
    await pgl.release();
    process.exit(0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
