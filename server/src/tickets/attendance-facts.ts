import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../billing/money';
import type { SessionParticipant, TutoringSession } from '../sessions/session.entity';
import { DisputeCategory } from './enums';

const MINUTE = 60_000;
const minutes = (ms: number) => Math.max(0, Math.round(ms / MINUTE));

@ObjectType({ description: 'What the attendance records say about a disputed session.' })
export class SessionEvidence {
  @Field()
  sessionId!: string;

  @Field(() => Int)
  scheduledMinutes!: number;

  @Field(() => Int, { description: 'Minutes the tutor and the disputed learners were both present, within the schedule.', nullable: true })
  actualMinutes!: number | null;

  @Field({ description: 'The tutor never joined.' })
  tutorAbsent!: boolean;

  @Field(() => Int, { description: 'Null when the tutor never joined.', nullable: true })
  tutorLateMinutes!: number | null;

  @Field(() => Int, { nullable: true })
  learnerLateMinutes!: number | null;

  @Field(() => Int, { nullable: true })
  missingMinutes!: number | null;

  @Field(() => String, { nullable: true })
  endedByName!: string | null;

  /** No disputed learner joined (while the tutor may have been there). */
  @Field({ description: 'No disputed learner joined the session.' })
  learnerAbsent!: boolean;

  /** For DURATION and NO_SHOW disputes: the minutes the learners lost because of the tutor (see creditMinutesOf). */
  @Field(() => Int, { nullable: true, description: 'Minutes (summed over the disputed learners) lost because of the tutor: the credit suggestion pays for these.' })
  tutorCausedMinutes!: number | null;

  /** For DURATION and NO_SHOW disputes: the disputed learners' price times the share of the schedule they lost because of the tutor. */
  @Field(() => Money, { nullable: true, description: 'Staff and the tutor only: what the attendance suggests crediting (null for the reporter, and for disputes not about time).' })
  suggestedCredit!: Money | null;

  @Field(() => String, { nullable: true, description: 'Why the suggestion is what it is, in plain words.' })
  suggestionReason!: string | null;
}

/** Disputes about time, where attendance suggests a credit. */
const TIME_DISPUTES: ReadonlyArray<DisputeCategory | null | undefined> = [DisputeCategory.DURATION, DisputeCategory.NO_SHOW];

const overlap = (a: [number, number], b: [number, number]) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/**
 * The minutes one learner lost because of the tutor: the scheduled time the tutor was missing
 * (late, or gone early) while the learner was there or would have been. A learner who never
 * joined lost nothing to the tutor (their own absence); a learner later than the tutor lost
 * nothing to the tutor's lateness; a learner who left before the tutor left early lost nothing
 * to that either. A tutor who never came costs the whole schedule.
 */
export function tutorCausedMs(schedule: [number, number], tutor: [number, number] | null, learner: [number, number | null] | null): number {
  const [start, end] = schedule;
  if (!tutor) return end - start;
  if (!learner) return 0;
  const tutorFrom = Math.max(start, Math.min(end, tutor[0]));
  const tutorTo = Math.min(end, Math.max(start, tutor[1]));
  const learnerFrom = Math.max(start, learner[0]);
  // Leaving once the tutor had gone is no choice of the learner's: count to the end of the schedule.
  const learnerTo = learner[1] === null || learner[1] >= tutorTo ? end : Math.max(start, learner[1]);
  const present: [number, number] = [learnerFrom, learnerTo];
  return overlap([start, tutorFrom], present) + overlap([tutorTo, end], present);
}

function reasonOf(e: { tutorAbsent: boolean; learnerAbsent: boolean; tutorCausedMinutes: number; missingMinutes: number }): string {
  if (e.tutorAbsent) return 'The tutor did not join: the whole session is suggested.';
  if (e.learnerAbsent) return 'The learner did not join while the tutor was there: nothing is suggested.';
  if (e.tutorCausedMinutes === 0 && e.missingMinutes > 0) return 'The time missed was not the tutor\'s doing (the learner was late or left early): nothing is suggested.';
  if (e.tutorCausedMinutes === 0) return 'The session ran as scheduled: nothing is suggested.';
  return `The tutor's lateness or early leaving cost ${e.tutorCausedMinutes} min: that share of the price is suggested.`;
}

/**
 * The attendance of a disputed session: `learners` are the disputed learners' participations. The
 * time together runs from the last of the tutor and the first learner to arrive to the first of the
 * tutor and the last learner to leave, within the schedule; a tutor who never joined gave none.
 * The suggested credit pays only for what the tutor caused (tutorCausedMs), per disputed learner.
 */
export function sessionEvidence(
  session: TutoringSession,
  learners: SessionParticipant[],
  category: DisputeCategory | null | undefined,
  endedByName: string | null,
): SessionEvidence {
  const start = session.scheduledStart.getTime();
  const end = session.scheduledEnd.getTime();
  const scheduledMinutes = minutes(end - start);
  const joined = learners.map((p) => p.joinedAt?.getTime()).filter((t): t is number => t !== undefined);
  const left = learners.map((p) => p.leftAt?.getTime()).filter((t): t is number => t !== undefined);
  const tutorJoined = session.tutorJoinedAt?.getTime();
  const tutorAbsent = tutorJoined === undefined;
  const learnerAbsent = learners.length > 0 && !joined.length;
  let actualMinutes: number | null = null;
  if (tutorAbsent || (learners.length && !joined.length)) {
    actualMinutes = 0;
  } else {
    // A missing leave time: still there at the end of the schedule.
    const from = Math.max(start, tutorJoined, ...(joined.length ? [Math.min(...joined)] : []));
    const to = Math.min(end, session.tutorLeftAt?.getTime() ?? end, ...(left.length === joined.length && left.length ? [Math.max(...left)] : []));
    actualMinutes = minutes(to - from);
  }
  const missingMinutes = Math.max(0, scheduledMinutes - actualMinutes);
  const tutor: [number, number] | null = tutorAbsent ? null : [tutorJoined, session.tutorLeftAt?.getTime() ?? end];
  // No participation rows: the session's one billed learner, counted as there.
  const stays = learners.length
    ? learners.map((p): [number, number | null] | null => (p.joinedAt ? [p.joinedAt.getTime(), p.leftAt?.getTime() ?? null] : null))
    : [[start, null] as [number, number | null]];
  const causedMinutes = minutes(stays.reduce((sum, stay) => sum + tutorCausedMs([start, end], tutor, stay), 0));
  const timeDispute = TIME_DISPUTES.includes(category) && scheduledMinutes > 0;
  const suggested = timeDispute ? Money.of(Math.round((session.priceMinor * causedMinutes) / scheduledMinutes), session.currency) : null;
  return Object.assign(new SessionEvidence(), {
    sessionId: session.id,
    scheduledMinutes,
    actualMinutes,
    tutorAbsent,
    learnerAbsent,
    tutorLateMinutes: tutorAbsent ? null : minutes(tutorJoined - start),
    learnerLateMinutes: joined.length ? minutes(Math.max(...joined) - start) : null,
    missingMinutes,
    endedByName,
    tutorCausedMinutes: timeDispute ? causedMinutes : null,
    suggestedCredit: suggested,
    suggestionReason: timeDispute ? reasonOf({ tutorAbsent, learnerAbsent, tutorCausedMinutes: causedMinutes, missingMinutes }) : null,
  });
}
