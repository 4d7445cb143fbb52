/**
 * What the attendance records say about a session, and the credit they suggest. Pure, so the
 * coordinator's preview and the unit tests agree.
 */
export interface AttendanceRecord {
  user: { id: string; name?: string; role?: string };
  joinedAt?: string | null;
  leftAt?: string | null;
}

export interface SessionEvidenceInput {
  scheduledStart: string;
  scheduledEnd: string;
  tutor: { id: string };
  attendance: readonly AttendanceRecord[];
  price: { amountMinor: number; currency: string };
}

export interface Presence {
  absent: boolean;
  /** Minutes after the scheduled start; 0 when on time. */
  lateMinutes: number;
  /** Minutes before the scheduled end; 0 when stayed to the end. */
  earlyMinutes: number;
}

const MINUTE = 60_000;

export function presence(record: AttendanceRecord | undefined, start: string, end: string): Presence {
  if (!record?.joinedAt) return { absent: true, lateMinutes: 0, earlyMinutes: 0 };
  const late = Math.max(0, Math.round((Date.parse(record.joinedAt) - Date.parse(start)) / MINUTE));
  const early = record.leftAt ? Math.max(0, Math.round((Date.parse(end) - Date.parse(record.leftAt)) / MINUTE)) : 0;
  return { absent: false, lateMinutes: late, earlyMinutes: early };
}

export interface Evidence {
  scheduledMinutes: number;
  tutor: Presence;
  /** Share of the scheduled time the tutor was missing, 0..1. */
  missedShare: number;
  suggestedCreditMinor: number;
  summary: string;
}

/** Grace before lateness counts: a couple of minutes is normal. */
const GRACE_MINUTES = 5;

export function sessionEvidence(session: SessionEvidenceInput): Evidence {
  const scheduledMinutes = Math.max(1, Math.round((Date.parse(session.scheduledEnd) - Date.parse(session.scheduledStart)) / MINUTE));
  const tutorRecord = session.attendance.find((a) => a.user.id === session.tutor.id);
  const tutor = presence(tutorRecord, session.scheduledStart, session.scheduledEnd);
  if (tutor.absent) {
    return { scheduledMinutes, tutor, missedShare: 1, suggestedCreditMinor: session.price.amountMinor, summary: 'The tutor did not join.' };
  }
  const missed = tutor.lateMinutes + tutor.earlyMinutes;
  if (missed < GRACE_MINUTES) {
    return { scheduledMinutes, tutor, missedShare: 0, suggestedCreditMinor: 0, summary: 'The tutor attended as scheduled.' };
  }
  const missedShare = Math.min(1, missed / scheduledMinutes);
  const parts = [
    tutor.lateMinutes ? `joined ${tutor.lateMinutes} min late` : '',
    tutor.earlyMinutes ? `left ${tutor.earlyMinutes} min early` : '',
  ].filter(Boolean);
  return {
    scheduledMinutes,
    tutor,
    missedShare,
    suggestedCreditMinor: Math.round(session.price.amountMinor * missedShare),
    summary: `The tutor ${parts.join(' and ')} (${missed} of ${scheduledMinutes} min).`,
  };
}
