import { For, Show } from 'solid-js';
import { StatusBadge } from '../../components/StatusBadge';
import { presence, sessionEvidence } from '../../lib/evidence';
import { formatDate, formatTime, humanize, money } from '../../lib/format';
import type { TicketDetail, TicketSession } from './types';

function lateness(p: ReturnType<typeof presence>) {
  if (p.absent) return 'did not join';
  const parts = [p.lateMinutes ? `${p.lateMinutes} min late` : 'on time', p.earlyMinutes ? `left ${p.earlyMinutes} min early` : ''];
  return parts.filter(Boolean).join(', ');
}

/** Each disputed session: ids, price, who ended it, attendance against the schedule, evidence. */
export function SessionDetails(props: { sessions: TicketSession[]; evidence: TicketDetail['evidence'] }) {
  return (
    <section class="card" aria-labelledby="session-details">
      <h2 id="session-details">Session Details</h2>
      <Show when={props.sessions.length} fallback={<p class="muted">No sessions on this ticket.</p>}>
        <For each={props.sessions}>
          {(s) => {
            // The server's evidence is authoritative; the local reading explains it in words.
            const evidence = sessionEvidence(s);
            const server = props.evidence.find((e) => e.sessionId === s.id);
            const suggested = server?.suggestedCredit ?? { amountMinor: evidence.suggestedCreditMinor, currency: s.price.currency };
            return (
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
                  <dd>{formatDate(s.scheduledStart)}, {formatTime(s.scheduledStart)}–{formatTime(s.scheduledEnd)} ({evidence.scheduledMinutes} min)</dd>
                  <dt>Price</dt>
                  <dd>{money(s.price)}</dd>
                  <dt>Ended by</dt>
                  <dd>{s.endedBy ? `${s.endedBy.name} (${s.endedBy.role.toLowerCase()})` : '–'}</dd>
                  <dt>Kind</dt>
                  <dd>{humanize(s.kind)}</dd>
                </dl>
                <table class="table attendance">
                  <caption>Attendance against the schedule</caption>
                  <thead>
                    <tr><th scope="col">Who</th><th scope="col">Joined</th><th scope="col">Left</th><th scope="col">Against schedule</th></tr>
                  </thead>
                  <tbody>
                    <For each={s.attendance}>
                      {(a) => (
                        <tr>
                          <th scope="row">{a.user.name} <span class="muted">{a.user.id === s.tutor.id ? 'tutor' : 'learner'}</span></th>
                          <td>{a.joinedAt ? formatTime(a.joinedAt) : '–'}</td>
                          <td>{a.leftAt ? formatTime(a.leftAt) : '–'}</td>
                          <td>{lateness(presence(a, s.scheduledStart, s.scheduledEnd))}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
                <p class="evidence" data-testid="evidence">
                  <strong>Evidence:</strong> {evidence.summary}{' '}
                  <Show when={server?.missingMinutes}>
                    <span>Missing {server!.missingMinutes} of {server!.scheduledMinutes} min. </span>
                  </Show>
                  <span>Suggested credit: <strong>{money(suggested)}</strong></span>
                </p>
              </article>
            );
          }}
        </For>
      </Show>
    </section>
  );
}
