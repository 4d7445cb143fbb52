#!/usr/bin/env node
/**
 * `npm start` / `npm run start:worker`: with NODE_ENV=production the compiled server (server/dist,
 * from `npm run build`; no TypeScript is compiled at run time), otherwise the sources through
 * @swc-node/register after building the dashboard when it is stale. Runs in this process, so
 * signals reach the server directly.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const entry = process.argv[2] === 'worker' ? 'worker' : 'main';

if (process.env.NODE_ENV === 'production') {
  const compiled = path.join(root, 'server', 'dist', 'app', `${entry}.js`);
  if (!fs.existsSync(compiled)) {
    console.error(`${path.relative(root, compiled)} is missing: run \`npm run build\` first (NODE_ENV=production runs the compiled server).`);
    process.exit(1);
  }
  require(compiled);
} else {
  if (entry === 'main') {
    const built = spawnSync(process.execPath, [path.join(__dirname, 'ensure-dashboard.js')], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  require('@swc-node/register');
  require(path.join(root, 'server', 'src', 'app', `${entry}.ts`));
}
