import { Field, ObjectType } from 'type-graphql';
import type { Viewer } from '../auth/viewer';
import type { RuleOptions, TicketAction } from './rules';
import { verdictFor } from './ticket-access';
import type { Ticket } from './ticket.entity';

/** What the caller may do with this ticket right now, from the same rules the mutations check. */
@ObjectType({ description: 'What the caller may do with this ticket right now, from the same rules the mutations check.' })
export class TicketCapabilities {
  @Field() resolve!: boolean;
  @Field() accept!: boolean;
  @Field() escalate!: boolean;
  @Field() assign!: boolean;
  @Field() comment!: boolean;
  @Field() commentInternal!: boolean;
  @Field() attachEvidence!: boolean;
  @Field() merge!: boolean;
  @Field() split!: boolean;
  @Field() rate!: boolean;
  @Field({ description: 'Contest the resolution an automation made (contestResolution): the tutor, until contestDueAt.' }) contest!: boolean;
  @Field({ description: 'Apply a macro (applyMacro): staff, on an open ticket.' }) applyMacro!: boolean;
}

/** Each capability is the lifecycle action of the same name. */
export const CAPABILITIES = [
  'resolve', 'accept', 'escalate', 'assign', 'comment', 'commentInternal', 'attachEvidence', 'merge', 'split', 'rate', 'contest', 'applyMacro',
] as const satisfies ReadonlyArray<TicketAction & keyof TicketCapabilities>;

/**
 * The viewer's capabilities on a ticket: an action is allowed when the ticket is visible to them
 * and the lifecycle table (rules.ts) lets them do it now, exactly what the mutation checks.
 */
export function capabilitiesOf(config: RuleOptions, viewer: Viewer | null, ticket: Ticket, visible: boolean): TicketCapabilities {
  const can = new TicketCapabilities();
  for (const action of CAPABILITIES) can[action] = !!viewer && visible && verdictFor(config, viewer, ticket, action).ok;
  return can;
}
