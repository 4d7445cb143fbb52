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

  @Field(() => Money, { description: 'For DURATION and NO_SHOW disputes: the disputed learners\' price times the missing share of the schedule.', nullable: true })
  suggestedCredit!: Money | null;
}

/** Disputes about time, where attendance suggests a credit. */
const TIME_DISPUTES: ReadonlyArray<DisputeCategory | null | undefined> = [DisputeCategory.DURATION, DisputeCategory.NO_SHOW];

/**
 * The attendance of a disputed session: `learners` are the disputed learners' participations. The
 * time together runs from the last of the tutor and the first learner to arrive to the first of the
 * tutor and the last learner to leave, within the schedule; a tutor who never joined gave none.
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
  const billedLearners = Math.max(1, learners.length);
  const suggested = TIME_DISPUTES.includes(category) && scheduledMinutes > 0
    ? Money.of(Math.round((session.priceMinor * billedLearners * missingMinutes) / scheduledMinutes), session.currency)
    : null;
  return Object.assign(new SessionEvidence(), {
    sessionId: session.id,
    scheduledMinutes,
    actualMinutes,
    tutorAbsent,
    tutorLateMinutes: tutorAbsent ? null : minutes(tutorJoined - start),
    learnerLateMinutes: joined.length ? minutes(Math.max(...joined) - start) : null,
    missingMinutes,
    endedByName,
    suggestedCredit: suggested,
  });
}
