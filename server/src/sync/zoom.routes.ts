import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import express, { Router } from 'express';
import { run } from '../db/raw-sql';
import type { Services } from '../graphql/context';
import { type AttendanceKindName, recordAttendance } from './attendance';

/** Zoom signs a timestamp; an older one is a replay. */
const MAX_SKEW_MS = 5 * 60_000;
const EVENTS: Record<string, AttendanceKindName> = { 'meeting.participant_joined': 'JOINED', 'meeting.participant_left': 'LEFT' };

const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');

/** x-zm-signature = "v0=" + hex HMAC-SHA256(secret, "v0:<x-zm-request-timestamp>:<raw body>"), with a fresh timestamp. */
export function zoomSignatureValid(secret: string, timestamp: string | undefined, signature: string | undefined, rawBody: string, now = Date.now()): boolean {
  if (!timestamp || !signature || !/^\d{1,16}$/.test(timestamp)) return false;
  const ms = Number(timestamp) < 1e12 ? Number(timestamp) * 1000 : Number(timestamp);
  if (Math.abs(now - ms) > MAX_SKEW_MS) return false;
  const expected = Buffer.from(`v0=${hmac(secret, `v0:${timestamp}:${rawBody}`)}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * POST /integrations/zoom: Zoom's own webhook calls. The URL validation challenge is answered as
 * Zoom documents; a participant joining or leaving is attendance for the session with that
 * meetingId and the user with that e-mail. Anything we cannot place is answered 200 and ignored
 * (Zoom retries anything else); a bad signature is 401. Off (404) unless ZOOM_WEBHOOK_SECRET is set.
 */
export function zoomRoutes(services: Services): Router {
  const router = Router();
  router.post('/integrations/zoom', express.raw({ type: () => true, limit: '64kb' }), async (req, res) => {
    const secret = services.config.zoomWebhookSecret;
    if (!secret) return res.status(404).json({ error: 'The Zoom integration is not set up on this server' });
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    if (!zoomSignatureValid(secret, req.header('x-zm-request-timestamp'), req.header('x-zm-signature'), raw)) {
      return res.status(401).json({ error: 'The signature does not match; check the secret token' });
    }
    let body: any;
    try {
      body = JSON.parse(raw);
    } catch {
      return res.status(400).json({ error: 'The body is not JSON' });
    }
    if (body?.event === 'endpoint.url_validation') {
      const plainToken = String(body.payload?.plainToken ?? '');
      return res.status(200).json({ plainToken, encryptedToken: hmac(secret, plainToken) });
    }
    const kind = EVENTS[body?.event];
    const meeting = body?.payload?.object;
    const participant = meeting?.participant;
    if (!kind || !meeting || !participant) return res.status(200).json({ ignored: true });
    const at = new Date(kind === 'JOINED' ? participant.join_time : participant.leave_time);
    const email = typeof participant.email === 'string' ? participant.email.trim().toLowerCase() : '';
    if (Number.isNaN(at.getTime()) || !email) return res.status(200).json({ ignored: true });
    const em = services.orm.em.fork() as EntityManager;
    const [target] = await run(em,
      `select s.id as session_id, u.id as user_id from tutoring_sessions s, users u
        where s.meeting_id = ? and u.email = ? and (s.tutor_id = u.id or exists (select 1 from session_participants p where p.session_id = s.id and p.learner_id = u.id))
        order by s.scheduled_start desc limit 1`, [String(meeting.id ?? ''), email]);
    if (!target) return res.status(200).json({ ignored: true });
    try {
      const changed = await recordAttendance(em, { sessionId: target.session_id, userId: target.user_id, kind, at, source: 'zoom' });
      return res.status(200).json({ recorded: true, changed });
    } catch (error) {
      // A fault on our side: 500 makes Zoom send it again later.
      console.error('zoom attendance failed', error);
      return res.status(500).json({ error: 'Not recorded; send it again later' });
    }
  });
  return router;
}
