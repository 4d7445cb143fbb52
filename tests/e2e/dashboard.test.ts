import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { ensureDashboardBuilt, launchChromium, screenshot, signedIn } from '../support/browser';

/**
 * The dashboard end to end: real server, real database, Chromium. A parent reports an issue on two
 * sessions; the coordinator's board shows it live, the coordinator resolves it for the parent, the
 * board, the parent's bell and the invoice follow; a tutor resolves from Reported Issues.
 */
let app: TestApp;
let browser: Browser;
const LIVE = { timeout: 10_000 };

beforeAll(async () => {
  ensureDashboardBuilt();
  app = await startTestApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const card = (page: Page, status: string, ticketId: string) => page.locator(`[data-status="${status}"] [data-ticket-id="${ticketId}"]`);
const bellCount = async (page: Page) => Number((await page.locator('[data-testid="bell-count"]').textContent({ timeout: 1_000 }).catch(() => '0')) || 0);

describe('dashboard', () => {
  it('parent reports on two sessions; the coordinator sees it live, resolves it, and money and notifications follow', async () => {
    const parent = await signedIn(browser, app.url, 'parent@demo.test');
    const coordinator = await signedIn(browser, app.url, 'coordinator@demo.test');
    const board = coordinator.page;
    expect(new URL(board.url()).pathname).toBe('/board');
    expect(new URL(parent.page.url()).pathname).toBe('/sessions');
    await board.locator('[data-testid="connection"].live').waitFor(LIVE);
    await board.locator('.board[aria-busy="false"]').waitFor(LIVE);
    const ongoingBefore = Number(await board.getByTestId('count-ONGOING').textContent());

    // The parent picks two completed sessions of one tutor on an issued invoice.
    const p = parent.page;
    await p.getByRole('link', { name: 'Invoices' }).click();
    await p.locator('tr', { has: p.locator('.status-issued') }).first().getByRole('link').click();
    await p.getByTestId('invoice-lines').waitFor();
    const invoiceUrl = p.url();
    const boxes = p.locator('[data-testid="invoice-lines"] input[type="checkbox"][data-tutor-id]');
    await boxes.first().waitFor();
    const tutors = await boxes.evaluateAll((els) => els.map((el) => el.getAttribute('data-tutor-id')!));
    const tutorId = tutors.find((id) => tutors.filter((t) => t === id).length >= 2);
    expect(tutorId, 'an issued invoice with two lines of one tutor').toBeTruthy();
    const sameTutor = p.locator(`[data-testid="invoice-lines"] input[data-tutor-id="${tutorId}"]`);
    await sameTutor.nth(0).check();
    await sameTutor.nth(1).check();
    await expect.poll(() => p.locator('.report-bar').textContent()).toContain('2 sessions selected');
    const bellBefore = await bellCount(p);

    await p.getByRole('button', { name: 'Report an issue' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('Category').selectOption('NO_SHOW');
    const title = `Tutor missed two lessons ${Date.now()}`;
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Description').fill('We waited both times and nobody came.');
    await dialog.getByRole('button', { name: 'Report issue' }).click();
    await p.waitForURL(/\/tickets\/[0-9a-f-]+$/);
    const ticketId = p.url().split('/').pop()!;
    await p.getByRole('heading', { name: title }).waitFor();

    // The coordinator's board shows the new card in ONGOING, without a reload.
    await card(board, 'ONGOING', ticketId).waitFor(LIVE);
    await expect.poll(() => board.getByTestId('count-ONGOING').textContent()).toBe(String(ongoingBefore + 1));
    await screenshot(board, 'board');

    // The coordinator resolves it in favour of the parent from the ticket detail (second tab).
    const detail = await coordinator.context.newPage();
    await detail.goto(`/tickets/${ticketId}`);
    await detail.getByRole('heading', { name: 'Session Details' }).waitFor();
    expect(await detail.locator('.session-block').count()).toBe(2);
    await detail.getByLabel('In favour of the parent (full credit)').check();
    await detail.getByLabel('Comment', { exact: true }).first().fill('Attendance shows the tutor never joined. Full credit.');
    expect(await detail.getByTestId('money-preview').textContent()).toMatch(/Credit/);
    await screenshot(detail, 'detail', true);
    await detail.getByRole('button', { name: 'Resolve', exact: true }).click();
    await detail.locator('.page-head .status-resolved').waitFor(LIVE);

    // The card moves to RESOLVED on the open board, live.
    await card(board, 'RESOLVED', ticketId).waitFor(LIVE);
    expect(await card(board, 'ONGOING', ticketId).count()).toBe(0);
    await screenshot(board, 'board-after-resolve');

    // The parent's bell counts the new notification, which links to the ticket.
    await expect.poll(() => bellCount(p), LIVE).toBeGreaterThan(bellBefore);
    await p.getByTestId('bell').click();
    await p.locator(`#bell-panel a[href="/tickets/${ticketId}"]`).first().waitFor(LIVE);
    await screenshot(p, 'parent-bell');

    // The invoice now carries a credit note for the ticket.
    await p.goto(invoiceUrl);
    await p.getByTestId('credit-notes').locator(`a[href="/tickets/${ticketId}"]`).waitFor(LIVE);
    await screenshot(p, 'parent-invoice', true);
    await parent.context.close();
    await coordinator.context.close();
  });

  it('a tutor resolves a ticket from Reported Issues with an action and a comment', async () => {
    const ticketId = await reportAsParent2OnTutorSession();
    const tutor = await signedIn(browser, app.url, 'tutor@demo.test');
    const page = tutor.page;
    expect(new URL(page.url()).pathname).toBe('/reported-issues');
    const row = page.locator(`[data-testid="reported-issues"] tr[data-ticket-id="${ticketId}"]`);
    await row.waitFor(LIVE);
    for (const header of ['Learner', 'Language', 'Session date and time', 'Session status', 'Issue title', 'Issue status']) {
      await page.getByRole('columnheader', { name: header, exact: true }).waitFor();
    }
    await row.getByRole('button', { name: /Resolve/ }).click();
    const dialog = page.getByRole('dialog');
    const action = dialog.getByLabel('Take Action');
    await action.locator('option:not([value=""])').first().waitFor({ state: 'attached' });
    // Both fields are required: an empty submit is refused in words.
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    expect(await dialog.getByRole('alert').textContent()).toContain('Choose an action');
    const actionValue = await action.locator('option:not([value=""])').first().getAttribute('value');
    await action.selectOption(actionValue!);
    await dialog.getByLabel('Your Comment').fill('Rescheduled with the family; sorry for the trouble.');
    await screenshot(page, 'tutor-resolve-dialog');
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    await row.locator('.status-resolved').waitFor(LIVE);
    expect(await row.getByRole('button', { name: /Resolve/ }).count()).toBe(0);
    await screenshot(page, 'tutor');

    const token = await app.login('tutor@demo.test');
    const result = await app.gql('query($id: ID!) { ticket(id: $id) { status resolution { comment action { id } } } }', { id: ticketId }, token);
    expect(result.data.ticket).toEqual({
      status: 'RESOLVED',
      resolution: { comment: 'Rescheduled with the family; sorry for the trouble.', action: { id: actionValue } },
    });
    await tutor.context.close();
  });

  it('a tutor grants exactly the remedy the reporter asked for in one step', async () => {
    const ticketId = await reportAsParent2OnTutorSession('PARTIAL_CREDIT');
    const tutor = await signedIn(browser, app.url, 'tutor@demo.test');
    const page = tutor.page;
    const row = page.locator(`[data-testid="reported-issues"] tr[data-ticket-id="${ticketId}"]`);
    await row.waitFor(LIVE);
    await row.getByRole('button', { name: /Resolve/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Grant what the reporter asked for/).check();
    await dialog.getByLabel('Your Comment').fill('Granted as you asked.');
    await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
    await row.locator('.status-resolved').waitFor(LIVE);
    const token = await app.login('tutor@demo.test');
    const result = await app.gql('query($id: ID!) { ticket(id: $id) { status sessions { price { amountMinor } } resolution { comment credited { amountMinor } } } }', { id: ticketId }, token);
    expect(result.data.ticket.status).toBe('RESOLVED');
    expect(result.data.ticket.resolution.credited.amountMinor).toBe(Math.round(result.data.ticket.sessions[0].price.amountMinor / 2));
    await tutor.context.close();
  });

  it('keeps board filters in the URL, and lets an admin manage actions and API keys', async () => {
    const coordinator = await signedIn(browser, app.url, 'coordinator@demo.test');
    const board = coordinator.page;
    await board.getByLabel('Category').selectOption('BILLING');
    await board.waitForURL(/category=BILLING/);
    await board.reload();
    expect(await board.getByLabel('Category').inputValue()).toBe('BILLING');
    await expect.poll(() => board.locator('[data-testid="ticket-card"] .chip').allTextContents()).toEqual(expect.arrayContaining(['Billing']));
    expect(new Set(await board.locator('[data-testid="ticket-card"] .chip').allTextContents())).toEqual(new Set(['Billing']));
    await coordinator.context.close();

    const admin = await signedIn(browser, app.url, 'admin@demo.test');
    const page = admin.page;
    await page.goto('/admin/actions');
    const form = page.locator('form.action-form').first();
    await form.getByLabel('Label').fill('Goodwill credit (e2e)');
    await form.getByLabel('Effect').selectOption('PARTIAL_CREDIT');
    await form.getByLabel('Credit %').fill('25');
    await form.getByRole('button', { name: 'Create action' }).click();
    const row = page.locator('tr', { hasText: 'Goodwill credit (e2e)' });
    await row.getByText('Partial credit 25%').waitFor(LIVE);
    await row.getByRole('button', { name: /^Deactivate/ }).click();
    await row.getByText('Deactivated').waitFor(LIVE);

    await page.goto('/admin/api-keys');
    await page.getByLabel('Name').fill('Partner e2e');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = await page.locator('.key-once code').textContent(LIVE);
    expect(key).toMatch(/^pk_/);
    page.once('dialog', (d) => void d.accept());
    await page.locator('tr', { hasText: 'Partner e2e' }).getByRole('button', { name: /^Revoke/ }).click();
    await page.locator('tr', { hasText: 'Partner e2e' }).getByText(/^Revoked/).waitFor(LIVE);
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.locator('.key-once').count()).toBe(0);
    await admin.context.close();
  });
});

/** An ONGOING NO_SHOW ticket on one of Tomas Tutor's sessions, reported by parent2 through the API. */
async function reportAsParent2OnTutorSession(requestedEffect: string | null = null): Promise<string> {
  const token = await app.login('parent2@demo.test');
  const sessions = await app.gql(
    '{ sessions(filter: { status: COMPLETED }, first: 100) { edges { node { id tutor { email } openTicket { id } } } } }',
    {},
    token,
  );
  const free = sessions.data.sessions.edges.map((e: any) => e.node).find((s: any) => s.tutor.email === 'tutor@demo.test' && !s.openTicket);
  expect(free, 'a completed session of tutor@demo.test without an open ticket').toBeTruthy();
  const reported = await app.gql(
    'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id } }',
    { input: { sessionIds: [free.id], category: 'NO_SHOW', title: 'Tutor did not come', description: 'Ola waited 15 minutes.', requestedEffect } },
    token,
  );
  expect(reported.errors).toBeUndefined();
  return reported.data.reportIssue.id;
}
