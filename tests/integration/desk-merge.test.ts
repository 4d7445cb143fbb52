import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../server/src/auth/user.entity';
import { attachEvidence } from '../../server/src/evidence/evidence.service';
import { Upload } from '../../server/src/evidence/upload.entity';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { COMMENT, REPORT, RESOLVE, sql, userId } from '../support/fixtures';
import { MERGE, creditsOf, dispute, payoutsOf } from '../support/merge';

const TICKET = `query($id: ID!) { ticket(id: $id) { id status mergedInto { id number } mergedFrom { id } viewerCan { merge }
  logs { action comment internal toStatus } } }`;

describe('mergeTickets', () => {
  let app: TestApp;
  let coordinator: string;
  let parent: string;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    [coordinator, parent] = [await app.login('coordinator@demo.test'), await app.login('parent@demo.test')];
  });
  afterAll(() => app.close());

  it('closes the source into the target: sessions, conversation and evidence join it, both logs say so, the reporter is told; a retry changes nothing', async () => {
    const target = await dispute(app, parent, { title: 'Missed on Monday' });
    const source = await dispute(app, parent, { title: 'Monday again' });
    await app.gql(COMMENT, { id: source.id, b: 'Still waiting' }, parent);
    await app.gql(COMMENT, { id: source.id, b: 'Looks like a duplicate', i: true }, coordinator);
    const parentId = await userId(app, 'parent@demo.test');
    const em = app.orm.em.fork();
    const upload = Object.assign(new Upload(), { owner: em.getReference(User, parentId), filename: 'screenshot.txt', contentType: 'text/plain; charset=utf-8', size: 1 });
    await em.persistAndFlush(upload);
    await attachEvidence(app.orm.em.fork(), app.services.config, { id: parentId, role: 'PARENT' as never }, { ticketId: source.id, uploadIds: [upload.id] });
    expect((await app.gql(TICKET, { id: source.id }, coordinator)).data.ticket.viewerCan.merge).toBe(true);
    expect((await app.gql(TICKET, { id: source.id }, parent)).data.ticket.viewerCan.merge).toBe(false);

    const result = await app.gql(MERGE, { t: target.id, s: [source.id], c: 'Same lesson' }, coordinator);
    expect(result.errors).toBeUndefined();
    const merged = result.data.mergeTickets;
    expect(merged).toMatchObject({ id: target.id, status: 'ONGOING', mergedFrom: [{ id: source.id, number: source.number }], attachments: [{ filename: 'screenshot.txt' }] });
    expect(merged.sessions.map((s: any) => s.id).sort()).toEqual([...target.sessionIds, ...source.sessionIds].sort());
    expect(merged.logs).toEqual(expect.arrayContaining([
      { action: 'MERGED_FROM', comment: `Merged ${source.number} into this ticket: Same lesson`, internal: false, toStatus: null },
      { action: 'COMMENTED', comment: `[${source.number}] reported "Monday again": The tutor did not come`, internal: false, toStatus: null },
      { action: 'COMMENTED', comment: `[${source.number}] Still waiting`, internal: false, toStatus: null },
      { action: 'COMMENTED', comment: `[${source.number}] Looks like a duplicate`, internal: true, toStatus: null },
      { action: 'EVIDENCE_ADDED', comment: `[${source.number}] screenshot.txt`, internal: false, toStatus: null },
    ]));
    // The reporter sees the copies of public entries only.
    const seenByParent = (await app.gql(TICKET, { id: target.id }, parent)).data.ticket.logs.map((l: any) => l.comment);
    expect(seenByParent).toContain(`[${source.number}] Still waiting`);
    expect(seenByParent).not.toContain(`[${source.number}] Looks like a duplicate`);

    const closed = (await app.gql(TICKET, { id: source.id }, parent)).data.ticket;
    expect(closed).toMatchObject({ status: 'CLOSED', mergedInto: { id: target.id, number: target.number }, viewerCan: { merge: false } });
    expect(closed.logs).toContainEqual({ action: 'MERGED', comment: `Merged into ${target.number}: Same lesson`, internal: false, toStatus: 'CLOSED' });
    // The moved session's payout stays held by the open target.
    expect((await payoutsOf(app, source.sessionIds)).get(source.sessionIds[0])?.status).toBe('HELD');
    const told = await sql(app, 'select u.email, n.title from notifications n join users u on u.id = n.user_id where n.ticket_id = ? and n.title like ?', [source.id, '%merged%']);
    expect(told.map((n) => n.email).sort()).toEqual(['parent@demo.test', 'tutor@demo.test']);
    expect(told[0].title).toBe(`${source.number} was merged into ${target.number}`);
    const email = await sql(app, `select count(*)::int as n from outbox_messages where ticket_id = ? and event = 'ticket.merged' and channel = 'EMAIL'`, [source.id]);
    expect(email[0].n).toBe(1);
    const events = await sql(app, 'select kind::text as kind, previous_status::text as previous from ticket_events where ticket_id = ? order by sequence desc limit 1', [source.id]);
    expect(events).toEqual([{ kind: 'STATUS_CHANGED', previous: 'ONGOING' }]);
    // The reporter rates the ticket that lives on, not the duplicate: no request, no capability, refused.
    expect((await sql(app, `select count(*)::int as n from graphile_worker.jobs where key = ?`, [`satisfaction:${source.id}`]))[0].n).toBe(0);
    expect((await app.gql('query($id: ID!) { ticket(id: $id) { viewerCan { rate } } }', { id: source.id }, parent)).data.ticket.viewerCan.rate).toBe(false);
    expect(errorCode(await app.gql('mutation($id: ID!) { rateTicket(ticketId: $id, score: 5) { id } }', { id: source.id }, parent))).toBe('CONFLICT');

    const counts = () => sql(app, `select (select count(*)::int from issue_logs where ticket_id in (?, ?)) as logs, (select count(*)::int from notifications where ticket_id = ?) as notes`, [target.id, source.id, source.id]);
    const before = await counts();
    const retry = await app.gql(MERGE, { t: target.id, s: [source.id, source.id], c: 'Same lesson' }, coordinator);
    expect(retry.errors).toBeUndefined();
    expect(retry.data.mergeTickets.id).toBe(target.id);
    expect(await counts()).toEqual(before);
  });

  it('a session on both tickets keeps the target\'s link, still in the open dispute; chains count every ledger', async () => {
    const disputed = await dispute(app, parent);
    const support = await app.gql(REPORT, { input: { sessionIds: disputed.sessionIds, category: 'BILLING', type: 'SUPPORT', title: 'Is this lesson billed?', description: 'Asking' } }, parent);
    expect(support.errors).toBeUndefined();
    const supportId = support.data.reportIssue.id;
    expect((await app.gql(MERGE, { t: supportId, s: [disputed.id] }, coordinator)).errors).toBeUndefined();
    expect(await sql(app, 'select ticket_id, open_dispute from ticket_sessions where session_id = ?', [disputed.sessionIds[0]])).toEqual([{ ticket_id: supportId, open_dispute: true }]);
    const again = await app.gql(REPORT, { input: { sessionIds: disputed.sessionIds, category: 'NO_SHOW', title: 'Again', description: 'Again' } }, parent);
    expect(errorCode(again)).toBe('CONFLICT');

    // A credited half on the first ticket, merged twice over: the last ticket's same decision moves nothing on it.
    const [first, second, third] = [await dispute(app, parent), await dispute(app, parent), await dispute(app, parent)];
    await app.gql(RESOLVE, { input: { ticketId: first.id, outcome: 'SPLIT', comment: 'Half' } }, coordinator);
    expect((await app.gql(MERGE, { t: second.id, s: [first.id] }, coordinator)).errors).toBeUndefined();
    expect((await app.gql(MERGE, { t: third.id, s: [second.id] }, coordinator)).errors).toBeUndefined();
    await app.gql(RESOLVE, { input: { ticketId: third.id, outcome: 'SPLIT', comment: 'Half' } }, coordinator);
    const lines = await creditsOf(app, [...first.sessionIds, ...second.sessionIds, ...third.sessionIds]);
    expect([...lines.values()].map((l) => [l.credited, l.ledger])).toEqual([[1500, 1500], [1500, 1500], [1500, 1500]]);
  });

  it('refuses non-staff and bad inputs, changing nothing', async () => {
    const target = await dispute(app, parent);
    const source = await dispute(app, parent);
    const learner = await app.login('learner@demo.test');
    const stranger = await dispute(app, learner, { learner: 'learner@demo.test', billedTo: 'learner@demo.test' });
    const resolved = await dispute(app, parent);
    await app.gql(RESOLVE, { input: { ticketId: resolved.id, outcome: 'IN_FAVOR_OF_EDUCATOR', comment: 'Held' } }, coordinator);
    const snapshot = () => sql(app, `select string_agg(status::text || version, ',' order by id) as tickets, (select count(*)::int from issue_logs) as logs from tickets`);
    const before = await snapshot();
    const attempt = (t: string, s: string[], token = coordinator) => app.gql(MERGE, { t, s }, token);

    expect(errorCode(await attempt(target.id, [source.id], parent))).toBe('FORBIDDEN');
    expect(errorCode(await attempt(target.id, [source.id], await app.login('tutor@demo.test')))).toBe('FORBIDDEN');
    for (const [t, s, field] of [[target.id, [target.id], 'sourceIds'], [target.id, [], 'sourceIds'], [target.id, [stranger.id], 'sourceIds'], ['nope', [source.id], 'targetId']] as const) {
      expect((await attempt(t, [...s])).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // A RESOLVED target has decided already; a CLOSED source is no longer open.
    expect(errorCode(await attempt(resolved.id, [source.id]))).toBe('CONFLICT');
    expect(errorCode(await attempt(target.id, ['00000000-0000-4000-8000-000000000000']))).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
    // A RESOLVED source may close into an open target; once CLOSED it merges nowhere else.
    expect((await attempt(target.id, [resolved.id])).errors).toBeUndefined();
    const after = await snapshot();
    expect(errorCode(await attempt(source.id, [resolved.id]))).toBe('CONFLICT');
    expect(await snapshot()).toEqual(after);
  });
});
