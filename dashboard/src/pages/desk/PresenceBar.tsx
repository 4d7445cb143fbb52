import { createResource, For, onCleanup, onMount, Show } from 'solid-js';
import { SetPresenceMutation, TicketViewersQuery } from '../../graphql/desk';
import { viewer } from '../../lib/auth';
import { mutate, query } from '../../lib/client';
import { usePresenceFeed, viewersOf } from '../../board/presence';

const HEARTBEAT_MS = 10_000;
const TYPING_IDLE_MS = 4_000;

/**
 * Staff on a ticket page: says "I am here" (and "typing" while a text box changes), every few
 * seconds, and "gone" on leaving; shows who else is here. The server expires a silent viewer.
 */
export function PresenceBar(props: { ticketId: string }) {
  usePresenceFeed();
  const [initial] = createResource(() => props.ticketId, async (id) => (await query(TicketViewersQuery, { id })).ticket?.viewers ?? []);
  let state: 'VIEWING' | 'TYPING' = 'VIEWING';
  let idle: ReturnType<typeof setTimeout> | undefined;
  const send = (next: 'VIEWING' | 'TYPING' | 'LEFT') => mutate(SetPresenceMutation, { ticketId: props.ticketId, state: next }).catch(() => undefined);

  onMount(() => {
    void send('VIEWING');
    const heartbeat = setInterval(() => void send(state), HEARTBEAT_MS);
    const typing = (event: Event) => {
      if (!(event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement)) return;
      clearTimeout(idle);
      idle = setTimeout(() => {
        state = 'VIEWING';
        void send(state);
      }, TYPING_IDLE_MS);
      if (state === 'TYPING') return;
      state = 'TYPING';
      void send(state);
    };
    const leave = () => void send('LEFT');
    document.addEventListener('input', typing);
    window.addEventListener('pagehide', leave);
    onCleanup(() => {
      clearInterval(heartbeat);
      clearTimeout(idle);
      document.removeEventListener('input', typing);
      window.removeEventListener('pagehide', leave);
      leave();
    });
  });

  const others = () => viewersOf(props.ticketId, initial() ?? []).filter((v) => v.user.id !== viewer()?.id);
  return (
    <Show when={others().length}>
      <ul class="presence-bar" aria-live="polite" data-testid="presence-bar">
        <For each={others()}>
          {(v) => <li class={v.state === 'TYPING' ? 'typing' : ''}>{v.user.name.split(' ')[0]} is {v.state === 'TYPING' ? 'typing' : 'viewing'}</li>}
        </For>
      </ul>
    </Show>
  );
}
