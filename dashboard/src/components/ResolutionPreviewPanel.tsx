import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import type { PreviewResolutionQuery as Preview, ResolveTicketInput } from '../graphql/generated/graphql';
import { PreviewResolutionQuery } from '../graphql/tickets';
import { query } from '../lib/client';
import { serverWords } from '../lib/errors';
import { money } from '../lib/format';

const DEBOUNCE_MS = 300;
/**
 * The money does not depend on the comment, which the server checks last: until one is written
 * the preview asks with a stand-in, so the amounts show while the comment is still empty (Resolve
 * itself still requires it).
 */
const COMMENT_STAND_IN = 'preview';
type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; preview: Preview['previewResolution'] } | { kind: 'refused'; message: string };

/**
 * What the decision would move, as the server computes it (previewResolution runs resolveTicket's
 * own checks and money step without writing): asked again a moment after each change, and its
 * refusals shown in the server's words.
 */
export function ResolutionPreviewPanel(props: { input: ResolveTicketInput; decided: boolean }) {
  const [state, setState] = createSignal<State>({ kind: 'idle' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  createEffect(on(() => [props.input, props.decided] as const, ([input, decided]) => {
    clearTimeout(timer);
    const mine = ++asked;
    if (!decided) return setState({ kind: 'idle' });
    setState({ kind: 'loading' });
    timer = setTimeout(() => {
      query(PreviewResolutionQuery, { input: { ...input, comment: input.comment || COMMENT_STAND_IN } }).then(
        (data) => mine === asked && setState({ kind: 'ready', preview: data.previewResolution }),
        (error) => mine === asked && setState({ kind: 'refused', message: serverWords(error) }),
      );
    }, DEBOUNCE_MS);
  }));
  onCleanup(() => clearTimeout(timer));

  return (
    <div
      class="money-preview"
      aria-live="polite"
      data-testid="money-preview"
      data-state={state().kind}
      data-credit-minor={(() => { const s = state(); return s.kind === 'ready' ? s.preview.credit.amountMinor : undefined; })()}
    >
      <Show when={state().kind === 'idle'}>
        <span class="muted">Choose an outcome or an action to see what money moves.</span>
      </Show>
      <Show when={state().kind === 'loading'}>
        <span class="muted">Asking the server what this would move…</span>
      </Show>
      <Show when={(() => { const s = state(); return s.kind === 'refused' ? s : null; })()}>
        {(s) => <span class="preview-refused" data-testid="preview-refused">{s().message}</span>}
      </Show>
      <Show when={(() => { const s = state(); return s.kind === 'ready' ? s.preview : null; })()}>
        {(p) => (
          <>
            <strong>{p().credit.amountMinor ? `Credit ${money(p().credit)}` : 'No credit'}</strong>
            <Show when={p().charge.amountMinor}>
              <span> · takes back {money(p().charge)} credited before</span>
            </Show>
            <Show when={p().packageCreditsRestored}>
              <span> · {p().packageCreditsRestored} package credit{p().packageCreditsRestored === 1 ? '' : 's'} back</span>
            </Show>
            <Show when={p().creditNotes}>
              <span> · {p().creditNotes} credit note{p().creditNotes === 1 ? '' : 's'}</span>
            </Show>
            <Show when={p().lines.length}>
              <ul class="preview-lines">
                <For each={p().lines}>
                  {(l) => <li>{l.line.invoice.number}: {l.line.description} <strong>{money(l.credit)}</strong></li>}
                </For>
              </ul>
            </Show>
            <Show when={p().warnings.length}>
              <ul class="preview-warnings" data-testid="preview-warnings" role="alert">
                <For each={p().warnings}>{(w) => <li>{w}</li>}</For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
