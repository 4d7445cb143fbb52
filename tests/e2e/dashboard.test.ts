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
    // No outcome is chosen for them: money moves only on a choice.
    expect(await detail.locator('input[name="outcome"]:checked').count()).toBe(0);
    await detail.getByLabel('In favour of the parent (full credit)').check();
    await detail.getByLabel('Comment', { exact: true }).first().fill('Attendance shows the tutor never joined. Full credit.');
    await detail.locator('[data-testid="money-preview"][data-state="ready"]').waitFor(LIVE);
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

  it('as coordinator and admin, on escalated and ongoing tickets, offers exactly what the server allows, and it works', async () => {
    const adminToken = await app.login('admin@demo.test');
    const escalated = await firstTicket(adminToken, { status: ['ESCALATED'] });
    // The seeded no-show whose attendance shows no tutor join.
    const ongoing = await firstTicket(adminToken, { status: ['ONGOING'], category: 'NO_SHOW', search: 'Tutor did not join the lesson' });
    const coordinator = await signedIn(browser, app.url, 'coordinator@demo.test');
    const admin = await signedIn(browser, app.url, 'admin@demo.test');
    const tokens = { coordinator: await app.login('coordinator@demo.test'), admin: adminToken };

    // Every page shows exactly the actions viewerCan allows.
    for (const [who, session] of [['coordinator', coordinator], ['admin', admin]] as const) {
      for (const ticket of [escalated, ongoing]) {
        const { viewerCan } = (await app.gql(CAN, { id: ticket.id }, tokens[who])).data.ticket;
        await session.page.goto(`/tickets/${ticket.id}`);
        await session.page.getByRole('heading', { name: 'Issue Logs' }).waitFor(LIVE);
        expect(await offered(session.page), `${who} on ${ticket.number}`).toEqual(viewerCan);
      }
    }

    // The issue's two reports: a coordinator is offered no final decision, an admin no escalation.
    const c = coordinator.page;
    await c.goto(`/tickets/${escalated.id}`);
    await c.getByRole('heading', { name: 'Issue Logs' }).waitFor(LIVE);
    expect(await c.getByRole('heading', { name: 'Final decision' }).count()).toBe(0);
    await screenshot(c, 'coordinator-escalated', true);
    const a = admin.page;
    await a.goto(`/tickets/${ongoing.id}`);
    await a.getByRole('heading', { name: 'Issue Logs' }).waitFor(LIVE);
    expect(await a.getByRole('button', { name: 'Escalate', exact: true }).count()).toBe(0);
    expect(await a.getByTestId('evidence').first().textContent()).toContain('the tutor did not join');

    // What the coordinator is offered on the escalated ticket works: assign, an internal comment.
    await c.getByRole('button', { name: 'Assign to me' }).click();
    await c.getByRole('button', { name: 'Unassign me' }).waitFor(LIVE);
    await c.locator('form.comment-form textarea').fill('Checked the recording; waiting for the admin.');
    await c.getByRole('switch', { name: /Internal/ }).check();
    await c.getByRole('button', { name: 'Add comment' }).click();
    await c.locator('.timeline li.internal', { hasText: 'Checked the recording' }).waitFor(LIVE);

    // The admin's resolve form shows the server's preview, its refusals in the server's words.
    const form = a.locator('form[aria-label="Resolve ticket"]');
    expect(await form.locator('input[name="outcome"]:checked').count()).toBe(0);
    expect(await a.getByTestId('money-preview').textContent()).toContain('Choose an outcome');
    await form.getByLabel('Split (partial credit)').check();
    await form.getByLabel('Credit amount').fill('999999');
    await form.getByLabel('Comment', { exact: true }).fill('Checking what a split moves.');
    const tooMuch = await app.gql('query($i: ResolveTicketInput!) { previewResolution(input: $i) { credit { amountMinor } } }', {
      i: { ticketId: ongoing.id, outcome: 'SPLIT', creditAmountMinor: 99_999_900, comment: 'Checking what a split moves.' },
    }, adminToken);
    expect(tooMuch.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await a.getByTestId('preview-refused').getByText(tooMuch.errors![0].message).waitFor(LIVE);
    await form.getByLabel('In favour of the parent (full credit)').check();
    const preview = a.locator('[data-testid="money-preview"][data-state="ready"]');
    await preview.waitFor(LIVE);
    const expected = await app.gql('query($i: ResolveTicketInput!) { previewResolution(input: $i) { credit { amountMinor } } }', {
      i: { ticketId: ongoing.id, outcome: 'IN_FAVOR_OF_PARENT', comment: 'Checking what a split moves.' },
    }, adminToken);
    expect(Number(await preview.getAttribute('data-credit-minor'))).toBe(expected.data.previewResolution.credit.amountMinor);
    expect(expected.data.previewResolution.credit.amountMinor).toBeGreaterThan(0);
    await screenshot(a, 'admin-ongoing-preview', true);
    await form.getByLabel('Comment', { exact: true }).fill('The tutor never joined: full credit.');
    await form.getByRole('button', { name: 'Resolve', exact: true }).click();
    await a.locator('.page-head .status-resolved').waitFor(LIVE);
    expect(await offered(a)).toEqual((await app.gql(CAN, { id: ongoing.id }, adminToken)).data.ticket.viewerCan);

    // The admin's final decision on the escalated ticket closes it.
    await a.goto(`/tickets/${escalated.id}`);
    await a.getByRole('heading', { name: 'Final decision' }).waitFor(LIVE);
    const decision = a.locator('form[aria-label="Resolve ticket"]');
    await decision.getByLabel('In favour of the educator (no credit)').check();
    await decision.getByLabel('Comment', { exact: true }).fill('The attendance shows the tutor waited the whole hour.');
    await a.locator('[data-testid="money-preview"][data-state="ready"]').waitFor(LIVE);
    await decision.getByRole('button', { name: 'Resolve', exact: true }).click();
    await a.locator('.page-head .status-closed').waitFor(LIVE);
    expect(await offered(a)).toEqual({ resolve: false, accept: false, escalate: false, assign: false, comment: false, commentInternal: false });

    // A coordinator may escalate an ongoing ticket, and the button does it.
    const another = await firstTicket(tokens.coordinator, { status: ['ONGOING'], type: 'DISPUTE', search: 'Lesson ended early' });
    await c.goto(`/tickets/${another.id}`);
    await c.getByRole('button', { name: 'Escalate', exact: true }).click();
    await c.getByLabel('Why should an admin decide?').fill('The family asks for a refund the tutor cannot give.');
    await c.getByRole('button', { name: 'Escalate to an admin' }).click();
    await c.locator('.page-head .status-escalated').waitFor(LIVE);
    expect(await c.getByRole('button', { name: 'Escalate', exact: true }).count()).toBe(0);
    await coordinator.context.close();
    await admin.context.close();
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

/** The ticket actions the page shows, by the capability each stands for. */
async function offered(page: Page) {
  const side = page.getByRole('complementary', { name: 'Actions' });
  const count = (locator: ReturnType<Page['locator']>) => locator.count().then((n) => n > 0);
  return {
    resolve: await count(side.locator('form[aria-label="Resolve ticket"]')),
    accept: await count(side.getByRole('button', { name: 'Accept resolution' })),
    escalate: await count(side.getByRole('button', { name: 'Escalate', exact: true })),
    assign: await count(side.getByRole('button', { name: /^(Assign to me|Unassign me)$/ })),
    comment: await count(side.locator('form.comment-form')),
    commentInternal: await count(side.getByRole('switch', { name: /Internal/ })),
  };
}

const CAN = 'query($id: ID!) { ticket(id: $id) { status viewerCan { resolve accept escalate assign comment commentInternal } } }';
const firstTicket = async (token: string, filter: Record<string, unknown>) =>
  (await app.gql('query($f: TicketFilter) { tickets(filter: $f, first: 1) { edges { node { id number } } } }', { f: filter }, token)).data.tickets.edges[0].node as { id: string; number: string };

/**
 * An ONGOING NO_SHOW ticket on one of Tomas Tutor's one-on-one sessions, reported by parent2 through
 * the API. (A group class another family disputes is refused, and parent2 cannot see that dispute.)
 */
async function reportAsParent2OnTutorSession(requestedEffect: string | null = null): Promise<string> {
  const token = await app.login('parent2@demo.test');
  const sessions = await app.gql(
    '{ sessions(filter: { status: COMPLETED }, first: 100) { edges { node { id kind tutor { name } openTicket { id } } } } }',
    {},
    token,
  );
  // Parents do not see tutors' e-mails: tell tutor@demo.test by name.
  const [tutor] = await app.orm.em.fork().getConnection().execute("select name from users where email = 'tutor@demo.test'");
  const free = sessions.data.sessions.edges.map((e: any) => e.node).find((s: any) => s.kind === 'ONE_ON_ONE' && s.tutor.name === tutor.name && !s.openTicket);
  expect(free, 'a completed session of tutor@demo.test without an open ticket').toBeTruthy();
  const reported = await app.gql(
    'mutation($input: ReportIssueInput!) { reportIssue(input: $input) { id } }',
    { input: { sessionIds: [free.id], category: 'NO_SHOW', title: 'Tutor did not come', description: 'Ola waited 15 minutes.', requestedEffect } },
    token,
  );
  expect(reported.errors).toBeUndefined();
  return reported.data.reportIssue.id;
}
