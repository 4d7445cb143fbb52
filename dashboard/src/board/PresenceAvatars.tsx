import { For, Show } from 'solid-js';
import { viewer } from '../lib/auth';
import { initials, type TicketViewer, viewersOf } from './presence';

/** Who else has the ticket open, as small avatars on a board card. */
export function PresenceAvatars(props: { ticketId: string; viewers?: TicketViewer[] | null }) {
  const others = () => viewersOf(props.ticketId, props.viewers).filter((v) => v.user.id !== viewer()?.id);
  return (
    <Show when={others().length}>
      <span class="presence-avatars" data-testid="presence-avatars" aria-label={`Open by ${others().map((v) => v.user.name).join(', ')}`}>
        <For each={others()}>
          {(v) => <span class={`avatar ${v.state === 'TYPING' ? 'typing' : ''}`} title={`${v.user.name} is ${v.state === 'TYPING' ? 'typing' : 'viewing'}`}>{initials(v.user.name)}</span>}
        </For>
      </span>
    </Show>
  );
}
