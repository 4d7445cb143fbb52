import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import { badInput } from '../errors';
import type { SessionParticipant, TutoringSession } from '../sessions/session.entity';
import { AdjustmentKind, TicketAdjustment } from './adjustment.entity';
import { CreditNote, CreditNoteLine } from './credit-note.entity';
import { type CreditDecision, planCredits } from './credit-plan';
import { Invoice, InvoiceLine, InvoiceStatus } from './invoice.entity';
import { Package } from './package.entity';
import { recordCreditNoteWebhook } from '../webhooks/events';

export interface MoneyMoved {
  /** Net change in what the ticket has credited (negative when a later decision gave less). */
  creditedDeltaMinor: number;
  creditNotes: CreditNote[];
  packageCreditsRestored: number;
  /** Invoices whose balance changed, for the invoice-updated alert. */
  invoiceIds: string[];
  currency: string | null;
}

interface Item {
  key: string;
  session: TutoringSession;
  participant: SessionParticipant;
  line: InvoiceLine | null;
}

const ticketCurrencyOf = (items: Item[]) => items[0]?.session.currency ?? null;

/**
 * Moves money so that the ticket's total effect matches `decision`, applying only the difference
 * from what it already moved: drafts are reduced or voided, issued and paid invoices get one
 * numbered credit note each, package credits come back; a smaller later decision is charged on
 * the billed-to user's next draft invoice. Every movement lands in the ticket_adjustments ledger.
 */
export async function applyDecision(
  em: EntityManager,
  ticket: { id: string; number: string },
  participants: SessionParticipant[],
  decision: CreditDecision,
): Promise<MoneyMoved> {
  const items = await billedItems(em, participants);
  const billed = items.reduce((sum, i) => sum + (i.line ? i.line.amountMinor : 0), 0);
  if (decision.kind === 'AMOUNT' && decision.totalMinor > billed) {
    throw badInput('creditAmountMinor', `creditAmountMinor may be at most ${billed}, the amount billed for these sessions`);
  }
  const targets = new Map(planCredits(items.map((i) => ({ key: i.key, lineAmountMinor: i.line?.amountMinor ?? null })), decision).map((t) => [t.key, t]));
  const already = await ledgerTotals(em, ticket.id);
  const moved: MoneyMoved = { creditedDeltaMinor: 0, creditNotes: [], packageCreditsRestored: 0, invoiceIds: [], currency: ticketCurrencyOf(items) };
  const noteLines = new Map<string, Array<{ item: Item; amount: number }>>();

  for (const item of items) {
    const target = targets.get(item.key)!;
    const before = already.get(item.key) ?? { money: 0, packageCredits: 0 };
    const base = { ticketId: ticket.id, session: item.session, learner: item.participant.learner, currency: item.session.currency };
    if (item.line) {
      const invoice = item.line.invoice;
      const delta = target.creditMinor - before.money;
      if (delta > 0 && invoice.status !== InvoiceStatus.VOID) {
        const amount = Math.min(delta, item.line.amountMinor - item.line.creditedMinor);
        if (amount <= 0) continue;
        if (invoice.status === InvoiceStatus.DRAFT) {
          creditDraftLine(item.line, amount);
          em.persist(Object.assign(new TicketAdjustment(), { ...base, kind: AdjustmentKind.LINE_CREDIT, amountMinor: amount, invoiceLine: item.line }));
        } else {
          noteLines.set(invoice.id, [...(noteLines.get(invoice.id) ?? []), { item, amount }]);
        }
        moved.creditedDeltaMinor += amount;
        moved.invoiceIds.push(invoice.id);
      } else if (delta < 0) {
        const charge = -delta;
        const line = invoice.status === InvoiceStatus.DRAFT && item.line.creditedMinor >= charge
          ? reduceDraftCredit(item.line, charge)
          : await addChargeLine(em, item, charge, ticket.number);
        em.persist(Object.assign(new TicketAdjustment(), { ...base, kind: AdjustmentKind.LINE_CHARGE, amountMinor: -charge, invoiceLine: line }));
        moved.creditedDeltaMinor -= charge;
        moved.invoiceIds.push(line.invoice.id);
      }
    } else if (item.participant.package) {
      const change = (target.restorePackage ? 1 : 0) - before.packageCredits;
      if (change !== 0) {
        const pkg = item.participant.package as Package;
        pkg.creditsUsed -= change;
        moved.packageCreditsRestored += change;
        em.persist(Object.assign(new TicketAdjustment(), { ...base, kind: AdjustmentKind.PACKAGE_CREDIT, amountMinor: 0, packageCredits: change, package: pkg }));
      }
    }
  }

  for (const lines of noteLines.values()) {
    const origin = { ticketId: ticket.id, reason: `Decision on ${ticket.number}`, orderKey: `ticket:${ticket.id}` };
    const note = await createCreditNote(em, lines[0].item.line!.invoice, origin, lines.map(({ item, amount }) => ({ line: item.line!, amount })));
    moved.creditNotes.push(note);
    for (const { item, amount } of lines) {
      em.persist(Object.assign(new TicketAdjustment(), {
        ticketId: ticket.id, session: item.session, learner: item.participant.learner, currency: item.session.currency,
        kind: AdjustmentKind.LINE_CREDIT, amountMinor: amount, invoiceLine: item.line, creditNote: note,
      }));
    }
  }
  moved.invoiceIds = [...new Set(moved.invoiceIds)];
  await em.flush();
  return moved;
}

