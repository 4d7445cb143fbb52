import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorNotice } from '../components/ErrorNotice';
import { MarkNotificationsSeenMutation, NOTIFICATIONS_SEEN_EVENT, NotificationsQuery } from '../graphql/account';
import { mutate, query } from '../lib/client';
import { formatDateTime } from '../lib/format';

export default function NotificationsPage() {
  // Seeing the list is reading it: what it shows is marked read (it stays highlighted as new for this visit).
  const [items, { refetch }] = createResource(async () => {
    const list = (await query(NotificationsQuery, { first: 100 })).notifications.edges.map((e) => e.node);
    if (list.some((n) => !n.readAt)) {
      await mutate(MarkNotificationsSeenMutation, { seenUpTo: list[0].createdAt });
      window.dispatchEvent(new Event(NOTIFICATIONS_SEEN_EVENT));
    }
    return list;
  });
  return (
    <section aria-labelledby="notifications-title">
      <div class="page-head">
        <h1 id="notifications-title">Notifications</h1>
      </div>
      <ErrorNotice error={items.error} retry={refetch} />
      <ul class="ticket-list">
        <For each={items.latest ?? []} fallback={<li class="muted">{items.loading ? 'Loading…' : 'No notifications.'}</li>}>
          {(n) => (
            <li class="card" classList={{ unread: !n.readAt }} data-testid="notification">
              <strong>{n.title}</strong>
              <Show when={!n.readAt}> <span class="badge">New</span></Show>
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
