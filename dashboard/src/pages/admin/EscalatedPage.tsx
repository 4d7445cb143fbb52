import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type Column, ListTable } from '../../components/ListTable';
import type { TicketFilter } from '../../graphql/generated/graphql';
import { FilteredTicketChangedSubscription, TicketListQuery } from '../../graphql/tickets';
import { followLive, query } from '../../lib/client';
import { formatDateTime } from '../../lib/format';
import { CATEGORY_LABELS, TYPE_LABELS } from '../../lib/labels';

const QUEUE: TicketFilter = { status: ['ESCALATED'] };

const COLUMNS: Column[] = ['Ticket', 'Category', 'Reporter', 'Tutor', 'Reported', 'Assignee', 'Final decision'];

/** Escalated tickets waiting for a final decision, oldest wait first. */
export default function EscalatedPage() {
  const [tickets, { refetch }] = createResource(() =>
    query(TicketListQuery, { filter: QUEUE, first: 100 }).then((d) => d.tickets.edges.map((e) => e.node).reverse()),
  );
  // The server says whether a changed ticket is escalated (matchesFilter); one that left the queue was listed.
  followLive(
    FilteredTicketChangedSubscription,
    { filter: QUEUE },
    ({ ticketChanged: event }) => {
      if (event.matchesFilter || tickets.latest?.some((t) => t.id === event.ticket.id)) void refetch();
    },
    () => void refetch(),
  );
  return (
    <section aria-labelledby="escalated-title">
      <div class="page-head">
        <h1 id="escalated-title">Escalated queue</h1>
        <span class="muted">{tickets.latest?.length ?? 0} waiting</span>
      </div>
      <ErrorNotice error={tickets.error} retry={refetch} />
      <ListTable
        columns={COLUMNS}
        each={tickets.latest ?? []}
        loading={tickets.loading}
        empty="Nothing escalated. Good."
      >
        {(t) => (
          <tr>
            <th scope="row" data-label="Ticket"><A href={`/tickets/${t.id}`}><span class="ticket-number">{t.number}</span> {t.title}</A></th>
            <td data-label="Category">{t.category ? CATEGORY_LABELS[t.category] : TYPE_LABELS[t.type]}</td>
            <td data-label="Reporter">{t.reporter.name}</td>
            <td data-label="Tutor">{t.tutor?.name ?? '–'}</td>
            <td data-label="Reported">{formatDateTime(t.createdAt)}</td>
            <td data-label="Assignee">{t.assignee?.name ?? 'Unassigned'}</td>
            <td data-label="Final decision">
              <Show when={t.viewerCan.resolve} fallback={<span class="muted">By an admin</span>}>
                <A href={`/tickets/${t.id}`} class="button primary" aria-label={`Decide ${t.number}`}>Decide</A>
              </Show>
            </td>
          </tr>
        )}
      </ListTable>
    </section>
  );
}
