import { randomUUID } from 'node:crypto';
import { Collection, Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Invoice, InvoiceLine } from './invoice.entity';
import { Money } from './money';

@ObjectType({ description: 'A numbered credit against an issued or paid invoice. Immutable once written.' })
@Entity({ tableName: 'credit_notes' })
export class CreditNote {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'text', unique: true })
  number!: string;

  @Index()
  @ManyToOne(() => Invoice)
  invoice!: Invoice;

  /** The ticket whose decision produced it (no FK here: tickets live in their own feature). */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  ticketId?: string | null;

  @Property({ type: 'integer' })
  amountMinor!: number;

  @Property({ type: 'string', columnType: 'char(3)' })
  currency!: string;

  @Field(() => Money)
  get amount(): Money {
    return Money.of(this.amountMinor, this.currency);
  }

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @OneToMany(() => CreditNoteLine, (l) => l.creditNote)
  lines = new Collection<CreditNoteLine>(this);
}

@Entity({ tableName: 'credit_note_lines' })
export class CreditNoteLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => CreditNote)
  creditNote!: CreditNote;

  @Index()
  @ManyToOne(() => InvoiceLine)
  invoiceLine!: InvoiceLine;

  @Property({ type: 'integer' })
  amountMinor!: number;
}
