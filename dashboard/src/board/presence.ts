import { createSignal, onCleanup, onMount } from 'solid-js';
import { PresenceChangedSubscription } from '../graphql/desk';
import { subscribe } from '../lib/client';

export interface TicketViewer {
  state: string;
  user: { id: string; name: string };
}

// One live feed for every card on screen: the server's viewers, updated by presenceChanged.
const [live, setLive] = createSignal<ReadonlyMap<string, TicketViewer[]>>(new Map());
const loaded = new Map<string, TicketViewer[]>();
let users = 0;
let stop: (() => void) | null = null;

function applyChange(change: { ticketId: string; state: string; user: { id: string; name: string } }) {
  setLive((previous) => {
    const next = new Map(previous);
    const others = (previous.get(change.ticketId) ?? loaded.get(change.ticketId) ?? []).filter((v) => v.user.id !== change.user.id);
    next.set(change.ticketId, change.state === 'LEFT' ? others : [...others, { state: change.state, user: change.user }]);
    return next;
  });
}

/** Keeps the presence of every ticket current while a component using it is mounted. */
export function usePresenceFeed(): void {
  onMount(() => {
    users += 1;
    stop ??= subscribe(PresenceChangedSubscription, { ticketId: null }, (data) => applyChange(data.presenceChanged));
    onCleanup(() => {
      users -= 1;
      if (users > 0) return;
      stop?.();
      stop = null;
      setLive(new Map());
    });
  });
}

/** A ticket's viewers: as loaded with it, then as the live feed says. */
export function viewersOf(ticketId: string, asLoaded: TicketViewer[] | null | undefined): TicketViewer[] {
  loaded.set(ticketId, asLoaded ?? []);
  return live().get(ticketId) ?? asLoaded ?? [];
}

export const initials = (name: string) => name.split(/\s+/).map((part) => part[0] ?? '').join('').slice(0, 2).toUpperCase();
