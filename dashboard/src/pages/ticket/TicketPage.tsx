import { A, useParams } from '@solidjs/router';
import { createResource, onCleanup, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ReporterActions } from '../../components/ReporterActions';
import { ResolveForm } from '../../components/ResolveForm';
import { StatusBadge } from '../../components/StatusBadge';
import { TicketChangedSubscription, TicketDetailQuery } from '../../graphql/tickets';
import { isStaff, viewer } from '../../lib/auth';
import { onReconnect, query, subscribe } from '../../lib/client';
import { PresenceBar } from '../desk/PresenceBar';
import { CommentForm } from './CommentForm';
import { IssueDetail } from './IssueDetail';
import { IssueLogTimeline } from './IssueLogTimeline';
import { MoneyDetails } from './MoneyDetails';
import { SessionDetails } from './SessionDetails';
import { StaffActions } from './StaffActions';

/** One ticket: what was reported, its history, the sessions and money, and what can be done now. */
export default function TicketPage() {
  const params = useParams<{ id: string }>();
  const [ticket, { refetch }] = createResource(() => params.id, (id) => query(TicketDetailQuery, { id }).then((d) => d.ticket));
  // Someone else acting on this ticket updates the page at once.
  const stop = subscribe(TicketChangedSubscription, { filter: null }, (data) => {
    if (data.ticketChanged.ticket.id === params.id) void refetch();
  });
  const stopReconnect = onReconnect(() => void refetch());
  onCleanup(() => {
    stop();
    stopReconnect();
  });

  const role = () => viewer()?.role;
  const staff = () => isStaff(role());
  const isTutor = () => role() === 'TUTOR';
  const isReporter = (t: { reporter: { id: string } }) => t.reporter.id === viewer()?.id;
  const canResolve = (status: string) => (staff() && (status === 'ONGOING' || status === 'ESCALATED')) || (isTutor() && status === 'ONGOING');
  const back = () => (staff() ? '/board' : isTutor() ? '/reported-issues' : '/my-tickets');

  return (
    <div class="ticket-page">
      <A href={back()} class="back-link">← Back</A>
      <ErrorNotice error={ticket.error} retry={refetch} />
      <Show when={ticket.state === 'ready' && !ticket()}>
        <p class="notice">This ticket does not exist, or you cannot see it.</p>
      </Show>
      <Show when={ticket.latest} fallback={<Show when={ticket.loading}><p class="muted">Loading ticket…</p></Show>}>
        {(t) => (
          <>
            <div class="page-head">
              <h1>
                <span class="ticket-number">{t().number}</span> {t().title}
              </h1>
              <StatusBadge status={t().status} />
            </div>
            <Show when={staff()}><PresenceBar ticketId={t().id} /></Show>
            <div class="detail-grid">
              <div class="detail-main">
                <IssueDetail ticket={t()} />
                <SessionDetails sessions={t().sessions} evidence={t().evidence} />
                <MoneyDetails ticket={t()} />
                <IssueLogTimeline logs={t().logs} />
              </div>
              <aside class="detail-side" aria-label="Actions">
                <Show when={canResolve(t().status)}>
                  <section class="card" aria-labelledby="resolve-title">
                    <h2 id="resolve-title">{t().status === 'ESCALATED' ? 'Final decision' : 'Resolve'}</h2>
                    <ResolveForm ticket={t()} staff={staff()} onDone={() => void refetch()} />
                  </section>
                </Show>
                <Show when={t().status === 'RESOLVED' && isReporter(t())}>
                  <section class="card" aria-labelledby="answer-title">
                    <h2 id="answer-title">Your answer</h2>
                    <ReporterActions ticketId={t().id} onDone={() => void refetch()} />
                  </section>
                </Show>
                <Show when={staff() || isTutor()}>
                  <section class="card" aria-labelledby="manage-title">
                    <h2 id="manage-title">Manage</h2>
                    <StaffActions ticket={t()} staff={staff()} onDone={() => void refetch()} />
                  </section>
                </Show>
                <Show when={t().status !== 'CLOSED'}>
                  <section class="card" aria-labelledby="comment-title">
                    <h2 id="comment-title">Comments</h2>
                    <CommentForm ticketId={t().id} staff={staff()} onDone={() => void refetch()} />
                  </section>
                </Show>
              </aside>
            </div>
          </>
        )}
      </Show>
    </div>
  );
}
