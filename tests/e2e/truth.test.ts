import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { ensureDashboardBuilt, launchChromium, screenshot, signedIn } from '../support/browser';
import { sql } from '../support/fixtures';
import { ticketApi } from '../support/ticket-changes';

/** Issue 23 in Chromium: what the pages say is what is true. */
let app: TestApp;
let browser: Browser;
const LIVE = { timeout: 15_000 };

beforeAll(async () => {
  ensureDashboardBuilt();
  app = await startTestApp({ RUN_WORKER: 'false' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('what people see is true', () => {
  it('visiting the notification list marks it read, and the bell follows', async () => {
    const unread = async () => (await sql(app, `select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.email = 'coordinator@demo.test' and n.read_at is null`))[0].n;
    expect(await unread()).toBeGreaterThan(0);
    const { page } = await signedIn(browser, app.url, 'coordinator@demo.test');
    await page.goto(`${app.url}/notifications`);
    await page.getByTestId('notification').first().waitFor(LIVE);
    await expect.poll(unread, LIVE).toBe(0);
    await expect.poll(() => page.getByTestId('bell-count').count(), LIVE).toBe(0);
    await screenshot(page, 'notifications-read');
  });

  it('staff are offered to e-mail the tutor when Telegram is off, not "on Telegram"', async () => {
    const parent = await app.login('parent@demo.test');
    const id = await ticketApi.report(app, parent, 'mia@demo.test', 'Contact wording');
    const { page } = await signedIn(browser, app.url, 'coordinator@demo.test');
    await page.goto(`${app.url}/tickets/${id}`);
    await page.getByRole('button', { name: 'E-mail the tutor' }).waitFor(LIVE);
    expect(await page.getByRole('button', { name: 'Contact tutor on Telegram' }).count()).toBe(0);
  });
});
