import { type JSX, onCleanup, onMount } from 'solid-js';

/** A modal on the native <dialog>: focus is trapped and Escape closes it, for free. */
export function Dialog(props: { title: string; onClose: () => void; children: JSX.Element }) {
  let dialog!: HTMLDialogElement;
  const opener = document.activeElement as HTMLElement | null;
  onMount(() => dialog.showModal());
  onCleanup(() => opener?.focus?.());
  const titleId = `dialog-${Math.random().toString(36).slice(2)}`;
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby={titleId} onClose={() => props.onClose()}>
      <div class="dialog-head">
        <h2 id={titleId}>{props.title}</h2>
        <button type="button" class="icon-button" aria-label="Close" onClick={() => dialog.close()}>×</button>
      </div>
      {props.children}
    </dialog>
  );
}
