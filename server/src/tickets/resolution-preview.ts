import { Field, Int, ObjectType } from 'type-graphql';
import type { MoneyPlan } from '../billing/adjustments';
import { InvoiceLine } from '../billing/invoice.entity';
import { Money } from '../billing/money';

/** The currency shown for a decision that moves nothing on a ticket without sessions. */
const NO_MONEY_CURRENCY = 'EUR';

@ObjectType()
export class PreviewLine {
  @Field(() => InvoiceLine)
  line!: InvoiceLine;

  @Field(() => Money, { description: 'The change of this line\'s credit (negative when a later decision takes credit back from a draft).' })
  credit!: Money;
}

@ObjectType({ description: 'What resolveTicket with the same input would move, computed by the same code, writing nothing.' })
export class ResolutionPreview {
  @Field(() => Money, { description: 'Newly credited by this decision (0 when none).' })
  credit!: Money;

  @Field(() => Money, { description: 'Taken back when the decision credits less than before (0 when none): from a draft line, or charged on the next draft.' })
  charge!: Money;

  @Field(() => [PreviewLine], { description: 'Every invoice line whose credit would change.' })
  lines!: PreviewLine[];

  @Field(() => Int)
  packageCreditsRestored!: number;

  @Field(() => Int, { description: 'Credit notes this decision would create.' })
  creditNotes!: number;

  @Field(() => [String], { description: 'Where this decision goes against the attendance records, in plain words (empty when it does not). Sending is still allowed.' })
  warnings!: string[];
}

export function previewOf(plan: MoneyPlan, ticketCurrency: string | null | undefined, warnings: string[] = []): ResolutionPreview {
  const currency = plan.currency ?? ticketCurrency ?? NO_MONEY_CURRENCY;
  // One entry per line: a take-back booked against several tickets of a family is one change of the line.
  const byLine = new Map<string, { line: InvoiceLine; change: number }>();
  for (const m of plan.movements) {
    if (m.kind === 'PACKAGE' || m.kind === 'CHARGE') continue;
    const change = m.kind === 'DRAFT_UNCREDIT' ? -m.amountMinor : m.amountMinor;
    const entry = byLine.get(m.line.id) ?? { line: m.line, change: 0 };
    entry.change += change;
    byLine.set(m.line.id, entry);
  }
  const lines = [...byLine.values()];
  return Object.assign(new ResolutionPreview(), {
    credit: Money.of(plan.creditMinor, currency),
    charge: Money.of(plan.chargeMinor, currency),
    lines: lines.map(({ line, change }) => Object.assign(new PreviewLine(), { line, credit: Money.of(change, line.currency) })),
    packageCreditsRestored: plan.packageCreditsRestored,
    creditNotes: plan.creditNoteInvoiceIds.length,
    warnings,
  });
}