/** Each disputed learner's way of paying for each session: an invoice line or a package credit. */
async function billedItems(em: EntityManager, participants: SessionParticipant[]): Promise<Item[]> {
  if (!participants.length) return [];
  const lines = await em.find(
    InvoiceLine,
    { $or: participants.map((p) => ({ session: p.session.id, learner: p.learner.id })) },
    { populate: ['invoice'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return participants
    .map((participant) => {
      const line = lines.find((l) => l.session?.id === participant.session.id && l.learner?.id === participant.learner.id) ?? null;
      return { key: `${participant.session.id}:${participant.learner.id}`, session: participant.session, participant, line };
    })
    .filter((item) => item.line || item.participant.package);
}

async function ledgerTotals(em: EntityManager, ticketId: string) {
  const rows: Array<{ session_id: string; learner_id: string; money: string; package_credits: string }> = await em.getConnection().execute(
    `select session_id, learner_id, coalesce(sum(amount_minor), 0) as money, coalesce(sum(package_credits), 0) as package_credits
       from ticket_adjustments where ticket_id = ? group by session_id, learner_id`,
    [ticketId], 'all', em.getTransactionContext(),
  );
  return new Map(rows.map((r) => [`${r.session_id}:${r.learner_id}`, { money: Number(r.money), packageCredits: Number(r.package_credits) }]));
}

export function creditDraftLine(line: InvoiceLine, amount: number) {
  line.creditedMinor += amount;
  line.voided = line.creditedMinor >= line.amountMinor;
}

function reduceDraftCredit(line: InvoiceLine, amount: number): InvoiceLine {
  line.creditedMinor -= amount;
  line.voided = false;
  return line;
}

/** A later, smaller decision on an issued invoice: charge the difference on the next draft. */
async function addChargeLine(em: EntityManager, item: Item, amount: number, ticketNumber: string): Promise<InvoiceLine> {
  const billedTo = item.line!.invoice.billedTo;
  const currency = item.session.currency;
  const invoice = (await em.findOne(Invoice, { billedTo, status: InvoiceStatus.DRAFT, currency }, { orderBy: { createdAt: 'desc' } }))
    ?? em.create(Invoice, { number: await nextNumber(em, 'invoice_number_seq', 'INV-'), billedTo: em.getReference(User, billedTo.id), status: InvoiceStatus.DRAFT, currency, createdAt: new Date() });
  const line = Object.assign(new InvoiceLine(), {
    invoice,
    learner: item.participant.learner,
    description: `Adjustment after the decision on ${ticketNumber} (${item.session.subject}, ${item.session.scheduledStart.toISOString().slice(0, 10)})`,
    amountMinor: amount,
    currency,
  });
  em.persist(line);
  return line;
}

/** Why a credit note exists: a ticket's decision, or a session cancelled before it happened. */
export interface CreditOrigin {
  ticketId: string | null;
  reason: string;
  /** Webhook events with one key arrive in order (ticket:<id>, session:<id>). */
  orderKey: string;
}

export async function createCreditNote(em: EntityManager, invoice: Invoice, origin: CreditOrigin, lines: Array<{ line: InvoiceLine; amount: number }>) {
  const note = Object.assign(new CreditNote(), {
    number: await nextNumber(em, 'credit_note_number_seq', 'CN-'),
    invoice,
    ticketId: origin.ticketId,
    amountMinor: lines.reduce((sum, l) => sum + l.amount, 0),
    currency: invoice.currency,
    reason: origin.reason,
  });
  em.persist(note);
  recordCreditNoteWebhook(em, note, origin.orderKey);
  for (const { line, amount } of lines) {
    line.creditedMinor += amount;
    em.persist(Object.assign(new CreditNoteLine(), { creditNote: note, invoiceLine: line, amountMinor: amount }));
  }
  return note;
}

export async function nextNumber(em: EntityManager, sequence: string, prefix: string): Promise<string> {
  const rows = await em.getConnection().execute(`select nextval('${sequence}') as n`, [], 'all', em.getTransactionContext());
  return `${prefix}${String(rows[0].n).padStart(6, '0')}`;
}

