import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { DisputeCategory } from '../graphql/generated/graphql';
import { ResolutionActionsQuery, ResolveTicketMutation } from '../graphql/tickets';
import { mutate, query } from '../lib/client';
import { errorText } from '../lib/errors';
import { OUTCOME_LABELS, OUTCOMES } from '../lib/labels';
import { humanize, money } from '../lib/format';
import { previewResolution } from '../lib/money-preview';

export interface ResolvableTicket {
  id: string;
  version: number;
  category?: string | null;
  /** The remedy the reporter asked for; the form can grant exactly that. */
  requestedEffect?: string | null;
  sessions: ReadonlyArray<{ price: { amountMinor: number; currency: string } }>;
  resolution?: { credited?: { amountMinor: number } | null } | null;
}

/**
 * Resolve a ticket. Tutors choose one of the admin-defined actions and must comment; coordinators
 * and admins also choose the outcome and may set the credit. The money preview updates as they go.
 */
export function ResolveForm(props: { ticket: ResolvableTicket; staff: boolean; onDone: () => void; onCancel?: () => void }) {
  const [actions] = createResource(
    // An object, so a ticket without a category still loads the actions for every category.
    () => ({ category: (props.ticket.category ?? null) as DisputeCategory | null }),
    (source) => query(ResolutionActionsQuery, source).then((d) => d.resolutionActions.filter((a) => a.active)),
  );
  const [actionId, setActionId] = createSignal('');
  const [outcome, setOutcome] = createSignal(props.staff ? 'IN_FAVOR_OF_PARENT' : '');
  const [credit, setCredit] = createSignal('');
  const [comment, setComment] = createSignal('');
  const [grant, setGrant] = createSignal(false);
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const currency = () => props.ticket.sessions[0]?.price.currency ?? 'EUR';
  const chosenAction = createMemo(() => actions()?.find((a) => a.id === actionId()) ?? null);
  // Granting the requested remedy applies its effect (a partial credit defaults to half).
  const action = () => (grant() && props.ticket.requestedEffect ? { effect: props.ticket.requestedEffect, creditPercent: null } : chosenAction());
  const creditMinor = () => (credit().trim() === '' ? null : Math.round(Number(credit().replace(',', '.')) * 100));
  const preview = createMemo(() =>
    previewResolution({
      sessionPrices: props.ticket.sessions.map((s) => s.price.amountMinor),
      currency: currency(),
      outcome: grant() ? null : outcome() || null,
      action: action(),
      creditAmountMinor: outcome() === 'SPLIT' ? creditMinor() : null,
      alreadyCreditedMinor: props.ticket.resolution?.credited?.amountMinor ?? 0,
    }),
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    setError('');
    if (!props.staff && !actionId() && !grant()) return setError('Choose an action.');
    if (!comment().trim()) return setError('Write a comment.');
    const amount = creditMinor();
    if (outcome() === 'SPLIT' && amount !== null && (!Number.isFinite(amount) || amount < 0)) return setError('Enter the credit as an amount, e.g. 15.00.');
    setBusy(true);
    try {
      await mutate(ResolveTicketMutation, {
        input: {
          ticketId: props.ticket.id,
          actionId: actionId() || null,
          comment: comment().trim(),
          outcome: props.staff && !grant() ? (outcome() as never) : null,
          grantRequestedEffect: grant() || null,
          creditAmountMinor: outcome() === 'SPLIT' ? amount : null,
          expectedVersion: props.ticket.version,
        },
      });
      props.onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="resolve-form" onSubmit={submit} aria-label="Resolve ticket" novalidate>
      <Show when={props.ticket.requestedEffect}>
        <label class="checkbox">
          <input type="checkbox" checked={grant()} onChange={(e) => (setGrant(e.currentTarget.checked), setError(''))} />
          Grant what the reporter asked for: {humanize(props.ticket.requestedEffect)}
        </label>
      </Show>
      <Show when={props.staff}>
        <fieldset>
          <legend>Outcome</legend>
          <For each={OUTCOMES}>
            {(value) => (
              <label class="radio">
                <input type="radio" name="outcome" value={value} checked={outcome() === value} onChange={() => setOutcome(value)} />
                {OUTCOME_LABELS[value]}
              </label>
            )}
          </For>
        </fieldset>
        <Show when={outcome() === 'SPLIT'}>
          <label>
            Credit amount ({currency()})
            <input type="number" min="0" step="0.01" inputmode="decimal" placeholder="Half by default" value={credit()} onInput={(e) => setCredit(e.currentTarget.value)} />
          </label>
        </Show>
      </Show>
      <label>
        {props.staff ? 'Action (optional)' : 'Take Action'}
        <select value={actionId()} onChange={(e) => (setActionId(e.currentTarget.value), setError(''))} aria-required={!props.staff}>
          <option value="">{actions.loading ? 'Loading actions…' : 'Choose an action'}</option>
          <For each={actions()}>{(a) => <option value={a.id}>{a.label}</option>}</For>
        </select>
      </label>
      <Show when={actions.error}>
        <p class="error" role="alert">{errorText(actions.error)}</p>
      </Show>
      <label>
        {props.staff ? 'Comment' : 'Your Comment'}
        <textarea aria-required="true" rows="3" value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <div class="money-preview" aria-live="polite" data-testid="money-preview">
        <strong>{preview().creditMinor ? `Credit ${money({ amountMinor: preview().creditMinor, currency: currency() })}` : 'No credit'}</strong>
        <Show when={preview().differenceMinor !== preview().creditMinor}>
          <span> (moves {money({ amountMinor: preview().differenceMinor, currency: currency() })})</span>
        </Show>
        <span class="muted"> {preview().explanation}</span>
      </div>
      <Show when={error()}>
        <p class="error" role="alert">{error()}</p>
      </Show>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy()}>{busy() ? 'Resolving…' : 'Resolve'}</button>
        <Show when={props.onCancel}>
          <button type="button" onClick={() => props.onCancel?.()}>Cancel</button>
        </Show>
      </div>
    </form>
  );
}
