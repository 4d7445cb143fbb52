import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../billing/money';
import { Connection } from '../graphql/pagination';

export enum LedgerKind {
  CREDIT_NOTE = 'CREDIT_NOTE',
  LINE_REDUCED = 'LINE_REDUCED',
  LINE_VOIDED = 'LINE_VOIDED',
  CHARGE = 'CHARGE',
  PACKAGE_CREDIT_RESTORED = 'PACKAGE_CREDIT_RESTORED',
  PAYOUT_DEDUCTION = 'PAYOUT_DEDUCTION',
  PAYOUT_RELEASED = 'PAYOUT_RELEASED',
  PAYOUT_PAID = 'PAYOUT_PAID',
}
registerEnumType(LedgerKind, {
  name: 'LedgerKind',
  description: 'What kind of money movement a ledger entry is',
  valuesConfig: {
    CREDIT_NOTE: { description: 'Credited on an issued or paid invoice line by a credit note (reference: its number)' },
    LINE_REDUCED: { description: 'A draft line reduced before it was issued' },
    LINE_VOIDED: { description: 'A draft line credited in full (voided)' },
    CHARGE: { description: 'Charged back (negative): a credit taken back, or a new draft line after a smaller later decision' },
    PACKAGE_CREDIT_RESTORED: { description: "A package credit given back, valued at the session's price" },
    PAYOUT_DEDUCTION: { description: "The change in what is taken off a tutor's payout for credits on its session (positive: more taken off)" },
    PAYOUT_RELEASED: { description: "A tutor's payout released for payment (its net at that moment)" },
    PAYOUT_PAID: { description: "A tutor's payout marked paid (reference: the payment run)" },
  },
});

@ObjectType({ description: 'One money movement, with the business\'s own ids' })
export class LedgerEntry {
  @Field(() => ID, { description: 'Stable id of the entry (also the webhook data.entry.id)' })
  id!: string;

  @Field(() => LedgerKind, { description: 'What moved' })
  kind!: LedgerKind;

  @Field(() => Money, { description: 'Signed: credits to the family positive, charges negative; payout amounts as the tutor is paid' })
  amount!: Money;

  @Field({ description: 'When it moved' })
  createdAt!: Date;

  ticketId!: string | null;

  @Field(() => ID, { nullable: true, description: "The invoice's external id" })
  invoiceExternalId!: string | null;

  @Field(() => ID, { nullable: true, description: "The invoice line's external id" })
  lineExternalId!: string | null;

  @Field(() => ID, { nullable: true, description: "The session's external id" })
  sessionExternalId!: string | null;

  @Field(() => ID, { nullable: true, description: "The learner's (lines, packages) or tutor's (payouts) external id" })
  userExternalId!: string | null;

  @Field(() => String, { nullable: true, description: 'Credit note number, or the payment run reference' })
  reference!: string | null;

  sequence!: number;
}

export const LedgerConnection = Connection(LedgerEntry, 'Ledger');
