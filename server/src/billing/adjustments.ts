import { formatMoney } from './format-money';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import { badInput } from '../errors';
import type { SessionParticipant, TutoringSession } from '../sessions/session.entity';
import { AdjustmentKind, TicketAdjustment } from './adjustment.entity';
import { CreditNote, CreditNoteLine } from './credit-note.entity';
import { type CreditDecision, planCredits } from './credit-plan';
import { Invoice, InvoiceLine, InvoiceStatus } from './invoice.entity';
import { Package } from './package.entity';
import { settlePayoutDeductions } from './payout-deductions';
import { pgArray, run } from '../db/raw-sql';

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

/** One movement of a decision, computed without writing anything. */
export type Movement =
  /** Credit on a DRAFT invoice's line (reduces or voids it). */
  | { kind: 'DRAFT_CREDIT'; item: Item; line: InvoiceLine; amountMinor: number }
  /** Credit on an ISSUED or PAID invoice's line, through that invoice's credit note. */
  | { kind: 'NOTE_CREDIT'; item: Item; line: InvoiceLine; amountMinor: number }
  /**
   * Less credit than before, taken back from a DRAFT line's credit. `ticketId`: the ticket of the
   * family whose credit it takes back (its ledger books it), so no ticket's credited goes below 0.
   */
  | { kind: 'DRAFT_UNCREDIT'; item: Item; line: InvoiceLine; amountMinor: number; ticketId: string }
  /** Less credit than before on an issued line: a charge on the billed-to user's next draft, booked as DRAFT_UNCREDIT is. */
  | { kind: 'CHARGE'; item: Item; line: InvoiceLine; amountMinor: number; ticketId: string }
  /** Package credits given back (negative: taken again). */
  | { kind: 'PACKAGE'; item: Item; pkg: Package; credits: number };

/** Everything a decision would move, line by line; `applyPlan` writes exactly this. */
export interface MoneyPlan {
  movements: Movement[];
  /** Newly credited (sum of the credits). */
  creditMinor: number;
  /** Charged back when the decision gives less than before. */
  chargeMinor: number;
  packageCreditsRestored: number;
  /** One credit note per ISSUED or PAID invoice with credited lines. */
  creditNoteInvoiceIds: string[];
  currency: string | null;
}

/**
 * What moving money so that the ticket's total effect matches `decision` takes, applying only the
 * difference from what it already moved: drafts are reduced or voided, issued and paid invoices
 * get one numbered credit note each, package credits come back; a smaller later decision is
 * charged on the billed-to user's next draft invoice. What a smaller decision takes back is booked
 * against the family's tickets whose credit it takes back, most recent first (`takeBack`): each
 * ticket's credited stays at least 0. Reads only.
 */
export async function planDecision(em: EntityManager, ticketId: string, participants: SessionParticipant[], decision: CreditDecision): Promise<MoneyPlan> {
  const items = await billedItems(em, participants);
  const billed = items.reduce((sum, i) => sum + (i.line ? i.line.amountMinor : 0), 0);
  if (decision.kind === 'AMOUNT' && decision.totalMinor > billed) {
    throw badInput('creditAmountMinor', `The credit can be at most ${formatMoney(billed, items.find((i) => i.line)?.line?.currency)}, what was billed for these sessions`);
  }
  const targets = new Map(planCredits(items.map((i) => ({ key: i.key, lineAmountMinor: i.line?.amountMinor ?? null })), decision).map((t) => [t.key, t]));
  const already = await ledgerTotals(em, ticketId);
  const restored = await restoredPackageCredits(em, participants);
  const movements: Movement[] = [];
  for (const item of items) {
    const target = targets.get(item.key)!;
    const before = already.get(item.key) ?? { money: 0, packageCredits: 0, byTicket: [] };
    const { line } = item;
    if (line) {
      const delta = target.creditMinor - before.money;
      if (delta > 0 && line.invoice.status !== InvoiceStatus.VOID) {
        const amountMinor = Math.min(delta, line.amountMinor - line.creditedMinor);
        if (amountMinor <= 0) continue;
        movements.push({ kind: line.invoice.status === InvoiceStatus.DRAFT ? 'DRAFT_CREDIT' : 'NOTE_CREDIT', item, line, amountMinor });
      } else if (delta < 0) {
        const amountMinor = -delta;
        const fromDraft = line.invoice.status === InvoiceStatus.DRAFT && line.creditedMinor >= amountMinor;
        for (const part of takeBack(before.byTicket, amountMinor, ticketId)) {
          movements.push({ kind: fromDraft ? 'DRAFT_UNCREDIT' : 'CHARGE', item, line, amountMinor: part.amountMinor, ticketId: part.ticketId });
        }
      }
    } else if (item.participant.package) {
      // A credit another ticket already gave back is not given back again (as a line is never credited past its amount).
      const wanted = (target.restorePackage ? 1 : 0) - before.packageCredits;
      const credits = wanted > 0 ? Math.min(wanted, 1 - (restored.get(item.key) ?? 0)) : wanted;
      if (credits !== 0) movements.push({ kind: 'PACKAGE', item, pkg: item.participant.package as Package, credits });
    }
  }
  const sum = (kinds: Movement['kind'][]) => movements.reduce((s, m) => s + (kinds.includes(m.kind) && 'amountMinor' in m ? m.amountMinor : 0), 0);
  return {
    movements,
    creditMinor: sum(['DRAFT_CREDIT', 'NOTE_CREDIT']),
    chargeMinor: sum(['DRAFT_UNCREDIT', 'CHARGE']),
    packageCreditsRestored: movements.reduce((s, m) => s + (m.kind === 'PACKAGE' ? m.credits : 0), 0),
    creditNoteInvoiceIds: [...new Set(movements.flatMap((m) => (m.kind === 'NOTE_CREDIT' ? [m.line.invoice.id] : [])))],
    currency: items[0]?.session.currency ?? null,
  };
}

