import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { reportDispute, resolveForParent, waitForRow } from '../support/disputes';
import { sql } from '../support/fixtures';

const PUBLIC_URL = 'https://tickets.example.test';
const RATE = 'mutation($t: ID!, $s: Int!, $c: String) { rateTicket(ticketId: $t, score: $s, comment: $c) { id satisfaction { score comment ratedAt } viewerCan { rate } } }';
const ACCEPT = 'mutation($id: ID!) { acceptResolution(ticketId: $id) { id status } }';

let app: TestApp;
let parent: string;
let coordinator: string;

beforeAll(async () => {
  app = await startTestApp({ PUBLIC_URL });
  [parent, coordinator] = await Promise.all(['parent@demo.test', 'coordinator@demo.test'].map((e) => app.login(e)));
});
afterAll(async () => app?.close());

async function closedTicket(): Promise<string> {
  const { id } = await reportDispute(app, parent);
  await resolveForParent(app, coordinator, id);
  expect((await app.gql(ACCEPT, { id }, parent)).data.acceptResolution.status).toBe('CLOSED');
  return id;
}

describe('satisfaction', () => {
  it('asks the reporter when the ticket closes; the emailed one-click link works once, then rating again is CONFLICT', async () => {
    const id = await closedTicket();
    const row = await waitForRow(app, id, (r) => r.event === 'ticket.rate_request' && r.status === 'SENT');
    expect(row.recipient).toBe('parent@demo.test');
    const [{ payload }] = await sql(app, 'select payload from outbox_messages where id = ?', [row.id]);
    expect(payload.rateLinks).toHaveLength(5);
    expect(payload.rateLinks[3]).toMatch(new RegExp(`^${PUBLIC_URL}/rate/[\\w-]+\\?score=4$`));
    const inApp = await app.gql('{ notifications(first: 5) { edges { node { title ticket { id } } } } }', {}, parent);
    expect(inApp.data.notifications.edges.map((e: any) => e.node)).toContainEqual({ title: expect.stringMatching(/^How did we do/), ticket: { id } });

    const link = payload.rateLinks[3].replace(PUBLIC_URL, app.url);
    const first = await fetch(link);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('out of 5');
    const again = await fetch(link.replace('score=4', 'score=1'));
    expect(again.status).toBe(409);

    const view = await app.gql('query($id: ID!) { ticket(id: $id) { satisfaction { score comment } viewerCan { rate } logs { action comment } } }', { id }, parent);
    expect(view.data.ticket).toMatchObject({ satisfaction: { score: 4, comment: null }, viewerCan: { rate: false } });
    expect(view.data.ticket.logs.at(-1)).toEqual({ action: 'RATED', comment: '4/5' });
    expect(errorCode(await app.gql(RATE, { t: id, s: 5 }, parent))).toBe('CONFLICT');
    expect((await fetch(`${app.url}/rate/not-a-token?score=3`)).status).toBe(404);
  });

  it('rateTicket: the reporter only, CLOSED only, 1..5, once', async () => {
    const { id: open } = await reportDispute(app, parent);
    expect(errorCode(await app.gql(RATE, { t: open, s: 5 }, parent))).toBe('CONFLICT');

    const id = await closedTicket();
    expect(errorCode(await app.gql(RATE, { t: id, s: 5 }, await app.login('tutor@demo.test')))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(RATE, { t: id, s: 5 }, await app.login('parent2@demo.test')))).toBe('NOT_FOUND');
    const bad = await app.gql(RATE, { t: id, s: 6 }, parent);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'score' });

    const rated = await app.gql(RATE, { t: id, s: 5, c: 'Quick and fair' }, parent);
    expect(rated.errors).toBeUndefined();
    expect(rated.data.rateTicket.satisfaction).toMatchObject({ score: 5, comment: 'Quick and fair' });
    expect(errorCode(await app.gql(RATE, { t: id, s: 1 }, parent))).toBe('CONFLICT');
    expect((await sql(app, 'select score from ticket_ratings where ticket_id = ?', [id]))[0].score).toBe(5);
  });
});
