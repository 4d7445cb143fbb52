import { Show } from 'solid-js';
import { shortDuration as duration } from '../lib/format';

export interface SlaFields {
  slaState: 'ON_TRACK' | 'AT_RISK' | 'BREACHED' | 'MET';
  firstResponseDueAt?: string | null;
  firstRespondedAt?: string | null;
  resolutionDueAt?: string | null;
  /** Resolved or closed: no clock runs any more, so the badge names the state instead of a time. */
  status?: string;
}

const SLA_LABELS = { ON_TRACK: 'On track', AT_RISK: 'At risk', BREACHED: 'Breached', MET: 'SLA met' } as const;


/** The due time the clock runs against: the first response until someone answered, then the resolution. */
function pendingDue(t: SlaFields): string | null | undefined {
  return !t.firstRespondedAt && t.firstResponseDueAt ? t.firstResponseDueAt : t.resolutionDueAt;
}

/** "3 h left", "2 d late" or the state's name: what a card says about the SLA. */
export function slaText(ticket: SlaFields, now = Date.now()): string {
  const due = pendingDue(ticket);
  const stopped = ticket.status === 'RESOLVED' || ticket.status === 'CLOSED';
  if (ticket.slaState === 'MET' || !due || stopped) return SLA_LABELS[ticket.slaState];
  const left = new Date(due).getTime() - now;
  return left >= 0 ? `${duration(left)} left` : `${duration(left)} late`;
}

/** The server's SLA state, coloured, with the time left or how late (the state itself is never computed here). */
export function SlaBadge(props: { ticket: SlaFields; now?: number }) {
  const text = () => slaText(props.ticket, props.now);
  return (
    <Show when={props.ticket.slaState}>
      <span class={`sla sla-${props.ticket.slaState.toLowerCase().replace('_', '-')}`} data-testid="sla" title={SLA_LABELS[props.ticket.slaState]}>
        {text()}
      </span>
    </Show>
  );
}
