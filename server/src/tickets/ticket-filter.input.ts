import { Field, ID, InputType } from 'type-graphql';
import { SlaState, type SlaTimes, slaFilter } from '../desk/sla';
import { DisputeCategory, TicketStatus, TicketType } from './enums';

@InputType()
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

  /** Words found in the title or description (case-insensitive). */
  @Field(() => String, { nullable: true })
  search?: string;

  /** Created at or after. */
  @Field(() => Date, { nullable: true })
  from?: Date;

  /** Created before. */
  @Field(() => Date, { nullable: true })
  to?: Date;

  /** In one of these SLA states now (desk/sla.ts). */
  @Field(() => [SlaState], { nullable: true })
  sla?: SlaState[];
}

/** The same filter applied in memory, for live events. */
export function matchesTicketFilter(
  ticket: { status: TicketStatus; type: TicketType; category?: DisputeCategory | null; tutor?: { id: string } | null;
    assignee?: { id: string } | null; reporter: { id: string }; title: string; description: string; createdAt: Date } & SlaTimes,
  filter: TicketFilter | null | undefined,
): boolean {
  if (!filter) return true;
  if (filter.status?.length && !filter.status.includes(ticket.status)) return false;
  if (filter.type && filter.type !== ticket.type) return false;
  if (filter.category && filter.category !== ticket.category) return false;
  if (filter.tutorId && filter.tutorId !== ticket.tutor?.id) return false;
  if (filter.assigneeId && filter.assigneeId !== ticket.assignee?.id) return false;
  if (filter.reporterId && filter.reporterId !== ticket.reporter.id) return false;
  if (filter.from && ticket.createdAt < filter.from) return false;
  if (filter.to && ticket.createdAt >= filter.to) return false;
  if (!slaFilter.matches(ticket, filter.sla)) return false;
  if (filter.search) {
    const needle = filter.search.trim().toLowerCase();
    if (needle && !`${ticket.title}\n${ticket.description}`.toLowerCase().includes(needle)) return false;
  }
  return true;
}
