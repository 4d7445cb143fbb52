import { Field, ID, InputType } from 'type-graphql';
import { SlaState } from './sla';
import { parseId } from '../graphql/ids';
import { DisputeCategory, TicketStatus, TicketType } from './enums';
import type { TicketFilterSpec } from './ticket-filter';

@InputType({ description: 'Every field given must match. The same filter selects `tickets` and `ticketChanged` (see TicketEvent.matchesFilter).' })
export class TicketFilter {
  @Field(() => [TicketStatus], { nullable: true })
  status?: TicketStatus[];

  @Field(() => TicketType, { nullable: true })
  type?: TicketType;

  @Field(() => DisputeCategory, { nullable: true })
  category?: DisputeCategory;

  @Field(() => ID, { nullable: true })
  tutorId?: string;

  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @Field(() => ID, { nullable: true })
  reporterId?: string;

  @Field(() => String, { nullable: true, description: 'Found, case-insensitively, in the title, the description or the number (e.g. "T-000123")' })
  search?: string;

  @Field(() => Date, { nullable: true, description: 'Created at or after' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Created before' })
  to?: Date;

  @Field(() => [SlaState], { nullable: true, description: 'In one of these SLA states now' })
  sla?: SlaState[];
}

/** The argument checked once (a malformed id is BAD_USER_INPUT naming it; ids lower-cased as stored). */
export function toTicketFilterSpec(filter: TicketFilter | null | undefined): TicketFilterSpec | null {
  if (!filter) return null;
  const id = (value: string | null | undefined, field: string) => (value ? parseId(value, field) : undefined);
  return {
    status: filter.status ?? undefined,
    type: filter.type ?? undefined,
    category: filter.category ?? undefined,
    tutorId: id(filter.tutorId, 'tutorId'),
    assigneeId: id(filter.assigneeId, 'assigneeId'),
    reporterId: id(filter.reporterId, 'reporterId'),
    search: filter.search?.trim() || undefined,
    from: filter.from ?? undefined,
    to: filter.to ?? undefined,
    sla: filter.sla?.length ? filter.sla : undefined,
  };
}