/** Writes a plan: every movement lands on its line, note or package and in the ticket_adjustments ledger. */
export async function applyPlan(em: EntityManager, ticket: { id: string; number: string }, plan: MoneyPlan): Promise<MoneyMoved> {
  // What this decision takes back from the other tickets of its family is theirs (takeBack).
  const takenBack = new Map<string, number>();
  for (const m of plan.movements) {
    if ((m.kind === 'DRAFT_UNCREDIT' || m.kind === 'CHARGE') && m.ticketId !== ticket.id) takenBack.set(m.ticketId, (takenBack.get(m.ticketId) ?? 0) + m.amountMinor);
  }
  const takenFromOthers = [...takenBack.values()].reduce((sum, n) => sum + n, 0);
  const moved: MoneyMoved = {
    creditedDeltaMinor: plan.creditMinor - (plan.chargeMinor - takenFromOthers),
    creditNotes: [],
    packageCreditsRestored: plan.packageCreditsRestored,
    invoiceIds: [],
    currency: plan.currency,
  };
  const ledger = (m: Movement, fields: Partial<TicketAdjustment>) => em.persist(Object.assign(new TicketAdjustment(), {
    ticketId: 'ticketId' in m ? m.ticketId : ticket.id, session: m.item.session, learner: m.item.participant.learner, currency: m.item.session.currency, ...fields,
  }));
  const noteLines = new Map<string, Array<Extract<Movement, { kind: 'NOTE_CREDIT' }>>>();
  for (const m of plan.movements) {
    if (m.kind === 'DRAFT_CREDIT') {
      creditDraftLine(m.line, m.amountMinor);
      ledger(m, { kind: AdjustmentKind.LINE_CREDIT, amountMinor: m.amountMinor, invoiceLine: m.line });
      moved.invoiceIds.push(m.line.invoice.id);
    } else if (m.kind === 'NOTE_CREDIT') {
      noteLines.set(m.line.invoice.id, [...(noteLines.get(m.line.invoice.id) ?? []), m]);
      moved.invoiceIds.push(m.line.invoice.id);
    } else if (m.kind === 'DRAFT_UNCREDIT') {
      m.line.creditedMinor -= m.amountMinor;
      m.line.voided = false;
      ledger(m, { kind: AdjustmentKind.LINE_CHARGE, amountMinor: -m.amountMinor, invoiceLine: m.line });
      moved.invoiceIds.push(m.line.invoice.id);
    } else if (m.kind === 'CHARGE') {
      const line = await addChargeLine(em, m.item, m.amountMinor, ticket.number);
      ledger(m, { kind: AdjustmentKind.LINE_CHARGE, amountMinor: -m.amountMinor, invoiceLine: line });
      moved.invoiceIds.push(line.invoice.id);
    } else {
      m.pkg.creditsUsed -= m.credits;
      ledger(m, { kind: AdjustmentKind.PACKAGE_CREDIT, amountMinor: 0, packageCredits: m.credits, package: m.pkg });
    }
  }
  for (const lines of noteLines.values()) {
    const origin = { ticketId: ticket.id, reason: `Decision on ${ticket.number}` };
    const note = await createCreditNote(em, lines[0].line.invoice, origin, lines);
    moved.creditNotes.push(note);
    for (const m of lines) ledger(m, { kind: AdjustmentKind.LINE_CREDIT, amountMinor: m.amountMinor, invoiceLine: m.line, creditNote: note });
  }
  moved.invoiceIds = [...new Set(moved.invoiceIds)];
  await em.flush();
  // Their credited follows their ledger (the deciding ticket's own is set by its caller from creditedDeltaMinor).
  for (const [id, amount] of takenBack) await run(em, 'update tickets set credited_minor = credited_minor - ? where id = ?', [amount, id]);
  await settlePayoutDeductions(em, plan.movements.map((m) => m.item.session.id), ticket.id);
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

/**
 * What the ticket already moved per session and learner, counting the tickets merged into it (and
 * theirs): their ledgers stay theirs, but their sessions are now this ticket's, so its decision
 * moves only the difference and never credits a line twice (desk/merge.ts).
 */
async function ledgerTotals(em: EntityManager, ticketId: string) {
  const rows: Array<{ ticket_id: string; session_id: string; learner_id: string; money: string; package_credits: string }> = await run(em,
    `with recursive family(id) as (select ?::uuid union select t.id from tickets t join family f on t.merged_into_id = f.id)
     select ticket_id, session_id, learner_id, coalesce(sum(amount_minor), 0) as money, coalesce(sum(package_credits), 0) as package_credits
       from ticket_adjustments where ticket_id in (select id from family) group by ticket_id, session_id, learner_id
      order by max(created_at) desc, max(id::text) desc`,
    [ticketId]);
  const totals = new Map<string, { money: number; packageCredits: number; byTicket: TicketCredit[] }>();
  for (const r of rows) {
    const key = `${r.session_id}:${r.learner_id}`;
    const total = totals.get(key) ?? { money: 0, packageCredits: 0, byTicket: [] };
    total.money += Number(r.money);
    total.packageCredits += Number(r.package_credits);
    total.byTicket.push({ ticketId: r.ticket_id, moneyMinor: Number(r.money) });
    totals.set(key, total);
  }
  return totals;
}

/** What one ticket of the family has credited on one session and learner. */
interface TicketCredit {
  ticketId: string;
  moneyMinor: number;
}

/**
 * Who gives back `amountMinor` of a family's credit on one session and learner: the tickets that
 * credited it, most recent first, each at most what it credited there (so none goes below 0). The
 * family never takes back more than it credited (the decision's target is at least 0); anything
 * left over stays with the deciding ticket.
 */
function takeBack(byTicket: TicketCredit[], amountMinor: number, decidingTicketId: string): Array<{ ticketId: string; amountMinor: number }> {
  const parts: Array<{ ticketId: string; amountMinor: number }> = [];
  let left = amountMinor;
  for (const { ticketId, moneyMinor } of byTicket) {
    if (left <= 0) break;
    const part = Math.min(left, moneyMinor);
    if (part <= 0) continue;
    parts.push({ ticketId, amountMinor: part });
    left -= part;
  }
  if (left > 0) parts.push({ ticketId: decidingTicketId, amountMinor: left });
  return parts;
}

/** Package credits every ticket together gave back per session and learner (at most one each). */
async function restoredPackageCredits(em: EntityManager, participants: SessionParticipant[]): Promise<Map<string, number>> {
  const packaged = participants.filter((p) => p.package);
  if (!packaged.length) return new Map();
  const rows: Array<{ session_id: string; learner_id: string; credits: string }> = await run(em,
    `select session_id, learner_id, sum(package_credits) as credits from ticket_adjustments
      where session_id = any(?::uuid[]) and package_id is not null group by session_id, learner_id`,
    [pgArray([...new Set(packaged.map((p) => p.session.id))])]);
  return new Map(rows.map((r) => [`${r.session_id}:${r.learner_id}`, Number(r.credits)]));
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

/** A draft line credited (voided once fully credited): drafts change in place, no credit note. */
export function creditDraftLine(line: InvoiceLine, amountMinor: number): void {
  line.creditedMinor += amountMinor;
  line.voided = line.creditedMinor >= line.amountMinor;
}

/** Why a credit note exists: a ticket's decision, or a session cancelled before it happened. */
export interface CreditOrigin {
  ticketId: string | null;
  reason: string;
}

export async function createCreditNote(em: EntityManager, invoice: Invoice, origin: CreditOrigin, lines: Array<{ line: InvoiceLine; amountMinor: number }>) {
  const note = Object.assign(new CreditNote(), {
    number: await nextNumber(em, 'credit_note_number_seq', 'CN-'),
    invoice,
    ticketId: origin.ticketId,
    amountMinor: lines.reduce((sum, l) => sum + l.amountMinor, 0),
    currency: invoice.currency,
    reason: origin.reason,
  });
  em.persist(note);
  for (const { line, amountMinor } of lines) {
    line.creditedMinor += amountMinor;
    em.persist(Object.assign(new CreditNoteLine(), { creditNote: note, invoiceLine: line, amountMinor }));
  }
  return note;
}

export async function nextNumber(em: EntityManager, sequence: string, prefix: string): Promise<string> {
  const rows = await run(em, `select nextval('${sequence}') as n`);
  return `${prefix}${String(rows[0].n).padStart(6, '0')}`;
}
