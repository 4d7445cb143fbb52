import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { MarkNotificationsReadMutation, NOTIFICATIONS_SEEN_EVENT, NotificationAddedSubscription, NotificationsQuery, UnreadCountQuery } from '../graphql/account';
import type { NotificationsQuery as NotificationsResult } from '../graphql/generated/graphql';
import { followLive, mutate, query } from '../lib/client';
import { timeAgo } from '../lib/format';
import { createSubmit } from '../lib/submit';
import { ErrorNotice } from './ErrorNotice';

type Item = NotificationsResult['notifications']['edges'][number]['node'];

/** The bell: unread count kept live by `notificationAdded`, and the latest few on demand. */
export function NotificationBell() {
  const [unread, setUnread] = createSignal<number | null>(null);
  const [items, setItems] = createSignal<Item[]>([]);
  const [open, setOpen] = createSignal(false);
  const { error, setError, run } = createSubmit();
  const [announce, setAnnounce] = createSignal('');
  let panel: HTMLDivElement | undefined;
  let button: HTMLButtonElement | undefined;

  const refreshCount = () =>
    query(UnreadCountQuery, {})
      .then((data) => setUnread(data.unreadNotificationCount))
      .catch(setError);
  const loadItems = () =>
    query(NotificationsQuery, { first: 10 })
      .then((data) => setItems(data.notifications.edges.map((e) => e.node)))
      .catch(setError);

  onMount(() => {
    void refreshCount();
    followLive(
      NotificationAddedSubscription,
      {},
      (data) => {
        const added = data.notificationAdded;
        setItems((list) => [added, ...list.filter((n) => n.id !== added.id)].slice(0, 10));
        setUnread((n) => (n ?? 0) + 1);
        setAnnounce(`New notification: ${added.title}`);
      },
      // A notification sent while offline is not replayed: recount instead.
      () => void refreshCount(),
    );
    const closeOnOutside = (event: MouseEvent) => {
      if (open() && panel && !panel.contains(event.target as Node) && !button?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('click', closeOnOutside);
    const recount = () => void refreshCount();
    window.addEventListener(NOTIFICATIONS_SEEN_EVENT, recount);
    onCleanup(() => {
      document.removeEventListener('click', closeOnOutside);
      window.removeEventListener(NOTIFICATIONS_SEEN_EVENT, recount);
    });
  });

  const toggle = () => {
    setOpen(!open());
    if (open()) void loadItems();
  };
  const markAllRead = () =>
    run(async () => {
      // The API marks the ids it is given: take every unread one, not only the ten shown.
      const { notifications } = await query(NotificationsQuery, { first: 100, unreadOnly: true });
      const ids = notifications.edges.map((e) => e.node.id);
      if (ids.length) await mutate(MarkNotificationsReadMutation, { ids });
      await refreshCount();
      setItems((list) => list.map((n) => ({ ...n, readAt: n.readAt ?? new Date().toISOString() })));
    });

  const label = () => `Notifications${unread() ? `, ${unread()} unread` : ''}`;
  return (
    <div class="bell" onKeyDown={(e) => e.key === 'Escape' && (setOpen(false), button?.focus())}>
      <button ref={button} type="button" class="bell-button" aria-label={label()} aria-expanded={open()} aria-controls="bell-panel" onClick={toggle} data-testid="bell">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        <Show when={unread()}>
          <span class="bell-count" data-testid="bell-count">{unread()}</span>
        </Show>
      </button>
      <span class="sr-only" aria-live="polite">{announce()}</span>
      <Show when={open()}>
        <div ref={panel} id="bell-panel" class="bell-panel" role="region" aria-label="Notifications">
          <div class="bell-head">
            <strong>Notifications</strong>
            <button type="button" class="link-button" onClick={markAllRead} disabled={!unread()}>Mark all read</button>
          </div>
          <ErrorNotice error={error()} />
          <ul class="bell-list">
            <For each={items()} fallback={<li class="muted">Nothing yet.</li>}>
              {(n) => (
                <li classList={{ unread: !n.readAt }}>
                  <Show when={n.ticket} fallback={<strong>{n.title}</strong>}>
                    {(t) => <A href={`/tickets/${t().id}`} onClick={() => setOpen(false)}><strong>{n.title}</strong></A>}
                  </Show>
                  <p>{n.body}</p>
                  <time datetime={n.createdAt}>{timeAgo(n.createdAt)}</time>
                </li>
              )}
            </For>
          </ul>
          <A href="/notifications" class="bell-all" onClick={() => setOpen(false)}>All notifications</A>
        </div>
      </Show>
    </div>
  );
}
