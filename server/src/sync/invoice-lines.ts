import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../db/raw-sql';
import { badInput } from '../errors';
import { requireAmount, requireText } from './validate';

export interface InvoiceLineSyncItem {
  externalId: string;
  sessionExternalId?: string | null;
  description: string;
  amountMinor: number;
}

export interface LineFacts {
  index: number;
  externalId: string;
  input: InvoiceLineSyncItem;
  sessionId: string | null;
  learnerId: string | null;
  description: string;
  amountMinor: number;
}

/**
 * Checks an invoice's lines: unique ids, amounts, and sessions in the invoice's currency with a
 * learner billed to this person (themself or their child), who becomes the line's learner.
 */
export async function lineFacts(em: EntityManager, lines: InvoiceLineSyncItem[], billedTo: string, currency: string): Promise<LineFacts[]> {
  if (!lines.length) throw badInput('lines', 'An invoice needs at least one line');
  const sessionExternalIds = [...new Set(lines.map((l) => l.sessionExternalId).filter((s): s is string => !!s))];
  const sessions: Array<{ external_id: string; id: string; currency: string; learner_id: string | null }> = sessionExternalIds.length ? await run(em,
    `select r.external_id, s.id, s.currency,
            (select sp.learner_id from session_participants sp where sp.session_id = s.id
                and (sp.learner_id = ? or exists (select 1 from parent_links pl where pl.parent_id = ? and pl.child_id = sp.learner_id))
              order by sp.learner_id limit 1) as learner_id
       from sync_records r join tutoring_sessions s on s.id = r.entity_id
      where r.kind = 'SESSION' and r.scope = '' and r.external_id in (select jsonb_array_elements_text(?::jsonb))`,
    [billedTo, billedTo, JSON.stringify(sessionExternalIds)]) : [];
  const seen = new Set<string>();
  return lines.map((line, index) => {
    const externalId = requireText(line.externalId, `lines.${index}.externalId`, "The line's external id");
    if (seen.has(externalId)) throw badInput(`lines.${index}.externalId`, `Two lines have the external id "${externalId}"`);
    seen.add(externalId);
    const amountMinor = requireAmount(line.amountMinor, `lines.${index}.amountMinor`);
    const description = requireText(line.description, `lines.${index}.description`, "The line's description");
    let sessionId: string | null = null;
    let learnerId: string | null = null;
    if (line.sessionExternalId) {
      const session = sessions.find((s) => s.external_id === line.sessionExternalId);
      const field = `lines.${index}.sessionExternalId`;
      if (!session) throw badInput(field, `No session with the external id "${line.sessionExternalId}" was synced yet; sync sessions before invoices`);
      if (session.currency !== currency) throw badInput(field, `That session is priced in ${session.currency}, the invoice is in ${currency}`);
      if (!session.learner_id) throw badInput(field, 'None of that session\'s learners is this person or their child');
      sessionId = session.id;
      learnerId = session.learner_id;
    }
    return { index, externalId, input: line, sessionId, learnerId, description, amountMinor };
  });
}
