import type { EntityManager } from '@mikro-orm/postgresql';
import type { MoneyPlan } from '../billing/adjustments';
import { formatMoney } from '../billing/format-money';
import { disputedParticipants } from './disputed-learners';
import { sessionEvidence } from './attendance-facts';
import type { Ticket } from './ticket.entity';

/** Over this many minor units (and 10 %) beyond the suggestion, a decision credits against the evidence. */
const TOLERANCE_MINOR = 100;

/**
 * Warnings for the person deciding when the decision goes against the attendance: crediting
 * (much) more than the attendance suggests, or nothing although the tutor never joined. Not a
 * refusal: people may know more than the records; they are asked to say why.
 */
export async function evidenceWarnings(em: EntityManager, ticket: Ticket, plan: MoneyPlan): Promise<string[]> {
  const participants = await disputedParticipants(em, ticket);
  const bySession = new Map<string, typeof participants>();
  for (const p of participants) bySession.set(p.session.id, [...(bySession.get(p.session.id) ?? []), p]);
  const evidence = [...bySession.values()].map((list) => sessionEvidence(list[0].session, list, ticket.category, null));
  const suggestions = evidence.filter((e) => e.suggestedCredit);
  if (!suggestions.length) return [];
  const currency = suggestions[0].suggestedCredit!.currency;
  const suggested = suggestions.reduce((sum, e) => sum + e.suggestedCredit!.amountMinor, 0);
  const total = ticket.creditedMinor + plan.creditMinor - plan.chargeMinor;
  const warnings: string[] = [];
  const absentLearners = evidence.filter((e) => e.learnerAbsent && !e.tutorAbsent).length;
  if (total > suggested + Math.max(TOLERANCE_MINOR, suggested * 0.1)) {
    const why = absentLearners ? ` The attendance shows the learner did not join ${absentLearners === 1 ? 'a session' : `${absentLearners} sessions`} while the tutor was there.` : '';
    warnings.push(`This decision credits ${formatMoney(total, currency)} in total; the attendance suggests ${formatMoney(suggested, currency)}.${why} Say in your comment why you credit more.`);
  }
  if (total === 0 && evidence.some((e) => e.tutorAbsent)) {
    warnings.push('The attendance shows the tutor did not join, yet this decision credits nothing. Say in your comment why.');
  }
  return warnings;
}
