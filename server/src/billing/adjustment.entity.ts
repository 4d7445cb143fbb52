import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { User } from '../auth/user.entity';
import { TutoringSession } from '../sessions/session.entity';
import { CreditNote } from './credit-note.entity';
import { InvoiceLine } from './invoice.entity';
import { Package } from './package.entity';

export enum AdjustmentKind {
  /** Money taken off a line: a draft line reduced or voided, or a credit note line. */
  LINE_CREDIT = 'LINE_CREDIT',
  /** A later, smaller decision: the difference charged back (line credit reduced, or a new draft line). */
  LINE_CHARGE = 'LINE_CHARGE',
  /** A package credit given back (+1) or taken again (-1). */
  PACKAGE_CREDIT = 'PACKAGE_CREDIT',
}

/**
 * The money ledger of ticket decisions: every movement, per ticket, session and learner. What a
 * ticket has credited so far is the sum of its rows, so a later decision applies only the difference.
 */
@Entity({ tableName: 'ticket_adjustments' })
@Index({ properties: ['ticketId', 'session', 'learner'] })
export class TicketAdjustment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  ticketId!: string;

  @Index()
  @ManyToOne(() => TutoringSession)
  session!: TutoringSession;

  @ManyToOne(() => User)
  learner!: User;

  @Enum({ items: () => AdjustmentKind, nativeEnumName: 'adjustment_kind' })
  kind!: AdjustmentKind;

  /** Signed: credits positive, charges negative; package credits +1 / -1 times the session price. */
  @Property({ type: 'integer' })
  amountMinor!: number;

  @Property({ type: 'integer', default: 0 })
  packageCredits: number = 0;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;

  @ManyToOne(() => InvoiceLine, { nullable: true })
  invoiceLine?: InvoiceLine | null;

  @ManyToOne(() => CreditNote, { nullable: true })
  creditNote?: CreditNote | null;

  @ManyToOne(() => Package, { nullable: true })
  package?: Package | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
