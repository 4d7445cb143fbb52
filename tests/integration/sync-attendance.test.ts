import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttendanceRecorded, onAttendanceRecorded } from '../../server/src/sync/attendance';
import { type TestApp, startTestApp } from '../support/app';
import { sql } from '../support/fixtures';
import { SYNC, apiKey, familyItems, runPrefix, sessionItem } from '../support/sync';

const SECRET = 'zoom-secret-token-for-tests';
let app: TestApp;
let key: string;
const p = runPrefix();
const heard: AttendanceRecorded[] = [];
let stopListening: () => void;

/** A POST as Zoom sends it: x-zm-request-timestamp and x-zm-signature over "v0:<ts>:<raw body>". */
async function zoom(body: unknown, options: { secret?: string; timestamp?: number } = {}) {
  const raw = JSON.stringify(body);
  const ts = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', options.secret ?? SECRET).update(`v0:${ts}:${raw}`).digest('hex')}`;
  const response = await fetch(`${app.url}/integrations/zoom`, {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-zm-request-timestamp': ts, 'x-zm-signature': signature }, body: raw,
  });
  return { status: response.status, body: await response.json() };
}

const participant = (event: string, meetingId: number, email: string, time: string) => ({
  event, event_ts: Date.now(),
  payload: { account_id: 'acc', object: { id: meetingId, uuid: 'u==', host_id: 'h', topic: 'Maths',
    participant: { user_id: '16778240', user_name: 'Someone', email, participant_uuid: 'pu', ...(event.endsWith('joined') ? { join_time: time } : { leave_time: time }) } } },
});

beforeAll(async () => {
  stopListening = onAttendanceRecorded((event) => void heard.push(event));
  app = await startTestApp({ ZOOM_WEBHOOK_SECRET: SECRET });
  key = await apiKey(app, ['sync:write']);
  await app.gql(SYNC.users, { input: familyItems(p) }, key);
  const made = await app.gql(SYNC.sessions, { input: [sessionItem(p, 1, { meetingId: '85746065432' }), sessionItem(p, 2)] }, key);
  expect(made.data.syncSessions.map((r: any) => r.outcome)).toEqual(['CREATED', 'CREATED']);
});
afterAll(async () => {
  stopListening?.();
  await app?.close();
});

const attendanceOf = async (n: number) => {
  const [session] = await sql(app, `select s.id, s.tutor_joined_at, s.tutor_left_at from tutoring_sessions s join sync_records r on r.entity_id = s.id and r.kind = 'SESSION' where r.external_id = ?`, [`${p}-s${n}`]);
  const [learner] = await sql(app, 'select joined_at, left_at from session_participants where session_id = ?', [session.id]);
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return { id: session.id, tutor: [iso(session.tutor_joined_at), iso(session.tutor_left_at)], learner: [iso(learner.joined_at), iso(learner.left_at)] };
};

describe('recordAttendance', () => {
  it('keeps the earliest JOINED and the latest LEFT, item by item, and tells the listeners', async () => {
    const at = (m: string) => `2026-11-01T10:${m}:00.000Z`;
    const events = [
      { sessionExternalId: `${p}-s2`, userExternalId: `${p}-kid`, kind: 'JOINED', at: at('05'), source: 'classroom' },
      { sessionExternalId: `${p}-s2`, userExternalId: `${p}-kid`, kind: 'JOINED', at: at('02') },
      { sessionExternalId: `${p}-s2`, userExternalId: `${p}-kid`, kind: 'JOINED', at: at('09') },
      { sessionExternalId: `${p}-s2`, userExternalId: `${p}-kid`, kind: 'LEFT', at: at('50') },
      { sessionExternalId: `${p}-s2`, userExternalId: `${p}-kid`, kind: 'LEFT', at: at('40') },
      { sessionExternalId: `${p}-s2`, userExternalId: `${p}-tutor`, kind: 'JOINED', at: at('00') },
      { sessionExternalId: 'no-such-session', userExternalId: `${p}-kid`, kind: 'JOINED', at: at('00') },
      { sessionExternalId: `${p}-s2`, userExternalId: `${p}-parent`, kind: 'JOINED', at: at('00') },
    ];
    const result = await app.gql(SYNC.attendance, { input: events }, key);
    expect(result.errors).toBeUndefined();
    expect(result.data.recordAttendance.map((r: any) => [r.outcome, r.field])).toEqual([
      ['UPDATED', null], ['UPDATED', null], ['UNCHANGED', null], ['UPDATED', null], ['UNCHANGED', null], ['UPDATED', null],
      ['FAILED', 'sessionExternalId'], ['FAILED', 'userExternalId'],
    ]);
    const stored = await attendanceOf(2);
    expect(stored.learner).toEqual([at('02'), at('50')]);
    expect(stored.tutor[0]).toBe(at('00'));
    const mine = heard.filter((h) => h.sessionId === stored.id);
    expect(mine).toHaveLength(6);
    expect(mine[0]).toMatchObject({ kind: 'JOINED', source: 'classroom', changed: true });
  });
});

describe('POST /integrations/zoom', () => {
  it('answers the URL validation challenge as Zoom documents', async () => {
    const answer = await zoom({ event: 'endpoint.url_validation', event_ts: Date.now(), payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' } });
    expect(answer).toEqual({ status: 200, body: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw', encryptedToken: createHmac('sha256', SECRET).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex') } });
  });

  it('refuses a wrong signature and an old timestamp with 401, changing nothing', async () => {
    const body = participant('meeting.participant_joined', 85746065432, 'tutor@demo.test', '2026-11-01T08:55:00Z');
    expect((await zoom(body, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await zoom(body, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    const unsigned = await fetch(`${app.url}/integrations/zoom`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(unsigned.status).toBe(401);
    expect((await attendanceOf(1)).tutor).toEqual([null, null]);
  });

  it('records a participant joining and leaving by meeting id and e-mail; unknown meetings and people are 200 and ignored', async () => {
    expect(await zoom(participant('meeting.participant_joined', 85746065432, 'Tutor@Demo.test', '2026-11-01T08:58:00Z'))).toEqual({ status: 200, body: { recorded: true, changed: true } });
    expect((await zoom(participant('meeting.participant_left', 85746065432, 'tutor@demo.test', '2026-11-01T10:01:00Z'))).status).toBe(200);
    expect((await attendanceOf(1)).tutor).toEqual(['2026-11-01T08:58:00.000Z', '2026-11-01T10:01:00.000Z']);
    expect(await zoom(participant('meeting.participant_joined', 111, 'tutor@demo.test', '2026-11-01T08:58:00Z'))).toEqual({ status: 200, body: { ignored: true } });
    expect(await zoom(participant('meeting.participant_joined', 85746065432, 'stranger@example.com', '2026-11-01T08:58:00Z'))).toEqual({ status: 200, body: { ignored: true } });
    expect(await zoom({ event: 'meeting.started', payload: { object: { id: 85746065432 } } })).toEqual({ status: 200, body: { ignored: true } });
  });
});
