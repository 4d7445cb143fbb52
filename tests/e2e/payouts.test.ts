import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { ensureDashboardBuilt, launchChromium, screenshot, signedIn } from '../support/browser';
import { sql } from '../support/fixtures';

/** The tutor's Payouts page and the admins' payment run, in Chromium against the real server. */
let app: TestApp;
let browser: Browser;
const LIVE = { timeout: 10_000 };

beforeAll(async () => {
  ensureDashboardBuilt();
  app = await startTestApp({ RUN_WORKER: 'false' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('payouts in the dashboard', () => {
  it('the tutor sees a held payout with the ticket holding it, totals, and a late credit on a paid one', async () => {
    const { page } = await signedIn(browser, app.url, 'tutor@demo.test');
    await page.getByRole('link', { name: 'Payouts' }).click();
    await page.waitForURL(/\/payouts$/);
    const held = page.getByTestId('payouts-held');
    const holding = held.locator('a[href^="/tickets/"]').first();
    await holding.waitFor(LIVE);
    const number = (await holding.textContent())!.trim();
    expect(number).toMatch(/^T-\d{6}$/);
    const [{ n: heldCount }] = await sql(app, `select count(*)::int as n from tutor_payouts p join users u on u.id = p.tutor_id where u.email = 'tutor@demo.test' and p.status = 'HELD'`);
    await expect.poll(() => page.getByTestId('total-HELD').textContent()).toContain(`(${heldCount})`);
    await page.getByTestId('payouts-paid').getByText('Credit decided after payment').first().waitFor(LIVE);
    await page.screenshot({ path: '/work/wt/payouts-screenshot.png', fullPage: true });
    await screenshot(page, 'tutor-payouts', true);

    // The ticket holding it shows the payouts it holds.
    await holding.click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]+$/);
    await page.getByRole('heading', { name: 'Tutor payouts' }).waitFor(LIVE);
    expect(await page.getByTestId('ticket-payouts').getByText('Held').count()).toBeGreaterThan(0);
  });

  it('an admin filters released payouts, exports the selection as CSV and marks it paid', async () => {
    const { page } = await signedIn(browser, app.url, 'admin@demo.test');
    await page.getByRole('link', { name: 'Payouts' }).click();
    await page.waitForURL(/\/admin\/payouts$/);
    const table = page.getByTestId('admin-payouts');
    await table.locator('tbody input[type="checkbox"]:not([disabled])').first().waitFor(LIVE);
    await page.getByRole('combobox', { name: 'Tutor' }).selectOption({ label: 'Tessa Tutor' });
    await expect.poll(() => table.locator('tbody th').allTextContents()).not.toContain('Tomas Tutor');
    await table.locator('tbody input[type="checkbox"]:not([disabled])').first().waitFor(LIVE);
    const rows = table.locator('tbody input[type="checkbox"]:not([disabled])');
    await rows.nth(0).check();
    await rows.nth(1).check();
    const ids = await sql(app, `select count(*)::int as n from tutor_payouts where status = 'PAID' and reference = 'E2E-RUN-1'`);
    expect(ids[0].n).toBe(0);

    await page.getByLabel('Payment reference (bank batch id)').fill('E2E-RUN-1');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV (2)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    expect(csv[0]).toBe('payout_id,tutor,tutor_email,session_date,subject,status,amount,deductions,net,currency,reference');
    expect(csv.length).toBe(3);
    expect(download.suggestedFilename()).toBe('payouts-E2E-RUN-1.csv');

    await page.getByRole('button', { name: 'Mark 2 paid' }).click();
    await page.getByRole('status').filter({ hasText: '2 payouts marked paid with E2E-RUN-1.' }).waitFor(LIVE);
    const paid = await sql(app, `select id from tutor_payouts where status = 'PAID' and reference = 'E2E-RUN-1'`);
    expect(paid.map((p) => p.id).sort()).toEqual(csv.slice(1).map((line) => line.split(',')[0]).sort());
    await screenshot(page, 'admin-payouts', true);
  });
});
