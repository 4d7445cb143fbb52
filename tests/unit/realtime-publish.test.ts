import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePayload, withinLimit } from '../../server/src/realtime/publish';

describe('a NOTIFY payload', () => {
  it('is sent as is when small', () => {
    const payload = { ticket_events: ['1', '2'], notifications: [randomUUID()] };
    expect(withinLimit(payload)).toEqual(payload);
    expect(parsePayload(JSON.stringify(payload))).toEqual(payload);
  });

  it('keeps the newest ids of its longest topic when too large for PostgreSQL (8000 bytes)', () => {
    const notifications = Array.from({ length: 1_000 }, () => randomUUID());
    const sequences = Array.from({ length: 20 }, (_, i) => String(i + 1));
    const sent = withinLimit({ ticket_events: sequences, notifications });
    expect(JSON.stringify(sent).length).toBeLessThan(8_000);
    expect(sent.ticket_events).toEqual(sequences);
    expect(sent.notifications.length).toBeGreaterThan(100);
    expect(sent.notifications).toEqual(notifications.slice(-sent.notifications.length));
  });

  it('reads ids of any topic as strings, and nothing from a payload that is not ours', () => {
    expect(parsePayload('{"ticket_events":[12,13]}')).toEqual({ ticket_events: ['12', '13'] });
    expect(parsePayload('not json')).toBeNull();
    expect(parsePayload('[1]')).toBeNull();
  });
});
