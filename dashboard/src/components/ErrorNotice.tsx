import { Show } from 'solid-js';
import { errorText } from '../lib/errors';

/** An API error in words, announced to screen readers. */
export function ErrorNotice(props: { error: unknown; retry?: () => void }) {
  return (
    <Show when={props.error}>
      <div class="error" role="alert">
        <span>{errorText(props.error)}</span>
        <Show when={props.retry}>
          <button type="button" class="link-button" onClick={() => props.retry?.()}>Try again</button>
        </Show>
      </div>
    </Show>
  );
}
