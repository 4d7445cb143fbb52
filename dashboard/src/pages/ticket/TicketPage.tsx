import { A, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ResolveForm } from '../../components/ResolveForm';
import { StatusBadge } from '../../components/StatusBadge';
import { hasTicketActions, TicketActions } from '../../components/TicketActions';
import { TicketChangedSubscription, TicketDetailQuery } from '../../graphql/tickets';
import { homeFor, isStaff, viewer } from '../../lib/auth';
import { followLive, query } from '../../lib/client';
import { MergeCard } from '../desk/MergeCard';
import { PresenceBar } from '../desk/PresenceBar';
import { SplitCard } from '../desk/SplitCard';
import { CommentForm } from './CommentForm';
import { EvidenceFiles } from './EvidenceFiles';
import { SatisfactionCard } from './SatisfactionCard';
import { IssueDetail } from './IssueDetail';
import { IssueLogTimeline } from './IssueLogTimeline';
import { MoneyDetails } from './MoneyDetails';
import { SessionDetails } from './SessionDetails';
import { TicketPayouts } from './TicketPayouts';

/**
 * One ticket: what was reported, its history, the sessions and money, and what can be done now.
 * What can be done is the server's `viewerCan`, asked again after every change.
 */
export default function TicketPage() {
  const params = useParams<{ id: string }>();
  const [ticket, { refetch }] = createResource(() => params.id, (id) => query(TicketDetailQuery, { id }).then((d) => d.ticket));
  // Someone else acting on this ticket updates the page at once.
  followLive(
    TicketChangedSubscription,
    { filter: null },
    (data) => {
      if (data.ticketChanged.ticket.id === params.id) void refetch();
    },
    () => void refetch(),
  );
  const done = () => void refetch();

  return (
    <div class="ticket-page">
      <A href={homeFor(viewer()?.role ?? 'LEARNER')} class="back-link">← Back</A>
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
            <Show when={isStaff(viewer()?.role)}><PresenceBar ticketId={t().id} /></Show>
            <Show when={t().mergedInto}>
              {(into) => (
                <p class="notice merged-into" data-testid="merged-into">
                  Merged into <A href={`/tickets/${into().id}`}>{into().number}</A> ("{into().title}"): its sessions, files and conversation continue there.
                </p>
              )}
            </Show>
            <Show when={t().mergedFrom.length}>
              <p class="muted merged-from">
                Merged here:{' '}
                <For each={t().mergedFrom}>{(m, i) => <>{i() ? ', ' : ''}<A href={`/tickets/${m.id}`}>{m.number}</A></>}</For>
              </p>
            </Show>
            <div class="detail-grid">
              <div class="detail-main">
                <IssueDetail ticket={t()} />
                <SessionDetails sessions={t().sessions} evidence={t().evidence} />
                <EvidenceFiles ticketId={t().id} version={t().version} />
                <MoneyDetails ticket={t()} />
                <TicketPayouts ticketId={t().id} version={t().version} />
                <IssueLogTimeline logs={t().logs} />
              </div>
              <aside class="detail-side" aria-label="Actions">
                <SatisfactionCard ticketId={t().id} version={t().version} />
                <Show when={t().viewerCan.resolve}>
                  <section class="card" aria-labelledby="resolve-title">
                    <h2 id="resolve-title">{t().status === 'ESCALATED' ? 'Final decision' : 'Resolve'}</h2>
                    {/* Which fields the form has: staff decide by outcome, tutors by action. */}
                    <ResolveForm ticket={t()} chooseOutcome={isStaff(viewer()?.role)} onDone={done} />
                  </section>
                </Show>
                <Show when={hasTicketActions(t())}>
                  <section class="card" aria-labelledby="actions-title">
                    <h2 id="actions-title">Actions</h2>
                    <TicketActions ticket={t()} onDone={done} />
                  </section>
                </Show>
                <Show when={t().viewerCan.merge}>
                  <section class="card" aria-labelledby="merge-title">
                    <h2 id="merge-title">Merge into…</h2>
                    <MergeCard ticket={t()} onDone={done} />
                  </section>
                </Show>
                <Show when={t().viewerCan.split}>
                  <section class="card" aria-labelledby="split-title">
                    <h2 id="split-title">Split off…</h2>
                    <SplitCard ticket={t()} />
                  </section>
                </Show>
                <Show when={t().viewerCan.comment}>
                  <section class="card" aria-labelledby="comment-title">
                    <h2 id="comment-title">Comments</h2>
                    <CommentForm ticketId={t().id} version={t().version} canInternal={t().viewerCan.commentInternal} onDone={done} />
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
