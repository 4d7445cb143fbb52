import { describe, expect, it } from 'vitest';
import { SlaState, type SlaTimes, slaStateOf } from '../../server/src/tickets/sla';
import { type BusinessHours, addBusinessTime, businessTimeBetween } from '../../server/src/sla/business-hours';
import { type SlaPolicy, defaultPolicy, slaRules } from '../../server/src/sla/sla-policy';
import { TicketStatus, TicketType } from '../../server/src/tickets/enums';

const HOUR = 3_600_000;
const T0 = new Date('2026-11-02T08:00:00Z'); // a Monday
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const defaults = { firstResponseDueAfterMs: 4 * HOUR, resolutionDueAfterMs: 72 * HOUR, escalationDueAfterMs: 48 * HOUR };
const ticket = (status = TicketStatus.ONGOING): SlaTimes => ({ status, createdAt: T0 });
const berlinOffice: BusinessHours = {
  timeZone: 'Europe/Berlin',
  week: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, openMinute: 9 * 60, closeMinute: 17 * 60 })),
  daysOff: ['2026-12-25'],
};

describe('SLA policy per ticket type', () => {
  it('feedback has no SLA by default: praise never breaches', () => {
    const praise = ticket();
    slaRules(defaultPolicy(TicketType.FEEDBACK, defaults), null).start(praise, T0);
    expect(praise.firstResponseDueAt).toBeNull();
    expect(praise.resolutionDueAt).toBeNull();
    expect(slaStateOf(praise, at(10_000))).toBe(SlaState.ON_TRACK);
  });

  it.each([TicketType.DISPUTE, TicketType.SUPPORT, TicketType.RISK])('%s starts both clocks from the configured targets', (type) => {
    const t = ticket();
    slaRules(defaultPolicy(type, defaults), null).start(t, T0);
    expect(t.firstResponseDueAt).toEqual(at(4));
    expect(t.resolutionDueAt).toEqual(at(72));
    expect(slaStateOf(t, at(1))).toBe(SlaState.ON_TRACK);
    expect(slaStateOf(t, at(3.5))).toBe(SlaState.AT_RISK);
    expect(slaStateOf(t, at(4.01))).toBe(SlaState.BREACHED);
  });

  it('a reply the reporter can read is the first response; resolving in time is MET, late is BREACHED', () => {
    const rules = slaRules(defaultPolicy(TicketType.DISPUTE, defaults), null);
    const t = ticket();
    rules.start(t, T0);
    rules.replied(t, at(2));
    expect(slaStateOf(t, at(5))).toBe(SlaState.ON_TRACK);
    expect(slaStateOf(t, at(60))).toBe(SlaState.AT_RISK);
    const inTime = { ...t };
    rules.decided(inTime, at(50));
    expect(slaStateOf({ ...inTime, status: TicketStatus.RESOLVED }, at(500))).toBe(SlaState.MET);
    const late = { ...t };
    rules.decided(late, at(80));
    expect(slaStateOf({ ...late, status: TicketStatus.RESOLVED }, at(500))).toBe(SlaState.BREACHED);
  });

  it('an escalated ticket waits on its own clock: not MET while the admin has not decided', () => {
    const rules = slaRules(defaultPolicy(TicketType.DISPUTE, defaults), null);
    const t = ticket();
    rules.start(t, T0);
    rules.decided(t, at(2)); // resolved in time
    t.status = TicketStatus.ESCALATED;
    rules.escalated(t, at(10));
    expect(t.escalationDueAt).toEqual(at(58));
    expect(slaStateOf(t, at(11))).toBe(SlaState.ON_TRACK);
    expect(slaStateOf(t, at(50))).toBe(SlaState.AT_RISK); // 8 h of 48 left
    expect(slaStateOf(t, at(59))).toBe(SlaState.BREACHED);
    const decided = { ...t, status: TicketStatus.CLOSED, closedAt: at(30) };
    expect(slaStateOf(decided, at(500))).toBe(SlaState.MET);
  });

  it('waiting on the reporter stops every clock; the answer gives back the time that was left', () => {
    const rules = slaRules(defaultPolicy(TicketType.SUPPORT, defaults), null);
    const t = ticket();
    rules.start(t, T0);
    rules.replied(t, at(1));
    rules.paused(t, at(10)); // 62 h of the resolution window left
    expect(slaStateOf(t, at(200))).toBe(SlaState.ON_TRACK); // judged as of the pause
    t.status = TicketStatus.ONGOING;
    rules.resumed(t, at(100));
    expect(t.slaPausedAt).toBeNull();
    expect(t.resolutionDueAt).toEqual(at(162));
    expect(slaStateOf(t, at(150))).toBe(SlaState.AT_RISK);
    expect(slaStateOf(t, at(163))).toBe(SlaState.BREACHED);
  });

  it('an admin policy without a first-response target runs only the resolution clock', () => {
    const policy: SlaPolicy = { firstResponseMs: null, resolutionMs: 24 * HOUR, escalatedMs: null, businessHours: false };
    const t = ticket();
    slaRules(policy, null).start(t, T0);
    expect(t.firstResponseDueAt).toBeNull();
    expect(slaStateOf(t, at(23))).toBe(SlaState.AT_RISK);
    expect(slaStateOf(t, at(25))).toBe(SlaState.BREACHED);
  });
});

