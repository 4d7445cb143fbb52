import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../billing/money';
import type { SessionParticipant, TutoringSession } from '../sessions/session.entity';
import { DisputeCategory } from './enums';

const MINUTE = 60_000;
const minutes = (ms: number) => Math.max(0, Math.round(ms / MINUTE));

/** What the attendance records say about a disputed session. */
@ObjectType()
export class SessionEvidence {
  @Field()
  sessionId!: string;

  @Field(() => Int)
  scheduledMinutes!: number;

  /** Minutes the tutor and the disputed learners were both present, within the schedule. */
  @Field(() => Int, { nullable: true })
  actualMinutes!: number | null;

  @Field(() => Int, { nullable: true })
  tutorLateMinutes!: number | null;

  @Field(() => Int, { nullable: true })
  learnerLateMinutes!: number | null;

  @Field(() => Int, { nullable: true })
  missingMinutes!: number | null;

  @Field(() => String, { nullable: true })
  endedByName!: string | null;

  /** For DURATION disputes: price times the missing share of the schedule. */
  @Field(() => Money, { nullable: true })
  suggestedCredit!: Money | null;
}

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
  const tutorLeft = session.tutorLeftAt?.getTime();
  let actualMinutes: number | null = null;
  if (tutorJoined !== undefined && tutorLeft !== undefined) {
    const from = Math.max(start, tutorJoined, ...(joined.length ? [Math.min(...joined)] : []));
    const to = Math.min(end, tutorLeft, ...(left.length ? [Math.max(...left)] : []));
    actualMinutes = joined.length || !learners.length ? minutes(to - from) : 0;
  }
  const missingMinutes = actualMinutes === null ? null : Math.max(0, scheduledMinutes - actualMinutes);
  const billedLearners = Math.max(1, learners.length);
  const suggested = category === DisputeCategory.DURATION && missingMinutes !== null && scheduledMinutes > 0
    ? Money.of(Math.round((session.priceMinor * billedLearners * missingMinutes) / scheduledMinutes), session.currency)
    : null;
  return Object.assign(new SessionEvidence(), {
    sessionId: session.id,
    scheduledMinutes,
    actualMinutes,
    tutorLateMinutes: tutorJoined === undefined ? null : minutes(tutorJoined - start),
    learnerLateMinutes: joined.length ? minutes(Math.max(...joined) - start) : null,
    missingMinutes,
    endedByName,
    suggestedCredit: suggested,
  });
}
