import { For, Show } from 'solid-js';
import { StatusBadge } from '../../components/StatusBadge';
import type { TicketDetailFieldsFragment as TicketDetail } from '../../graphql/generated/graphql';
import { formatDate, formatTime, humanize, money } from '../../lib/format';

type Evidence = TicketDetail['evidence'][number];
const minutes = (value: number | null | undefined) => (value === null || value === undefined ? 'not recorded' : `${value} min`);

/** The server's reading of the attendance records (Ticket.evidence), shown as it gives it. */
function EvidenceFacts(props: { evidence: Evidence | undefined }) {
  return (
    <Show when={props.evidence} fallback={<p class="muted">No evidence for this session.</p>}>
      {(e) => (
        <dl class="facts compact evidence" data-testid="evidence">
          <dt>Scheduled</dt>
          <dd>{e().scheduledMinutes} min</dd>
          <dt>Tutor and learner together</dt>
          <dd>{e().actualMinutes === null ? 'no tutor attendance recorded' : `${e().actualMinutes} min`}</dd>
          <dt>Missing</dt>
          <dd>{minutes(e().missingMinutes)}</dd>
          <dt>Tutor late</dt>
          <dd>{e().tutorLateMinutes === null ? 'the tutor did not join' : `${e().tutorLateMinutes} min`}</dd>
          <dt>Learner late</dt>
          <dd>{minutes(e().learnerLateMinutes)}</dd>
          <dt>Ended by</dt>
          <dd>{e().endedByName ?? '–'}</dd>
          <Show when={e().suggestedCredit}>
            {(credit) => (
              <>
                <dt>Suggested credit</dt>
                <dd><strong>{money(credit())}</strong></dd>
              </>
            )}
          </Show>
        </dl>
      )}
    </Show>
  );
}

/** Each disputed session: ids, price, attendance as recorded, and the server's evidence. */
export function SessionDetails(props: { sessions: TicketDetail['sessions']; evidence: TicketDetail['evidence'] }) {
  return (
    <section class="card" aria-labelledby="session-details">
      <h2 id="session-details">Session Details</h2>
      <Show when={props.sessions.length} fallback={<p class="muted">No sessions on this ticket.</p>}>
        <For each={props.sessions}>
          {(s) => (
            <article class="session-block">
              <h3>
                {s.subject} · {s.language} <StatusBadge status={s.status} />
              </h3>
              <dl class="facts compact">
                <dt>{s.kind === 'GROUP' ? 'Class' : 'Lesson'} id</dt>
                <dd>{s.lessonId ?? s.id}</dd>
                <dt>Order id</dt>
                <dd>{s.orderId ?? '–'}</dd>
                <dt>Teacher session id</dt>
                <dd>{s.teacherSessionId ?? '–'}</dd>
                <dt>Scheduled</dt>
                <dd>{formatDate(s.scheduledStart)}, {formatTime(s.scheduledStart)}–{formatTime(s.scheduledEnd)}</dd>
                <dt>Price</dt>
                <dd>{money(s.price)}</dd>
                <dt>Kind</dt>
                <dd>{humanize(s.kind)}</dd>
              </dl>
              <table class="table attendance">
                <caption>Attendance</caption>
                <thead>
                  <tr><th scope="col">Who</th><th scope="col">Joined</th><th scope="col">Left</th></tr>
                </thead>
                <tbody>
                  <For each={s.attendance}>
                    {(a) => (
                      <tr>
                        <th scope="row">{a.user.name} <span class="muted">{a.user.id === s.tutor.id ? 'tutor' : 'learner'}</span></th>
                        <td>{a.joinedAt ? formatTime(a.joinedAt) : 'did not join'}</td>
                        <td>{a.leftAt ? formatTime(a.leftAt) : '–'}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
              <h4 class="evidence-head">Evidence</h4>
              <EvidenceFacts evidence={props.evidence.find((e) => e.sessionId === s.id)} />
            </article>
          )}
        </For>
      </Show>
    </section>
  );
}
