import type { EntityManager } from '@mikro-orm/postgresql';
import type { SessionParticipant, TutoringSession } from '../sessions/session.entity';
import { type CreditOrigin, createCreditNote, creditDraftLine } from './adjustments';
import type { CreditNote } from './credit-note.entity';
import { InvoiceLine, InvoiceStatus } from './invoice.entity';
import type { Package } from './package.entity';

export interface CancellationMoney {
  creditNotes: CreditNote[];
  /** Draft lines voided. */
  voidedLines: number;
  packageCreditsRestored: number;
  invoiceIds: string[];
}

/**
 * A session that will not happen costs nothing: as a full credit, on whatever is not credited yet.
 * Draft lines are voided, issued and paid invoices get one credit note each, package credits come back.
 */
export async function creditCancelledSession(em: EntityManager, session: TutoringSession, participants: SessionParticipant[], reason: string): Promise<CancellationMoney> {
  const money: CancellationMoney = { creditNotes: [], voidedLines: 0, packageCreditsRestored: 0, invoiceIds: [] };
  const lines = await em.find(InvoiceLine, { session: session.id, voided: false }, { populate: ['invoice'], orderBy: { createdAt: 'asc', id: 'asc' } });
  const toNote = new Map<string, Array<{ line: InvoiceLine; amountMinor: number }>>();
  for (const line of lines) {
    const open = line.amountMinor - line.creditedMinor;
    if (open <= 0 || line.invoice.status === InvoiceStatus.VOID) continue;
    money.invoiceIds.push(line.invoice.id);
    if (line.invoice.status === InvoiceStatus.DRAFT) {
      creditDraftLine(line, open);
      money.voidedLines += 1;
    } else {
      toNote.set(line.invoice.id, [...(toNote.get(line.invoice.id) ?? []), { line, amountMinor: open }]);
    }
  }
  const origin: CreditOrigin = { ticketId: null, reason };
  for (const noteLines of toNote.values()) {
    money.creditNotes.push(await createCreditNote(em, noteLines[0].line.invoice, origin, noteLines));
  }
  const billedLearners = new Set(lines.map((line) => line.learner?.id));
  for (const participant of participants) {
    if (!participant.package || billedLearners.has(participant.learner.id)) continue;
    (participant.package as Package).creditsUsed -= 1;
    money.packageCreditsRestored += 1;
  }
  money.invoiceIds = [...new Set(money.invoiceIds)];
  return money;
}
