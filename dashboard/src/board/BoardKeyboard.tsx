import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { Dialog } from '../components/Dialog';
import { AssignTicketMutation } from '../graphql/tickets';
import { viewer } from '../lib/auth';
import { mutate } from '../lib/client';

export const SHORTCUTS: ReadonlyArray<[key: string, what: string]> = [
  ['j', 'Next card'],
  ['k', 'Previous card'],
  ['Enter', 'Open the card'],
  ['a', 'Assign the card to me'],
  ['/', 'Search'],
  ['?', 'This list'],
];

const cards = () => [...document.querySelectorAll<HTMLElement>('[data-testid="ticket-card"]')];
const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The board's keys: j/k move between cards, Enter opens (the card is a link), a assigns to me, / searches, ? lists them. */
export function BoardKeyboard(props: { onError: (error: unknown) => void }) {
  const [help, setHelp] = createSignal(false);
  const current = () => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-testid="ticket-card"]') ?? null;
  const move = (step: number) => {
    const all = cards();
    if (!all.length) return;
    const at = all.indexOf(current() as HTMLElement);
    const next = all[at < 0 ? 0 : Math.min(all.length - 1, Math.max(0, at + step))];
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target) || help()) return;
    const card = current();
    if (event.key === 'j') move(1);
    else if (event.key === 'k') move(-1);
    else if (event.key === '/') document.querySelector<HTMLInputElement>('.filters input[type="search"]')?.focus();
    else if (event.key === '?') setHelp(true);
    else if (event.key === 'a' && card?.dataset.ticketId && viewer()) {
      mutate(AssignTicketMutation, { ticketId: card.dataset.ticketId, assigneeId: viewer()!.id }).catch(props.onError);
    } else return;
    event.preventDefault();
  };
  onMount(() => {
    document.addEventListener('keydown', onKey);
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });
  return (
    <Show when={help()}>
      <Dialog title="Keyboard shortcuts" onClose={() => setHelp(false)}>
        <dl class="shortcuts" data-testid="shortcuts">
          <For each={SHORTCUTS}>{([key, what]) => <><dt><kbd>{key}</kbd></dt><dd>{what}</dd></>}</For>
        </dl>
      </Dialog>
    </Show>
  );
}
