import { createSignal, Show } from 'solid-js';
import type { ViewerCanFieldsFragment } from '../graphql/generated/graphql';
import { AcceptResolutionMutation, AssignTicketMutation, ContactTutorMutation, EscalateTicketMutation } from '../graphql/tickets';
import { viewer } from '../lib/auth';
import { mutate } from '../lib/client';
import { createSubmit } from '../lib/submit';
import { ErrorNotice } from './ErrorNotice';

export interface ActionableTicket extends ViewerCanFieldsFragment {
  id: string;
  tutor?: { name: string } | null;
  assignee?: { id: string } | null;
  /** How contactTutor reaches the tutor (the server's answer); absent or null: not offered. */
  tutorContactChannel?: 'EMAIL' | 'TELEGRAM' | null;
}

/**
 * Accept, escalate, assign and contact the tutor: each button only when the server's `viewerCan`
 * allows it, so the page never offers what would be refused.
 */
export function TicketActions(props: { ticket: ActionableTicket; onDone: () => void }) {
  const [notice, setNotice] = createSignal('');
  const { busy, error, setError, run: send } = createSubmit();
  const [mode, setMode] = createSignal<'' | 'escalate' | 'contact'>('');
  const [text, setText] = createSignal('');
  const can = () => props.ticket.viewerCan;
  const mine = () => !!props.ticket.assignee && props.ticket.assignee.id === viewer()?.id;
  // The server says whether and how the tutor can be reached: the button says the truth about the channel.
  const channel = () => props.ticket.tutorContactChannel ?? null;
  const canContact = () => !!channel() && !!props.ticket.tutor;
  const channelWords = () => (channel() === 'TELEGRAM' ? 'on Telegram' : 'by e-mail');

  const run = (action: () => Promise<unknown>, done: string) => {
    setNotice('');
    return send(async () => {
      await action();
      setMode('');
      setText('');
      setNotice(done);
      props.onDone();
    });
  };
  const ticketId = () => props.ticket.id;
  const assign = (assigneeId: string | null) => run(() => mutate(AssignTicketMutation, { ticketId: ticketId(), assigneeId }), assigneeId ? 'Assigned to you.' : 'Unassigned.');
  const accept = () => run(() => mutate(AcceptResolutionMutation, { ticketId: ticketId(), comment: null }), 'Resolution accepted.');
  const submit = (event: Event) => {
    event.preventDefault();
    if (!text().trim()) return setError(mode() === 'escalate' ? 'Say why an admin should decide.' : 'Write a message.');
    if (mode() === 'escalate') return run(() => mutate(EscalateTicketMutation, { ticketId: ticketId(), comment: text().trim() }), 'Escalated to an admin.');
    return run(() => mutate(ContactTutorMutation, { ticketId: ticketId(), message: text().trim() }), `Message sent to the tutor ${channelWords()}.`);
  };
  const toggle = (next: 'escalate' | 'contact') => setMode(mode() === next ? '' : next);

  return (
    <div class="ticket-actions" data-testid="ticket-actions">
      <div class="form-actions">
        <Show when={can().accept}>
          <button type="button" class="primary" disabled={busy()} onClick={accept}>Accept resolution</button>
        </Show>
        <Show when={can().escalate}>
          <button type="button" disabled={busy()} aria-expanded={mode() === 'escalate'} onClick={() => toggle('escalate')}>Escalate</button>
        </Show>
        <Show when={can().assign}>
          <Show when={!mine()} fallback={<button type="button" disabled={busy()} onClick={() => assign(null)}>Unassign me</button>}>
            <button type="button" disabled={busy()} onClick={() => assign(viewer()!.id)}>Assign to me</button>
          </Show>
        </Show>
        <Show when={canContact()}>
          <button type="button" disabled={busy()} aria-expanded={mode() === 'contact'} onClick={() => toggle('contact')}>{channel() === 'TELEGRAM' ? 'Contact tutor on Telegram' : 'E-mail the tutor'}</button>
        </Show>
      </div>
      <Show when={mode()}>
        <form onSubmit={submit}>
          <label>
            {mode() === 'escalate' ? 'Why should an admin decide?' : `Message to ${props.ticket.tutor?.name ?? 'the tutor'}`}
            <textarea rows="3" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <div class="form-actions">
            <button type="submit" class="primary" disabled={busy()}>{mode() === 'escalate' ? 'Escalate to an admin' : 'Send'}</button>
            <button type="button" onClick={() => setMode('')}>Cancel</button>
          </div>
        </form>
      </Show>
      <Show when={notice()}>
        <p class="success" role="status">{notice()}</p>
      </Show>
      <ErrorNotice error={error()} />
    </div>
  );
}

/** Whether the ticket offers the viewer any of TicketActions' buttons. */
export const hasTicketActions = (t: ActionableTicket) => t.viewerCan.accept || t.viewerCan.escalate || t.viewerCan.assign;
