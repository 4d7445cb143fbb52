import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { User } from '../auth/user.entity';
import { Money } from './money';
import { TutoringSession } from '../sessions/session.entity';

export enum InvoiceStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  PAID = 'PAID',
  VOID = 'VOID',
}
registerEnumType(InvoiceStatus, { name: 'InvoiceStatus' });

@ObjectType()
@Entity({ tableName: 'invoices' })
@Index({ properties: ['billedTo', 'createdAt', 'id'] })
export class Invoice {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'text', unique: true })
  number!: string;

  @ManyToOne(() => User)
  billedTo!: User;

  @Field(() => InvoiceStatus)
  @Enum({ items: () => InvoiceStatus, nativeEnumName: 'invoice_status' })
  status!: InvoiceStatus;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  issuedAt?: Date | null;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @OneToMany(() => InvoiceLine, (l) => l.invoice)
  lines = new Collection<InvoiceLine>(this);
}

@ObjectType({ description: 'One billed item. `amountMinor` never changes; what was taken off it (a voided or reduced draft line, or credit notes on an issued invoice) accumulates in `creditedMinor`, which the database keeps between 0 and the amount.' })
@Entity({ tableName: 'invoice_lines' })
export class InvoiceLine {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => Invoice, { deleteRule: 'cascade' })
  invoice!: Invoice;

  @Index()
  @ManyToOne(() => TutoringSession, { nullable: true })
  session?: TutoringSession | null;

  @ManyToOne(() => User, { nullable: true })
  learner?: User | null;

  @Field()
  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'integer' })
  amountMinor!: number;

  /** Same as the invoice's; kept on the line so amounts need no join. */
  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;

  @Property({ type: 'integer', default: 0 })
  creditedMinor: number = 0;

  @Field()
  @Property({ type: 'boolean', default: false })
  voided: boolean = false;

  @Field(() => Money)
  get amount(): Money {
    return Money.of(this.amountMinor, this.currency);
  }

  @Field(() => Money)
  get credited(): Money {
    return Money.of(this.creditedMinor, this.currency);
  }

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
