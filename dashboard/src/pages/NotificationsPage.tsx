import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorNotice } from '../components/ErrorNotice';
import { NotificationsQuery } from '../graphql/account';
import { query } from '../lib/client';
import { formatDateTime } from '../lib/format';

export default function NotificationsPage() {
  const [items, { refetch }] = createResource(() => query(NotificationsQuery, { first: 100 }).then((d) => d.notifications.edges.map((e) => e.node)));
  return (
    <section aria-labelledby="notifications-title">
      <div class="page-head">
        <h1 id="notifications-title">Notifications</h1>
      </div>
      <ErrorNotice error={items.error} retry={refetch} />
      <ul class="ticket-list">
        <For each={items.latest ?? []} fallback={<li class="muted">{items.loading ? 'Loading…' : 'No notifications.'}</li>}>
          {(n) => (
            <li class="card" classList={{ unread: !n.readAt }}>
              <strong>{n.title}</strong>
              <p>{n.body}</p>
              <p class="muted small">
                {formatDateTime(n.createdAt)}
                <Show when={n.ticket}>{(t) => <> · <A href={`/tickets/${t().id}`}>{t().number}</A></>}</Show>
              </p>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
