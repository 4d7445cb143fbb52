#!/usr/bin/env node
/**
 * `npm run audit`: the long checks too slow for `npm test`, run in turn. Each part is a command
 * with its own environment; the audit fails when any part fails, after running them all.
 * `npm run audit -- money` runs only the parts named.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const vitest = (...files) => ['npx', ['vitest', 'run', ...files]];

const PARTS = [
  {
    name: 'money',
    what: 'money invariants: random sequences of every operation that moves money (MONEY_SEQUENCES, MONEY_MAX_COMMANDS)',
    command: vitest('tests/integration/money-invariants.test.ts'),
    env: { MONEY_SEQUENCES: process.env.MONEY_SEQUENCES ?? '10000', MONEY_MAX_COMMANDS: process.env.MONEY_MAX_COMMANDS ?? '60' },
  },
];

const only = process.argv.slice(2);
const failed = [];
for (const part of PARTS.filter((p) => !only.length || only.includes(p.name))) {
  console.log(`\n== audit: ${part.name}: ${part.what}`);
  const started = Date.now();
  const [command, args] = part.command;
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...part.env } });
  const ok = result.status === 0;
  console.log(`== audit: ${part.name} ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (!ok) failed.push(part.name);
}
if (failed.length) {
  console.error(`\naudit failed: ${failed.join(', ')}`);
  process.exit(1);
}
