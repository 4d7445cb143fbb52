import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { ensureDashboardBuilt, launchChromium, screenshot, signedIn } from '../support/browser';
import { REPORT, createDisputableSessions, sql } from '../support/fixtures';
import { tutorNeverJoined } from '../support/automations';

/** The rules page in Chromium: build a rule, try it on the last 30 days, save it, switch it off. */
let app: TestApp;
let browser: Browser;
const LIVE = { timeout: 15_000 };

beforeAll(async () => {
  ensureDashboardBuilt();
  app = await startTestApp({ RUN_WORKER: 'false' });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('rules page', () => {
  it('builds, tests (writing nothing), saves and switches a rule; a bad one is refused in plain words', async () => {
    const parent = await app.login('parent@demo.test');
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    await tutorNeverJoined(app, sessionIds);
    await app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'Nobody came', description: 'x' } }, parent);

    const { page, context } = await signedIn(browser, app.url, 'admin@demo.test');
    await page.goto('/admin/rules');
    await page.getByRole('heading', { name: 'Rules' }).waitFor(LIVE);
    const form = page.locator('form.rule-form');
    // A comment without words: the server's refusal, in words.
    await form.getByLabel('Name').fill('Half-made');
    await form.getByLabel('Then').selectOption('COMMENT');
    await form.getByRole('button', { name: 'Save rule' }).click();
    await form.getByText('Write what it should say').waitFor(LIVE);

    await form.getByLabel('Name').fill('No-show, verified');
    await form.getByLabel('Tickets').selectOption('NO_SHOW');
    await form.getByRole('button', { name: 'Add a condition' }).click();
    await form.getByLabel('Fact').selectOption('TUTOR_JOINED_MINUTES');
    await form.getByLabel('Comparison').selectOption('EQ');
    await form.getByLabel('Value').fill('0');
    await form.getByLabel('Then').selectOption('RESOLVE');
    await form.getByLabel('Resolution action').selectOption({ label: 'Void the session and restore the package credit' });
    const before = (await sql(app, 'select count(*)::int as n, max(updated_at) as u from tickets'))[0];
    await form.getByRole('button', { name: 'Test on the last 30 days' }).click();
    const status = form.getByRole('status');
    await status.waitFor(LIVE);
    expect(await status.textContent()).toMatch(/\d+ tickets? of the last 30 days match; resolving them would credit .+\. Nothing was changed/);
    expect((await sql(app, 'select count(*)::int as n, max(updated_at) as u from tickets'))[0]).toEqual(before);
    await screenshot(page, 'rules-page-tested');

    await form.getByRole('button', { name: 'Save rule' }).click();
    const row = page.getByRole('row', { name: /No-show, verified/ });
    await row.waitFor(LIVE);
    expect(await row.textContent()).toMatch(/A ticket is reported.*No-show tickets, minutes the tutor was in the room is 0.*Resolve with an action: Void the session/);
    await row.getByRole('button', { name: 'Switch No-show, verified off' }).click();
    await row.getByRole('button', { name: 'Switch No-show, verified on' }).waitFor(LIVE);
    expect((await sql(app, `select active from automations where name = 'No-show, verified'`))[0].active).toBe(false);
    await screenshot(page, 'rules-page');
    await context.close();
  });
});
