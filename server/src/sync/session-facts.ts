import { Role } from '../auth/roles';
import { badInput } from '../errors';
import { SessionKind, SessionStatus } from '../sessions/session.entity';
import type { SyncItem } from './batch';
import type { SessionRefs } from './session-refs';
import { requireAmount, requireCurrency, requireText, requireValidDate } from './validate';

export interface MoneyItem {
  amountMinor: number;
  currency: string;
}

export interface SessionSyncItem extends SyncItem {
  kind: SessionKind;
  status: SessionStatus;
  subject: string;
  language: string;
  scheduledStart: Date;
  scheduledEnd: Date;
  price: MoneyItem;
  tutorPay?: MoneyItem | null;
  tutorExternalId: string;
  learnerExternalIds: string[];
  packageExternalId?: string | null;
  meetingId?: string | null;
  lessonId?: string | null;
  orderId?: string | null;
  teacherSessionId?: string | null;
  endedByExternalId?: string | null;
}

/** A session as the desk stores it, checked. */
export interface SessionFacts {
  kind: SessionKind;
  status: SessionStatus;
  subject: string;
  language: string;
  start: Date;
  end: Date;
  priceMinor: number;
  currency: string;
  tutorPayMinor: number | null;
  tutorId: string;
  learnerIds: string[];
  packageId: string | null;
  packageLearnerId: string | null;
  meetingId: string | null;
  lessonId: string | null;
  orderId: string | null;
  teacherSessionId: string | null;
  endedById: string | null;
}

export const sessionRefIds = (item: SessionSyncItem) => ({
  users: [item.tutorExternalId, ...(item.learnerExternalIds ?? []), ...(item.endedByExternalId ? [item.endedByExternalId] : [])],
  packages: item.packageExternalId ? [item.packageExternalId] : [],
});

/** Checks one item against the rules and the batch's references; throws BAD_USER_INPUT naming the field. */
export function sessionFacts(item: SessionSyncItem, refs: SessionRefs): SessionFacts {
  requireValidDate(item.sourceUpdatedAt, 'sourceUpdatedAt');
  requireValidDate(item.scheduledStart, 'scheduledStart');
  requireValidDate(item.scheduledEnd, 'scheduledEnd');
  if (item.scheduledEnd <= item.scheduledStart) throw badInput('scheduledEnd', 'The session ends before it starts; the end must come after the start');
  const currency = requireCurrency(item.price.currency, 'price.currency');
  const priceMinor = requireAmount(item.price.amountMinor, 'price.amountMinor');
  let tutorPayMinor: number | null = null;
  if (item.tutorPay) {
    if (item.tutorPay.currency !== currency) throw badInput('tutorPay.currency', `The tutor's pay must be in the session's currency (${currency})`);
    tutorPayMinor = requireAmount(item.tutorPay.amountMinor, 'tutorPay.amountMinor');
  }
  const tutor = refs.users.get(item.tutorExternalId);
  if (!tutor) throw badInput('tutorExternalId', `No tutor with the external id "${item.tutorExternalId}" was synced yet; sync the people first`);
  if (tutor.role !== Role.TUTOR) throw badInput('tutorExternalId', 'That person is not a tutor');
  const learnerIds: string[] = [];
  for (const [i, externalId] of (item.learnerExternalIds ?? []).entries()) {
    const learner = refs.users.get(externalId);
    if (!learner) throw badInput(`learnerExternalIds.${i}`, `No learner with the external id "${externalId}" was synced yet; sync the people first`);
    if (learner.role !== Role.LEARNER) throw badInput(`learnerExternalIds.${i}`, `"${externalId}" is not a learner`);
    if (learnerIds.includes(learner.id)) throw badInput(`learnerExternalIds.${i}`, `"${externalId}" is listed twice`);
    learnerIds.push(learner.id);
  }
  if (!learnerIds.length) throw badInput('learnerExternalIds', 'A session needs at least one learner');
  if (item.kind === SessionKind.ONE_ON_ONE && learnerIds.length > 1) throw badInput('learnerExternalIds', 'A one-on-one session has one learner; send GROUP for more');
  let packageId: string | null = null;
  let packageLearnerId: string | null = null;
  if (item.packageExternalId) {
    const pkg = refs.packages.get(item.packageExternalId);
    if (!pkg) throw badInput('packageExternalId', `No package with the external id "${item.packageExternalId}" was synced yet`);
    if (!learnerIds.includes(pkg.learnerId)) throw badInput('packageExternalId', "The package belongs to none of the session's learners");
    packageId = pkg.id;
    packageLearnerId = pkg.learnerId;
  }
  let endedById: string | null = null;
  if (item.endedByExternalId) {
    endedById = refs.users.get(item.endedByExternalId)?.id ?? null;
    if (!endedById) throw badInput('endedByExternalId', `No person with the external id "${item.endedByExternalId}" was synced yet`);
  }
  return {
    kind: item.kind, status: item.status,
    subject: requireText(item.subject, 'subject', 'The subject'), language: requireText(item.language, 'language', 'The language'),
    start: item.scheduledStart, end: item.scheduledEnd, priceMinor, currency, tutorPayMinor, tutorId: tutor.id, learnerIds, packageId, packageLearnerId,
    meetingId: item.meetingId?.trim() || null, lessonId: item.lessonId ?? null, orderId: item.orderId ?? null, teacherSessionId: item.teacherSessionId ?? null, endedById,
  };
}

const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;
const day = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16);

/** What changed, in words for the coordinator reading the ticket's log. */
export function describeSessionChanges(before: SessionFacts, after: SessionFacts): string[] {
  const changes: string[] = [];
  if (before.status !== after.status) changes.push(`status ${before.status.toLowerCase()} → ${after.status.toLowerCase()}`);
  if (before.subject !== after.subject) changes.push(`subject "${before.subject}" → "${after.subject}"`);
  if (before.language !== after.language) changes.push(`language ${before.language} → ${after.language}`);
  if (+before.start !== +after.start || +before.end !== +after.end) changes.push(`time ${day(before.start)}–${day(before.end)} → ${day(after.start)}–${day(after.end)} UTC`);
  if (before.priceMinor !== after.priceMinor || before.currency !== after.currency) changes.push(`price ${money(before.priceMinor, before.currency)} → ${money(after.priceMinor, after.currency)}`);
  if (before.tutorId !== after.tutorId) changes.push('tutor changed');
  if ([...before.learnerIds].sort().join() !== [...after.learnerIds].sort().join()) changes.push('learners changed');
  if (before.packageId !== after.packageId) changes.push('package changed');
  if (before.kind !== after.kind) changes.push(`kind ${before.kind.toLowerCase()} → ${after.kind.toLowerCase()}`);
  if (before.meetingId !== after.meetingId) changes.push('video meeting changed');
  if (before.endedById !== after.endedById) changes.push('who ended it changed');
  if ((before.tutorPayMinor ?? null) !== (after.tutorPayMinor ?? null)) changes.push("tutor's pay changed");
  if (before.lessonId !== after.lessonId || before.orderId !== after.orderId || before.teacherSessionId !== after.teacherSessionId) changes.push('booking references changed');
  return changes;
}
