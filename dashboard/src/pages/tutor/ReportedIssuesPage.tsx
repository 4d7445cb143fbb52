import { A } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import { compareBoardOrder } from '../../board/order';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type Column, ListTable, LoadMore } from '../../components/ListTable';
import { ResolveForm } from '../../components/ResolveForm';
import { StatusBadge } from '../../components/StatusBadge';
import type { TicketDetailFieldsFragment, TicketRowFieldsFragment as Row } from '../../graphql/generated/graphql';
import { TicketChangedSubscription, TicketDetailQuery, TicketListQuery, TicketRowQuery } from '../../graphql/tickets';
import { isStaff, viewer } from '../../lib/auth';
import { followLive, query } from '../../lib/client';
import { formatDateTime, humanize } from '../../lib/format';
import { createPagedList } from '../../lib/paged-list';

const PAGE = 50;
const COLUMNS: Column[] = ['Learner', 'Language', 'Session date and time', 'Session status', 'Issue title', 'Issue status', { label: 'Actions', hidden: true }];

/** The tutor's Reported Issues: ongoing first, then resolved, escalated, closed. */
export default function ReportedIssuesPage() {
  const { items: rows, setItems: setRows, total, hasMore, loading, error, setError, load, loadMore } = createPagedList<Row>(
    async (after) => {
      const { tickets } = await query(TicketListQuery, { filter: null, first: PAGE, after });
      return { nodes: tickets.edges.map((e) => e.node), endCursor: tickets.pageInfo.endCursor ?? null, hasNextPage: tickets.pageInfo.hasNextPage, totalCount: tickets.totalCount };
    },
    // A live change may have moved a row onto an earlier page: keep each ticket once, in board order.
    (current, page) => [...current, ...page.filter((r) => !current.some((c) => c.id === r.id))].sort(compareBoardOrder),
  );
  const [resolving, setResolving] = createSignal<TicketDetailFieldsFragment | null>(null);
  const [announcement, setAnnouncement] = createSignal('');

  onMount(() => {
    void load(null);
    followLive(TicketChangedSubscription, { filter: null }, (data) => void refresh(data.ticketChanged.ticket.id), () => void load(null));
  });

  const openResolve = async (id: string) => {
    try {
      const { ticket } = await query(TicketDetailQuery, { id });
      if (ticket) setResolving(ticket);
    } catch (e) {
      setError(e);
    }
  };
  /** A changed or new ticket: its row as the server now has it (status, what the tutor may do). */
  const refresh = async (id: string) => {
    try {
      const { ticket } = await query(TicketRowQuery, { id });
      setRows((list) => {
        const others = list.filter((r) => r.id !== id);
        return (ticket ? [...others, ticket] : others).sort(compareBoardOrder);
      });
      if (ticket) setAnnouncement(`${ticket.number} is now ${humanize(ticket.status)}`);
    } catch (e) {
      setError(e);
    }
  };
  const resolved = (id: string) => {
    setResolving(null);
    void refresh(id);
  };

  // The ticket's own learners: in a group class, only the reporter's child is concerned.
  const learners = (row: Row) =>
    (row.learners.length ? row.learners.map((l) => l.name) : [...new Set(row.sessions.flatMap((s) => s.learners.map((l) => l.name)))]).join(', ') || '–';
  const languages = (row: Row) => [...new Set(row.sessions.map((s) => s.language))].join(', ') || '–';

  return (
    <section aria-labelledby="reported-title">
      <div class="page-head">
        <h1 id="reported-title">Reported Issues</h1>
        <span class="muted">{total()} tickets</span>
      </div>
      <ErrorNotice error={error()} retry={() => void load(null)} />
      <p class="sr-only" aria-live="polite">{announcement()}</p>
      <ListTable
        testid="reported-issues"
        columns={COLUMNS}
        each={rows()}
        loading={loading()}
        empty="No reported issues."
      >
        {(row) => (
          <tr data-ticket-id={row.id}>
            <td data-label="Learner">{learners(row)}</td>
            <td data-label="Language">{languages(row)}</td>
            <td data-label="Session">{row.sessions.map((s) => formatDateTime(s.scheduledStart)).join(', ') || '–'}</td>
            <td data-label="Session status">{[...new Set(row.sessions.map((s) => humanize(s.status)))].join(', ') || '–'}</td>
            <td data-label="Issue"><span class="ticket-number">{row.number}</span> {row.title}</td>
            <td data-label="Issue status"><StatusBadge status={row.status} /></td>
            <td><div class="row-actions">
              <A href={`/tickets/${row.id}`} class="button" aria-label={`View detail of ${row.number}`}>View Detail</A>
              <Show when={row.viewerCan.resolve}>
                <button type="button" class="primary" aria-label={`Resolve ${row.number}`} onClick={() => void openResolve(row.id)}>Resolve</button>
              </Show>
            </div></td>
          </tr>
        )}
      </ListTable>
      <LoadMore list={{ hasMore, loading, loadMore }} />
      <Show when={resolving()}>
        {(ticket) => (
          <Dialog title={`Resolve ${ticket().number}`} onClose={() => setResolving(null)}>
            <p><strong>{ticket().title}</strong></p>
            <ResolveForm ticket={ticket()} chooseOutcome={isStaff(viewer()?.role)} onDone={() => resolved(ticket().id)} onCancel={() => setResolving(null)} />
          </Dialog>
        )}
      </Show>
    </section>
  );
}
