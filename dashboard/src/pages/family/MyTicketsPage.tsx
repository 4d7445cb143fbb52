import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StatusBadge } from '../../components/StatusBadge';
import { hasTicketActions, TicketActions } from '../../components/TicketActions';
import { TicketChangedSubscription, TicketListQuery } from '../../graphql/tickets';
import { followLive, query } from '../../lib/client';
import { formatDateTime } from '../../lib/format';

/** The family's tickets; what the server allows (accept, escalate) can be done right here. */
export default function MyTicketsPage() {
  const [tickets, { refetch }] = createResource(() => query(TicketListQuery, { filter: null, first: 100 }).then((d) => d.tickets.edges.map((e) => e.node)));
  followLive(TicketChangedSubscription, { filter: null }, () => void refetch(), () => void refetch());
  return (
    <section aria-labelledby="my-tickets-title">
      <div class="page-head">
        <h1 id="my-tickets-title">My tickets</h1>
      </div>
      <ErrorNotice error={tickets.error} retry={refetch} />
      <ul class="ticket-list">
        <For each={tickets.latest ?? []} fallback={<li class="muted">{tickets.loading ? 'Loading…' : 'You have not reported any issues.'}</li>}>
          {(t) => (
            <li class="card">
              <div class="ticket-list-head">
                <A href={`/tickets/${t.id}`}><span class="ticket-number">{t.number}</span> {t.title}</A>
                <StatusBadge status={t.status} />
              </div>
              <p class="muted small">
                Reported {formatDateTime(t.createdAt)}{t.tutor ? ` · tutor ${t.tutor.name}` : ''} · {t.sessions.length} session{t.sessions.length === 1 ? '' : 's'}
              </p>
              <Show when={hasTicketActions(t)}>
                <TicketActions ticket={t} onDone={() => void refetch()} />
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
