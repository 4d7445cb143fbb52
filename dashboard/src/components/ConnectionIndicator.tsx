import { connection } from '../lib/client';

const LABELS = { live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…' } as const;

/** Whether live updates are flowing; announced politely when it changes. */
export function ConnectionIndicator() {
  return (
    <span class={`connection ${connection()}`} role="status" aria-live="polite" data-testid="connection">
      <span class="dot" aria-hidden="true" />
      <span>{LABELS[connection()]}</span>
    </span>
  );
}
