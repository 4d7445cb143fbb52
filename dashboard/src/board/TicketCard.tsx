import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { CATEGORY_LABELS, TYPE_LABELS } from '../lib/labels';
import { humanize, shortDuration, timeAgo } from '../lib/format';
import { PresenceAvatars } from './PresenceAvatars';
import { SelectBox } from './SelectBox';
import { SlaBadge, slaText } from './SlaBadge';
import type { Card } from './boardStore';

/** One ticket on the board; a link, so Tab and Enter open it. */
export function TicketCard(props: { ticket: Card; flashing: boolean }) {
  const t = () => props.ticket;
  return (
    <div class="selectable-card">
      <SelectBox ticketId={t().id} label={t().number} />
      <A
        href={`/tickets/${t().id}`}
        class="ticket-card"
        classList={{ flash: props.flashing }}
        data-ticket-id={t().id}
        data-testid="ticket-card"
        aria-label={`${t().number}: ${t().title}, ${humanize(t().status)}, SLA ${slaText(t())}`}
      >
        <div class="ticket-card-top">
          <span class="ticket-number">{t().number}</span>
          <span class="chip">{t().category ? CATEGORY_LABELS[t().category!].split(' (')[0] : TYPE_LABELS[t().type]}</span>
          <time class="muted" datetime={t().createdAt} title={`Reported ${timeAgo(t().createdAt)}`}>{shortDuration(Date.now() - new Date(t().createdAt).getTime())}</time>
          <SlaBadge ticket={t()} />
        </div>
        <div class="ticket-title">{t().title}</div>
        <div class="ticket-card-people muted">
          <span class="people-names">{t().reporter.name}{t().tutor ? ` → ${t().tutor!.name}` : ''}</span>
          <Show when={t().assignee} fallback={<span class="unassigned">Unassigned</span>}>
            {(a) => <span class="assignee">@{a().name.split(' ')[0]}</span>}
          </Show>
          <PresenceAvatars ticketId={t().id} viewers={t().viewers} />
        </div>
      </A>
    </div>
  );
}
