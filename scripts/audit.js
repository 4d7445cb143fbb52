#!/usr/bin/env node
// `npm run audit`: the hostile-input audits, one part after another, each a vitest file run on its own
// (its own embedded PostgreSQL), then the figures each part wrote. A part writes its figures as JSON to
// the file named by AUDIT_FIGURES: { requests, codes: { "HTTP 400": n, BAD_USER_INPUT: n, ... },
// serverErrors: [...] } and anything else it counts. Exit code 1 when a part fails or saw a server error.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

/** The audit parts, run in this order. Add a part here: a name, its test file, and its environment. */
const PARTS = [
  {
    name: 'Schema-driven fuzz against a production-mode server (every operation, hostile arguments and credentials)',
    test: 'tests/integration/security-fuzz-schema.test.ts',
    env: { FUZZ_RUNS_PER_FIELD: process.env.FUZZ_RUNS_PER_FIELD || '25' },
  },
  {
    name: 'GraphQL over HTTP spec audits (graphql-http) against a production-mode server',
    test: 'tests/integration/security-http-audit.test.ts',
    env: {},
  },
  {
    name: 'Money invariants: random sequences of every operation that moves or holds money, every rule checked after each command',
    test: 'tests/integration/money-invariants.test.ts',
    // MONEY_TIME_LIMIT (seconds) stops starting sequences; the figures say how many ran.
    env: { MONEY_SEQUENCES: process.env.MONEY_SEQUENCES || '10000', MONEY_MAX_COMMANDS: process.env.MONEY_MAX_COMMANDS || '60' },
  },
];

const root = path.resolve(__dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'tickets-audit-'));
let failed = false;
const totals = { requests: 0, serverErrors: 0 };

PARTS.forEach((part, index) => {
  const figuresFile = path.join(dir, `part-${index}.json`);
  const started = Date.now();
  console.log(`\n== ${part.name}\n   ${part.test}`);
  const run = spawnSync(process.execPath, [path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs'), 'run', part.test, '--reporter=dot'], {
    cwd: root,
    env: { ...process.env, ...part.env, AUDIT_FIGURES: figuresFile },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const passed = run.status === 0;
  if (!passed) {
    failed = true;
    console.log(`   FAILED after ${seconds} s; the end of its output:\n${`${run.stdout}\n${run.stderr}`.split('\n').slice(-60).join('\n')}`);
  }
  const figures = existsSync(figuresFile) ? JSON.parse(readFileSync(figuresFile, 'utf8')) : null;
  if (!figures) {
    console.log(`   ${passed ? 'passed' : 'failed'} in ${seconds} s; it wrote no figures`);
    if (passed) failed = true;
    return;
  }
  const serverErrors = figures.serverErrors ?? [];
  totals.requests += figures.requests ?? 0;
  totals.serverErrors += serverErrors.length;
  if (serverErrors.length) failed = true;
  console.log(`   ${passed ? 'passed' : 'FAILED'} in ${seconds} s`);
  console.log(`   requests sent: ${figures.requests ?? 0}`);
  const codes = Object.entries(figures.codes ?? {}).sort((a, b) => b[1] - a[1]);
  console.log(`   codes seen:    ${codes.map(([code, n]) => `${code} ×${n}`).join(', ') || 'none'}`);
  console.log(`   server errors: ${serverErrors.length}`);
  for (const error of serverErrors.slice(0, 10)) console.log(`     ${error}`);
  for (const [key, value] of Object.entries(figures)) {
    if (!['requests', 'codes', 'serverErrors'].includes(key)) console.log(`   ${key}: ${typeof value === 'object' ? JSON.stringify(value) : value}`);
  }
});

console.log(`\n== ${PARTS.length} parts: ${totals.requests} requests, ${totals.serverErrors} server errors; ${failed ? 'FAILED' : 'all passed'}`);
process.exit(failed ? 1 : 0);