describe('business hours with an injected clock', () => {
  it('counts only office hours in the office time zone', () => {
    // Monday 08:00 UTC is 09:00 in Berlin (CET): 4 office hours later is 13:00 Berlin, 12:00 UTC.
    expect(addBusinessTime(T0, 4 * HOUR, berlinOffice)).toEqual(new Date('2026-11-02T12:00:00Z'));
    // 10 office hours from Monday 09:00: the 8 of Monday, then 2 on Tuesday from 09:00 -> Tuesday 11:00 Berlin.
    expect(addBusinessTime(T0, 10 * HOUR, berlinOffice)).toEqual(new Date('2026-11-03T10:00:00Z'));
  });

  it('skips the weekend and days off, and starts counting at the next opening', () => {
    const fridayEvening = new Date('2026-12-18T18:00:00Z'); // 19:00 Berlin, after closing
    expect(addBusinessTime(fridayEvening, HOUR, berlinOffice)).toEqual(new Date('2026-12-21T09:00:00Z')); // Monday 10:00 Berlin
    const christmasEve = new Date('2026-12-24T15:00:00Z'); // Thursday 16:00 Berlin, one office hour left
    // Christmas Day is off: two office hours end on Monday the 28th at 10:00 Berlin (26 and 27 are a weekend).
    expect(addBusinessTime(christmasEve, 2 * HOUR, berlinOffice)).toEqual(new Date('2026-12-28T09:00:00Z'));
  });

  it('follows daylight saving: 09:00 Berlin is 07:00 UTC in summer', () => {
    const summerMonday = new Date('2026-07-06T06:00:00Z'); // 08:00 Berlin, before opening
    expect(addBusinessTime(summerMonday, HOUR, berlinOffice)).toEqual(new Date('2026-07-06T08:00:00Z'));
  });

  it('measures office time between two instants', () => {
    expect(businessTimeBetween(T0, new Date('2026-11-03T10:00:00Z'), berlinOffice)).toBe(10 * HOUR);
    expect(businessTimeBetween(new Date('2026-11-07T10:00:00Z'), new Date('2026-11-08T10:00:00Z'), berlinOffice)).toBe(0); // a weekend
  });

  it('a policy on business hours moves its due times by them, and a pause keeps the office time left', () => {
    const policy: SlaPolicy = { firstResponseMs: 4 * HOUR, resolutionMs: 16 * HOUR, escalatedMs: 8 * HOUR, businessHours: true };
    const rules = slaRules(policy, berlinOffice);
    const t = ticket();
    const fridayAfternoon = new Date('2026-11-06T14:00:00Z'); // 15:00 Berlin
    rules.start(t, fridayAfternoon);
    expect(t.firstResponseDueAt).toEqual(new Date('2026-11-09T10:00:00Z')); // 2 h Friday + 2 h Monday
    expect(slaStateOf({ ...t, createdAt: fridayAfternoon }, new Date('2026-11-08T12:00:00Z'))).not.toBe(SlaState.BREACHED);
    rules.replied(t, new Date('2026-11-06T15:00:00Z'));
    rules.paused(t, new Date('2026-11-06T15:00:00Z')); // 15 office hours of resolution left
    rules.resumed(t, new Date('2026-11-10T08:00:00Z')); // Tuesday 09:00 Berlin
    expect(t.resolutionDueAt).toEqual(new Date('2026-11-11T15:00:00Z')); // 8 h Tuesday + 7 h Wednesday: 16:00 Berlin
  });
});
