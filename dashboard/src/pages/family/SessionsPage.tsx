import { A } from '@solidjs/router';
import { onMount, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type Column, ListTable, LoadMore } from '../../components/ListTable';
import { StatusBadge } from '../../components/StatusBadge';
import type { FamilySessionsQuery } from '../../graphql/generated/graphql';
import { CompletedSessionsQuery } from '../../graphql/family';
import { query } from '../../lib/client';
import { formatDateTime, money } from '../../lib/format';
import { createPagedList } from '../../lib/paged-list';
import { createSessionPicker, ReportBar } from './SessionPicker';

type Session = FamilySessionsQuery['sessions']['edges'][number]['node'];

const COLUMNS: Column[] = [{ label: 'Select', hidden: true }, 'Date and time', 'Session', 'Learner', 'Tutor', { label: 'Price', num: true }, 'Issue'];

/** The family's completed sessions; pick one or more to report an issue. */
export default function SessionsPage() {
  const list = createPagedList<Session>(async (after) => {
    const { sessions: connection } = await query(CompletedSessionsQuery, { filter: { status: 'COMPLETED' }, first: 50, after });
    return { nodes: connection.edges.map((e) => e.node), endCursor: connection.pageInfo.endCursor ?? null, hasNextPage: connection.pageInfo.hasNextPage };
  });
  const picker = createSessionPicker();

  onMount(() => void list.load(null));

  return (
    <section aria-labelledby="sessions-title">
      <div class="page-head">
        <h1 id="sessions-title">Completed sessions</h1>
      </div>
      <ReportBar picker={picker} />
      <ErrorNotice error={list.error()} retry={() => void list.load(null)} />
      <ListTable
        testid="sessions"
        columns={COLUMNS}
        each={list.items()}
        loading={list.loading()}
        empty="No completed sessions."
      >
        {(s) => (
          <tr classList={{ selected: picker.isSelected(s.id) }}>
            <td>
              <input
                type="checkbox"
                aria-label={`Select ${s.subject} on ${formatDateTime(s.scheduledStart)}`}
                checked={picker.isSelected(s.id)}
                disabled={!!s.openTicket}
                onChange={(e) => picker.toggle({ id: s.id, tutorId: s.tutor.id }, e.currentTarget.checked)}
                data-session-id={s.id}
                data-tutor-id={s.tutor.id}
              />
            </td>
            <td data-label="When">{formatDateTime(s.scheduledStart)}</td>
            <td data-label="Session">{s.subject} <span class="muted">· {s.language}</span></td>
            <td data-label="Learner">{s.learners.map((l) => l.name).join(', ')}</td>
            <td data-label="Tutor">{s.tutor.name}</td>
            <td data-label="Price" class="num">{money(s.price)}</td>
            <td data-label="Issue">
              <Show when={s.openTicket} fallback={<span class="muted">–</span>}>
                {(t) => <A href={`/tickets/${t().id}`}>{t().number} <StatusBadge status={t().status} /></A>}
              </Show>
            </td>
          </tr>
        )}
      </ListTable>
      <LoadMore list={list} />
    </section>
  );
}
