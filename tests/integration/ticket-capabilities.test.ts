import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RUN_WORKER: 'false' });
});
afterAll(() => app.close());

const CAN = '{ tickets(first: 100) { edges { node { id status viewerCan { resolve accept escalate assign comment commentInternal attachEvidence merge split rate } } } } }';

async function capabilitiesOf(email: string) {
  const result = await app.gql(CAN, {}, await app.login(email));
  expect(result.errors).toBeUndefined();
  return result.data.tickets.edges.map((e: any) => e.node) as Array<{ id: string; status: string; viewerCan: Record<string, boolean> }>;
}

describe('Ticket.viewerCan', () => {
  it('offers coordinators no final decision and admins no escalation of ongoing tickets (the issue 10 report)', async () => {
    const coordinator = await capabilitiesOf('coordinator@demo.test');
    const admin = await capabilitiesOf('admin@demo.test');
    expect(coordinator.filter((t) => t.status === 'ESCALATED').map((t) => t.viewerCan.resolve)).toEqual([false]);
    expect(admin.filter((t) => t.status === 'ESCALATED').map((t) => t.viewerCan.resolve)).toEqual([true]);
    const ongoing = admin.filter((t) => t.status === 'ONGOING');
    expect(ongoing.length).toBeGreaterThan(0);
    expect(ongoing.map((t) => t.viewerCan.escalate)).toEqual(ongoing.map(() => false));
    expect(ongoing.map((t) => t.viewerCan.resolve)).toEqual(ongoing.map(() => true));
  });

  it('offers merging to staff on open tickets only (rules.ts), never to families', async () => {
    const admin = await capabilitiesOf('admin@demo.test');
    expect(admin.map((t) => [t.status, t.viewerCan.merge])).toEqual(admin.map((t) => [t.status, t.status !== 'CLOSED']));
    for (const { viewerCan } of await capabilitiesOf('parent@demo.test')) expect(viewerCan.merge).toBe(false);
  });
});
