import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-accounts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve('test-artifacts');

/** Builds dashboard/dist when it is missing or older than its sources (shared lock with npm start). */
export function ensureDashboardBuilt() {
  const result = spawnSync(process.execPath, [path.resolve('scripts/ensure-dashboard.js'), '--strict'], { encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(path.resolve('dashboard/dist/index.html'))) {
    throw new Error(`dashboard build failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}; install it with apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh browser context signed in through the login page; page errors fail loudly in the log. */
export async function signedIn(browser: Browser, baseUrl: string, email: string, viewport = { width: 1400, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${email}] page error:`, error.message));
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page };
}

export async function screenshot(page: Page, name: string, fullPage = false) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}
