import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import type { SessionParticipant, TutoringSession } from '../../server/src/sessions/session.entity';
import { DisputeCategory } from '../../server/src/tickets/enums';
import { sessionEvidence } from '../../server/src/tickets/attendance-facts';

const START = Date.parse('2026-11-02T15:00:00Z');
const at = (minute: number) => new Date(START + minute * 60_000);

/** A 60-minute lesson at 30.00 EUR; `tutor` and each learner: [joined, left] in minutes from the start, or null if absent. */
function lesson(tutor: [number, number] | null, ...learners: Array<[number, number | null] | null>) {
  const session = {
    id: 's1', scheduledStart: at(0), scheduledEnd: at(60), priceMinor: 3000, currency: 'EUR',
    tutorJoinedAt: tutor ? at(tutor[0]) : null, tutorLeftAt: tutor ? at(tutor[1]) : null,
  } as TutoringSession;
  const participants = learners.map((l) => ({ joinedAt: l ? at(l[0]) : null, leftAt: l && l[1] !== null ? at(l[1]) : null }) as SessionParticipant);
  return [session, participants] as const;
}
const evidence = (category: DisputeCategory, [session, learners]: ReturnType<typeof lesson>) => {
  const { sessionId, endedByName, ...rest } = sessionEvidence(session, learners, category, null);
  return { ...rest, suggestedCredit: rest.suggestedCredit && rest.suggestedCredit.amountMinor };
};

describe('sessionEvidence', () => {
  it('a full lesson: 60 minutes together, nothing missing, nothing suggested', () => {
    expect(evidence(DisputeCategory.DURATION, lesson([0, 60], [0, 60]))).toEqual({
      scheduledMinutes: 60, actualMinutes: 60, tutorAbsent: false, tutorLateMinutes: 0, learnerLateMinutes: 0, missingMinutes: 0, suggestedCredit: 0,
    });
  });

  it('the tutor 10 minutes late and gone 20 minutes early: 30 minutes together, half the price suggested', () => {
    expect(evidence(DisputeCategory.DURATION, lesson([10, 40], [0, 60]))).toMatchObject({ actualMinutes: 30, tutorLateMinutes: 10, missingMinutes: 30, suggestedCredit: 1500 });
  });

  it('counts only time inside the schedule: an early tutor is not late, a lesson running over gains nothing', () => {
    expect(evidence(DisputeCategory.DURATION, lesson([-5, 75], [-2, 80]))).toMatchObject({ actualMinutes: 60, tutorLateMinutes: 0, learnerLateMinutes: 0, missingMinutes: 0 });
  });

  it('the learner 15 minutes late: 45 minutes together, and the tutor was there', () => {
    expect(evidence(DisputeCategory.DURATION, lesson([0, 60], [15, 60]))).toMatchObject({ actualMinutes: 45, learnerLateMinutes: 15, tutorLateMinutes: 0, missingMinutes: 15 });
  });

  it('a tutor who never joined: absent, no time together, the whole price suggested for a no-show', () => {
    expect(evidence(DisputeCategory.NO_SHOW, lesson(null, [0, 60]))).toEqual({
      scheduledMinutes: 60, actualMinutes: 0, tutorAbsent: true, tutorLateMinutes: null, learnerLateMinutes: 0, missingMinutes: 60, suggestedCredit: 3000,
    });
  });

  it('a learner who never joined: no time together', () => {
    expect(evidence(DisputeCategory.DURATION, lesson([0, 60], null))).toMatchObject({ actualMinutes: 0, learnerLateMinutes: null, missingMinutes: 60 });
  });

  it('a learner without a leave time stayed to the end', () => {
    expect(evidence(DisputeCategory.DURATION, lesson([0, 50], [0, null]))).toMatchObject({ actualMinutes: 50, missingMinutes: 10, suggestedCredit: 500 });
  });

  it('suggests a credit for each disputed learner of a group class', () => {
    expect(evidence(DisputeCategory.DURATION, lesson([0, 30], [0, 60], [0, 60]))).toMatchObject({ missingMinutes: 30, suggestedCredit: 3000 });
  });

  it('suggests nothing for disputes that are not about time', () => {
    for (const category of [DisputeCategory.QUALITY, DisputeCategory.BILLING, DisputeCategory.SCHEDULING]) {
      expect(evidence(category, lesson(null, [0, 60])).suggestedCredit).toBeNull();
    }
  });
});
