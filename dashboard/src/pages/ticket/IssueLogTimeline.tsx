import { For, Show } from 'solid-js';
import { formatDateTime, humanize } from '../../lib/format';
import type { TicketDetailFieldsFragment as TicketDetail } from '../../graphql/generated/graphql';

/** Every step of the ticket, oldest first, as the immutable issue log records it. */
export function IssueLogTimeline(props: { logs: TicketDetail['logs'] }) {
  return (
    <section class="card" aria-labelledby="issue-logs">
      <h2 id="issue-logs">Issue Logs</h2>
      <ol class="timeline">
        <For each={props.logs} fallback={<li class="muted">No entries.</li>}>
          {(log) => (
            <li classList={{ internal: log.internal }}>
              <div class="timeline-head">
                <strong>{humanize(log.action)}</strong>
                <Show when={log.toStatus && log.toStatus !== log.fromStatus}>
                  <span class="muted"> {log.fromStatus ? `${humanize(log.fromStatus)} → ` : '→ '}{humanize(log.toStatus)}</span>
                </Show>
                <Show when={log.internal}>
                  <span class="chip chip-internal">Internal</span>
                </Show>
              </div>
              <div class="muted small">
                {log.actor ? `${log.actor.name} (${log.actor.role.toLowerCase()})` : 'System'} · <time datetime={log.createdAt}>{formatDateTime(log.createdAt)}</time>
              </div>
              <Show when={log.comment}>
                <p class="prewrap">{log.comment}</p>
              </Show>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
