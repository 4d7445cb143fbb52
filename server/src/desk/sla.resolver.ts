import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Ticket } from '../tickets/ticket.entity';
import { SlaState, slaStateOf } from '../tickets/sla';

@Resolver(() => Ticket)
export class TicketSlaResolver {
  @FieldResolver(() => SlaState, { description: 'Against the first-response and resolution due times, now.' })
  slaState(@Root() ticket: Ticket): SlaState {
    return slaStateOf(ticket);
  }
}
