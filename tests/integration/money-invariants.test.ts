import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { COMMAND_KINDS } from '../support/money/commands';
import { formatStats, runMoneySequences } from '../support/money/run';

/**
 * Model-based: random sequences of every operation that moves or holds money (report, resolve in
 * every way, accept, escalate, final decision, the timers, merge, split, cancel, pay), each checked
 * against a model and followed by every money invariant read with plain SQL. `npm test` runs
 * 60 short sequences (well under 90 s on an idle 2-core machine); `npm run audit` sets
 * MONEY_SEQUENCES=10000 MONEY_MAX_COMMANDS=60.
 */
const SEQUENCES = Number(process.env.MONEY_SEQUENCES ?? 60);
const MAX_COMMANDS = Number(process.env.MONEY_MAX_COMMANDS ?? 10);
const SEED = process.env.MONEY_SEED ? Number(process.env.MONEY_SEED) : undefined;
// The audit: stop after MONEY_TIME_LIMIT seconds (the figures say how many sequences ran), progress every 25 sequences.
const TIME_LIMIT_MS = process.env.MONEY_TIME_LIMIT ? Number(process.env.MONEY_TIME_LIMIT) * 1000 : undefined;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
});
afterAll(() => app?.close());

describe('money invariants over every path', () => {
  it(`${SEQUENCES} random sequences of up to ${MAX_COMMANDS} commands keep every invariant to the cent`, async () => {
    const stats = await runMoneySequences(app, { sequences: SEQUENCES, maxCommands: MAX_COMMANDS, seed: SEED, path: process.env.MONEY_PATH, timeLimitMs: TIME_LIMIT_MS, progressEvery: SEQUENCES >= 1000 ? 25 : undefined });
    console.log(formatStats(stats));
    // npm run audit collects each part's figures from AUDIT_FIGURES (scripts/audit.js).
    if (process.env.AUDIT_FIGURES) {
      writeFileSync(process.env.AUDIT_FIGURES, JSON.stringify({
        sequences: stats.sequences, commands: stats.commands, seconds: Math.round(stats.ms / 1000),
        codes: Object.fromEntries(stats.counts), serverErrors: [],
      }));
    }
    if (process.env.MONEY_PATH) return;
    if (TIME_LIMIT_MS) expect(stats.sequences).toBeGreaterThan(0);
    else expect(stats.sequences).toBe(SEQUENCES);
    // Every kind ran and succeeded at least once, so nobody can think it covered what it did not.
    if (SEQUENCES >= 100) for (const kind of COMMAND_KINDS) expect([...stats.counts.keys()], kind.kind).toContain(`${kind.kind} ok`);
  }, 24 * 3_600_000);
});
