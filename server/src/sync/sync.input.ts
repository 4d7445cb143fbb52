import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../auth/roles';
import { InvoiceStatus } from '../billing/invoice.entity';
import { SessionKind, SessionStatus } from '../sessions/session.entity';
import { SyncOutcome } from './batch';

registerEnumType(SyncOutcome, {
  name: 'SyncOutcome',
  description: 'What a sync did with one item',
  valuesConfig: {
    CREATED: { description: 'New here: created' },
    UPDATED: { description: 'Known and changed: updated' },
    UNCHANGED: { description: 'Known and the same: nothing written' },
    STALE: { description: 'Older than what is stored (sourceUpdatedAt): nothing written' },
    FAILED: { description: 'Refused: code, field and message say why; nothing of this item was written' },
  },
});

export enum AttendanceKind {
  JOINED = 'JOINED',
  LEFT = 'LEFT',
}
registerEnumType(AttendanceKind, { name: 'AttendanceKind', description: 'Check-in or check-out in the video room' });

@ObjectType({ description: 'The answer for one item of a sync call, in input order' })
export class SyncResult {
  @Field(() => ID, { description: "The item's external id as sent" })
  externalId!: string;

  @Field(() => SyncOutcome, { description: 'What happened to the item' })
  outcome!: SyncOutcome;

  @Field(() => ID, { nullable: true, description: "The desk's id of the record (null when it failed before one existed)" })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'For FAILED: BAD_USER_INPUT, CONFLICT or another code of the contract' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'For FAILED: the input field at fault, as a path (e.g. lines.2.amountMinor)' })
  field?: string | null;

  @Field(() => String, { nullable: true, description: 'For FAILED: why, in words' })
  message?: string | null;
}

@InputType({ description: 'An amount in minor units with its ISO currency' })
export class MoneyInput {
  @Field(() => Int, { description: 'Minor units (cents)' })
  amountMinor!: number;

  @Field({ description: 'ISO 4217 code, e.g. EUR' })
  currency!: string;
}

@InputType({ description: 'A person of the business: learner, parent or tutor' })
export class UserSyncInput {
  @Field(() => ID, { description: "The business's id of the person" })
  externalId!: string;

  @Field(() => Role, { description: 'LEARNER, PARENT or TUTOR (staff are made in the desk)' })
  role!: Role;

  @Field({ description: 'The name people see' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'E-mail address; a person already in the desk with it becomes this one' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Preferred language tag, e.g. de-DE (accepted; not used by the desk yet)' })
  locale?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Europe/Berlin' })
  timezone?: string | null;

  @Field(() => ID, { nullable: true, description: "For a learner: the parent's external id (the parent is synced first)" })
  parentExternalId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False closes the account (it can no longer sign in)' })
  active?: boolean | null;

  @Field({ description: 'When the business last changed this person; older deliveries are STALE' })
  sourceUpdatedAt!: Date;
}

@InputType({ description: 'A prepaid package of session credits' })
export class PackageSyncInput {
  @Field(() => ID, { description: "The business's id of the package" })
  externalId!: string;

  @Field({ description: 'The package name people see' })
  name!: string;

  @Field(() => ID, { description: 'Who paid for it (external id)' })
  billedToExternalId!: string;

  @Field(() => ID, { description: 'The learner it is for (external id)' })
  learnerExternalId!: string;

  @Field(() => Int, { description: 'Credits bought; never below those already used' })
  creditsTotal!: number;

  @Field({ description: 'When the business last changed this package; older deliveries are STALE' })
  sourceUpdatedAt!: Date;
}

@InputType({ description: 'A session as the booking platform has it' })
export class SessionSyncInput {
  @Field(() => ID, { description: "The business's id of the session (its appointment id)" })
  externalId!: string;

  @Field(() => SessionKind, { description: 'One-on-one or group' })
  kind!: SessionKind;

  @Field(() => SessionStatus, { description: 'Scheduled, completed or cancelled' })
  status!: SessionStatus;

  @Field({ description: 'What is taught' })
  subject!: string;

  @Field({ description: 'The language it is taught in' })
  language!: string;

  @Field({ description: 'Start, UTC' })
  scheduledStart!: Date;

  @Field({ description: 'End, UTC; after the start' })
  scheduledEnd!: Date;

  @Field(() => MoneyInput, { description: 'Price per learner; cannot change while the session is in an open dispute' })
  price!: MoneyInput;

  @Field(() => MoneyInput, { nullable: true, description: "The tutor's payout for a COMPLETED session, in the price's currency" })
  tutorPay?: MoneyInput | null;

  @Field(() => ID, { description: "The tutor's external id; cannot change while the session is in an open dispute" })
  tutorExternalId!: string;

  @Field(() => [ID], { description: "The learners' external ids (one for ONE_ON_ONE)" })
  learnerExternalIds!: string[];

  @Field(() => ID, { nullable: true, description: 'The package it is paid from (uses one credit of its learner)' })
  packageExternalId?: string | null;

  @Field(() => String, { nullable: true, description: "The video room's meeting id (Zoom attendance finds the session by it)" })
  meetingId?: string | null;

  @Field(() => String, { nullable: true, description: "The platform's lesson id" })
  lessonId?: string | null;

  @Field(() => String, { nullable: true, description: "The platform's order id" })
  orderId?: string | null;

  @Field(() => String, { nullable: true, description: "The platform's teacher-session id" })
  teacherSessionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who ended the session (external id)' })
  endedByExternalId?: string | null;

  @Field({ description: 'When the business last changed this session; older deliveries are STALE' })
  sourceUpdatedAt!: Date;
}

@InputType({ description: 'One line of a synced invoice' })
export class InvoiceLineSyncInput {
  @Field(() => ID, { description: "The line's id, unique inside its invoice" })
  externalId!: string;

  @Field(() => ID, { nullable: true, description: 'The session billed (external id), in the invoice currency' })
  sessionExternalId?: string | null;

  @Field({ description: 'What the line says' })
  description!: string;

  @Field(() => Int, { description: 'Minor units; never below what the desk already credited on it' })
  amountMinor!: number;
}

@InputType({ description: 'An invoice of the billing system' })
export class InvoiceSyncInput {
  @Field(() => ID, { description: "The business's id of the invoice" })
  externalId!: string;

  @Field({ description: 'The invoice number people see; unique' })
  number!: string;

  @Field(() => InvoiceStatus, { description: 'Draft, issued, paid or void' })
  status!: InvoiceStatus;

  @Field(() => ID, { description: 'Who is billed (external id)' })
  billedToExternalId!: string;

  @Field({ description: 'ISO 4217 code of every line' })
  currency!: string;

  @Field(() => Date, { nullable: true, description: 'When it was issued' })
  issuedAt?: Date | null;

  @Field(() => [InvoiceLineSyncInput], { description: 'All its lines: lines left out are removed (unless the desk credited them)' })
  lines!: InvoiceLineSyncInput[];

  @Field({ description: 'When the business last changed this invoice; older deliveries are STALE' })
  sourceUpdatedAt!: Date;
}

@InputType({ description: 'A check-in or check-out as the video room saw it' })
export class AttendanceEventInput {
  @Field(() => ID, { description: 'The session (external id)' })
  sessionExternalId!: string;

  @Field(() => ID, { description: 'The tutor or learner (external id)' })
  userExternalId!: string;

  @Field(() => AttendanceKind, { description: 'Joined or left' })
  kind!: AttendanceKind;

  @Field({ description: 'When, UTC' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Where it came from, e.g. zoom' })
  source?: string | null;
}
