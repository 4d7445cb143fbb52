import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { ensureDashboardBuilt, launchChromium, screenshot, signedIn } from '../support/browser';
import { REPORT, createDisputableSessions, sql } from '../support/fixtures';
import { ticketApi } from '../support/ticket-changes';

/** The coordinator's desk in Chromium: presence between two coordinators, bulk assign and keys on the board, reports. */
let app: TestApp;
let browser: Browser;
const LIVE = { timeout: 15_000 };

beforeAll(async () => {
  ensureDashboardBuilt();
  app = await startTestApp();
  browser = await launchChromium();
  // A second coordinator, Tom, with the demo password.
  await sql(app, `insert into users (id, name, email, role, password_hash)
    select gen_random_uuid(), 'Tom Tanaka', 'tom@demo.test', role, password_hash from users where email = 'coordinator@demo.test'`);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('coordinator desk', () => {
  it('two coordinators on one ticket see each other viewing and typing; the board shows them as avatars', async () => {
    const parent = await app.login('parent@demo.test');
    const ticketId = await ticketApi.report(app, parent, 'mia@demo.test', 'Presence in the browser');
    const cora = await signedIn(browser, app.url, 'coordinator@demo.test');
    const tom = await signedIn(browser, app.url, 'tom@demo.test');
    const admin = await signedIn(browser, app.url, 'admin@demo.test');
    await admin.page.goto('/board');
    await admin.page.locator('.board[aria-busy="false"]').waitFor(LIVE);

    await cora.page.goto(`/tickets/${ticketId}`);
    await tom.page.goto(`/tickets/${ticketId}`);
    await cora.page.getByTestId('presence-bar').getByText('Tom is viewing').waitFor(LIVE);
    await tom.page.getByTestId('presence-bar').getByText('Cora is viewing').waitFor(LIVE);

    await tom.page.locator('textarea').first().pressSequentially('We are checking', { delay: 20 });
    await cora.page.getByTestId('presence-bar').getByText('Tom is typing').waitFor(LIVE);
    await screenshot(cora.page, 'desk-ticket-presence');

    const avatars = admin.page.locator(`.selectable-card:has([data-ticket-id="${ticketId}"]) [data-testid="presence-avatars"] .avatar`);
    await expect.poll(() => avatars.count(), LIVE).toBe(2);
    expect(await avatars.allTextContents()).toEqual(expect.arrayContaining(['CC', 'TT']));

    // Tom leaves: Cora sees him go.
    await tom.context.close();
    await cora.page.getByTestId('presence-bar').waitFor({ state: 'detached', ...LIVE });
    await cora.context.close();
    await admin.context.close();
  });

  it('bulk-assigns from the board (click, shift-click), with keyboard shortcuts and an SLA filter', async () => {
    const parent = await app.login('parent@demo.test');
    const stamp = Date.now();
    const ids = [];
    for (const n of [1, 2, 3]) ids.push(await ticketApi.report(app, parent, 'mia@demo.test', `Bulk e2e ${stamp} ${n}`));
    const { page } = await signedIn(browser, app.url, 'admin@demo.test');
    await page.goto(`/board?q=${encodeURIComponent(`Bulk e2e ${stamp}`)}`);
    await page.locator('.board[aria-busy="false"]').waitFor(LIVE);
    const boxes = page.locator('[data-status="ONGOING"] [data-testid="card-select"]');
    await expect.poll(() => boxes.count(), LIVE).toBe(3);

    await boxes.nth(0).click();
    await boxes.nth(2).click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toBe('3 selected');
    await boxes.nth(1).click();
    await expect.poll(() => page.getByTestId('selected-count').textContent()).toBe('2 selected');
    await page.getByRole('region', { name: 'Bulk actions' }).getByLabel('Assign to').selectOption({ label: 'Me' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect.poll(() => page.getByTestId('bulk-summary').textContent(), LIVE).toBe('2 assigned');
    const assigned = await sql(app, `select t.title from tickets t join users u on u.id = t.assignee_id where u.email = 'admin@demo.test' and t.title like ?`, [`Bulk e2e ${stamp}%`]);
    expect(assigned).toHaveLength(2);
    await page.locator('[data-status="ONGOING"] .assignee').first().waitFor(LIVE);
    await screenshot(page, 'desk-board-bulk');

    // "Select all matching" takes every ticket of the filter.
    await page.getByRole('button', { name: 'Select all matching' }).click();
    await expect.poll(() => page.getByTestId('selected-count').textContent(), LIVE).toBe('3 selected');
    await page.getByRole('button', { name: 'Clear selection' }).click();

    // Keys: j focuses a card, a assigns it to me, / goes to the search, ? lists the shortcuts.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('j');
    const focused = await page.evaluate<string>('document.activeElement.dataset.ticketId');
    expect(ids).toContain(focused);
    await page.keyboard.press('a');
    await expect.poll(async () => (await sql(app, `select u.email from tickets t join users u on u.id = t.assignee_id where t.id = ?`, [focused]))[0]?.email, LIVE).toBe('admin@demo.test');
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts').waitFor();
    await screenshot(page, 'desk-board-shortcuts');
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcuts').waitFor({ state: 'detached', ...LIVE });
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate('document.activeElement?.type'), LIVE).toBe('search');

    // The SLA filter goes to the server: fresh tickets are on track, none breached.
    await page.goto(`/board?q=${encodeURIComponent(`Bulk e2e ${stamp}`)}&sla=BREACHED`);
    await page.locator('.board[aria-busy="false"]').waitFor(LIVE);
    await expect.poll(() => page.getByTestId('count-ONGOING').textContent(), LIVE).toBe('0');
  });

  it('offers "Merge into…" only where viewerCan.merge allows it; a merged ticket links to the one that lives on', async () => {
    const parentToken = await app.login('parent@demo.test');
    const targetId = await ticketApi.report(app, parentToken, 'mia@demo.test', 'Merge e2e: the lesson was missed');
    const sourceId = await ticketApi.report(app, parentToken, 'mia@demo.test', 'Merge e2e: the same lesson again');
    const [{ number: targetNumber }] = await sql(app, 'select number from tickets where id = ?', [targetId]);
    const parent = await signedIn(browser, app.url, 'parent@demo.test');
    await parent.page.goto(`/tickets/${sourceId}`);
    await parent.page.getByTestId('ticket-actions').or(parent.page.locator('.comment-form')).first().waitFor(LIVE);
    expect(await parent.page.getByTestId('merge-card').count()).toBe(0);
    await parent.context.close();

    const { page, context } = await signedIn(browser, app.url, 'coordinator@demo.test');
    await page.goto(`/tickets/${sourceId}`);
    const card = page.getByTestId('merge-card');
    await card.getByLabel('Merge into ticket number').fill(targetNumber);
    await card.getByRole('button', { name: new RegExp(targetNumber) }).click();
    await card.getByLabel('Why (optional)').fill('Reported twice');
    await screenshot(page, 'desk-ticket-merge');
    await card.getByRole('button', { name: `Merge`, exact: false }).click();
    await page.getByTestId('merged-into').waitFor(LIVE);
    expect(await page.getByTestId('merge-card').count()).toBe(0);
    await page.getByTestId('merged-into').getByRole('link', { name: targetNumber }).click();
    await page.waitForURL(`**/tickets/${targetId}`);
    await page.locator('.merged-from').waitFor(LIVE);
    expect((await sql(app, 'select merged_into_id from tickets where id = ?', [sourceId]))[0].merged_into_id).toBe(targetId);
    await context.close();
  });

  it('splits chosen sessions off into a new ticket from the ticket page', async () => {
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 2 });
    const reported = await app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'Split e2e: two lessons', description: 'Both missed' } }, await app.login('parent@demo.test'));
    const ticketId = reported.data.reportIssue.id;
    const { page, context } = await signedIn(browser, app.url, 'coordinator@demo.test');
    await page.goto(`/tickets/${ticketId}`);
    const card = page.getByTestId('split-card');
    await card.getByRole('checkbox').first().check();
    await card.getByLabel('Title of the new ticket').fill('Split e2e: the first lesson');
    await card.getByRole('button', { name: 'Split off 1 session' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/tickets/') && !url.pathname.endsWith(ticketId), LIVE);
    await page.getByRole('heading', { name: /Split e2e: the first lesson/ }).waitFor(LIVE);
    // The new ticket has one session: nothing left to split there.
    expect(await page.getByTestId('split-card').count()).toBe(0);
    await context.close();
  });

  it('the reports page draws its charts and offers each chart as CSV', async () => {
    // Two closed tickets rated this week (4 and 5): the satisfaction tile and chart have figures.
    await sql(app, `insert into ticket_ratings (ticket_id, token_hash, score, rated_at)
      select id, 'e2e-' || id, 4 + (row_number() over (order by number))::int % 2, now() from tickets
       where status = 'CLOSED' and id not in (select ticket_id from ticket_ratings) order by number limit 2`);
    const { page } = await signedIn(browser, app.url, 'coordinator@demo.test');
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL('**/reports');
    await page.getByTestId('report-tiles').waitFor(LIVE);
    const charts = page.locator('.report-chart canvas');
    await expect.poll(() => charts.count(), LIVE).toBe(5);
    // The weekly chart has bars: some pixels are drawn.
    const drawn = await page.locator('[data-testid="chart-weekly"] canvas').evaluate((canvas: any) => {
      const pixels: Uint8ClampedArray = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted += 1;
      return painted;
    });
    expect(drawn).toBeGreaterThan(500);
    await screenshot(page, 'desk-reports', true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-weekly').click()]);
    expect(download.suggestedFilename()).toBe('tickets-per-week.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Week starting,Opened,Closed');
    expect(csv.split('\r\n').length).toBeGreaterThan(3);
    await expect.poll(() => page.getByTestId('report-tiles').textContent()).toContain('4.5 / 5 from 2 ratings');
    const [ratings] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-satisfaction').click()]);
    expect(readFileSync(await ratings.path(), 'utf8').split('\r\n')[0]).toBe('Week starting,Average score (1-5),Ratings');
  });

  it('keeps the initial dashboard JavaScript under 100 KB gzipped; the chart library loads only with Reports', () => {
    const dist = path.resolve('dashboard/dist');
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(initial.length).toBeGreaterThan(0);
    const sources = initial.map((file) => readFileSync(path.join(dist, file)));
    const gzipped = sources.reduce((sum, source) => sum + gzipSync(source).length, 0);
    expect(gzipped).toBeLessThan(100 * 1024);
    for (const source of sources) expect(source.toString()).not.toContain('BarController');
  });
});
