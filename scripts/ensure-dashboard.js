#!/usr/bin/env node
/**
 * Builds the dashboard when dashboard/dist is missing or older than its sources, so `npm start`
 * always serves the current UI. Builds into a temporary folder and swaps it in, under a lock, so a
 * running server or a parallel test run never sees a half-written dist.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dashboard = path.join(root, 'dashboard');
const dist = path.join(dashboard, 'dist');
const lock = path.join(dashboard, '.build-lock');
const SOURCES = ['src', 'index.html', 'vite.config.ts'].map((p) => path.join(dashboard, p));

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function isStale() {
  const built = path.join(dist, 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > builtAt);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function takeLock() {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return true;
    } catch {
      // Another build is running; a lock older than 3 minutes is left over from a crash.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 180_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {}
      if (Date.now() > deadline) return false;
      sleep(250);
    }
  }
}

function build() {
  const temp = path.join(dashboard, `.dist-${process.pid}`);
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(dashboard, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DASHBOARD_OUT_DIR: temp },
  });
  if (result.status !== 0) {
    fs.rmSync(temp, { recursive: true, force: true });
    return false;
  }
  const old = path.join(dashboard, `.dist-old-${process.pid}`);
  if (fs.existsSync(dist)) fs.renameSync(dist, old);
  fs.renameSync(temp, dist);
  fs.rmSync(old, { recursive: true, force: true });
  return true;
}

function ensureDashboard({ quiet = false } = {}) {
  if (!isStale()) return true;
  if (!takeLock()) throw new Error('timed out waiting for another dashboard build');
  try {
    if (!isStale()) return true; // built by whoever held the lock
    if (!quiet) console.log('building the dashboard…');
    return build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

module.exports = { ensureDashboard, isStale };

if (require.main === module) {
  const ok = ensureDashboard();
  // The API still works without the UI: `npm start` goes on; tests (--strict) must not.
  if (!ok) {
    console.error('warning: the dashboard build failed; the server will show a placeholder at /');
    if (process.argv.includes('--strict')) process.exit(1);
  }
}
