import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { DisputeCategory, ResolutionEffect, ResolveTicketInput } from '../graphql/generated/graphql';
import { ResolutionActionsQuery, ResolveTicketMutation } from '../graphql/tickets';
import { mutate, query } from '../lib/client';
import { EFFECT_LABELS, enumValue, OUTCOME_LABELS, OUTCOMES } from '../lib/labels';
import { createSubmit } from '../lib/submit';
import { ErrorNotice } from './ErrorNotice';
import { ResolutionPreviewPanel } from './ResolutionPreviewPanel';

export interface ResolvableTicket {
  id: string;
  version: number;
  category?: DisputeCategory | null;
  /** The remedy the reporter asked for; the form can grant exactly that. */
  requestedEffect?: ResolutionEffect | null;
}

/**
 * Resolve a ticket. Tutors choose one of the admin-defined actions; coordinators and admins choose
 * an outcome (none is pre-selected: money moves only on a choice) and may set the credit. The
 * server previews what the decision would move, as it changes, and checks everything on submit.
 */
export function ResolveForm(props: { ticket: ResolvableTicket; chooseOutcome: boolean; onDone: () => void; onCancel?: () => void }) {
  const [actions] = createResource(
    // An object, so a ticket without a category still loads the actions for every category.
    () => ({ category: props.ticket.category ?? null }),
    (source) => query(ResolutionActionsQuery, source).then((d) => d.resolutionActions.filter((a) => a.active)),
  );
  const [actionId, setActionId] = createSignal('');
  const [outcome, setOutcome] = createSignal('');
  const [credit, setCredit] = createSignal('');
  const [comment, setComment] = createSignal('');
  const [grant, setGrant] = createSignal(false);
  const { busy, error, setError, onSubmit } = createSubmit();

  const split = () => outcome() === 'SPLIT';
  /** The credit override in minor units; NaN when what was typed is not an amount. */
  const creditMinor = () => (credit().trim() === '' ? null : Math.round(Number(credit().replace(',', '.')) * 100));
  const input = createMemo<ResolveTicketInput>(() => {
    const amount = split() ? creditMinor() : null;
    return {
      ticketId: props.ticket.id,
      actionId: actionId() || null,
      comment: comment().trim(),
      outcome: props.chooseOutcome && !grant() ? enumValue(OUTCOMES, outcome()) : null,
      grantRequestedEffect: grant() || null,
      creditAmountMinor: amount !== null && Number.isFinite(amount) ? amount : null,
      expectedVersion: props.ticket.version,
    };
  });
  const decided = () => !!(input().actionId || input().outcome || input().grantRequestedEffect);

  const submit = onSubmit(
    async () => {
      await mutate(ResolveTicketMutation, { input: input() });
      props.onDone();
    },
    () => split() && creditMinor() !== null && !Number.isFinite(creditMinor()) && 'Enter the credit as an amount, e.g. 15.00.',
  );

  return (
    <form class="resolve-form" onSubmit={submit} aria-label="Resolve ticket" novalidate>
      <Show when={props.ticket.requestedEffect}>
        {(effect) => (
          <label class="checkbox">
            <input type="checkbox" checked={grant()} onChange={(e) => (setGrant(e.currentTarget.checked), setError(null))} />
            Grant what the reporter asked for: {EFFECT_LABELS[effect()]}
          </label>
        )}
      </Show>
      <Show when={props.chooseOutcome}>
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
        <Show when={split()}>
          <label>
            Credit amount
            <input type="number" min="0" step="0.01" inputmode="decimal" placeholder="Half by default" value={credit()} onInput={(e) => setCredit(e.currentTarget.value)} />
          </label>
        </Show>
      </Show>
      <label>
        {props.chooseOutcome ? 'Action (optional)' : 'Take Action'}
        <select value={actionId()} onChange={(e) => (setActionId(e.currentTarget.value), setError(null))} aria-required={!props.chooseOutcome}>
          <option value="">{actions.loading ? 'Loading actions…' : 'Choose an action'}</option>
          <For each={actions()}>{(a) => <option value={a.id}>{a.label}</option>}</For>
        </select>
      </label>
      <ErrorNotice error={actions.error} />
      <label>
        {props.chooseOutcome ? 'Comment' : 'Your Comment'}
        <textarea aria-required="true" rows="3" value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <ResolutionPreviewPanel input={input()} decided={decided()} />
      <ErrorNotice error={error()} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy()}>{busy() ? 'Resolving…' : 'Resolve'}</button>
        <Show when={props.onCancel}>
          <button type="button" onClick={() => props.onCancel?.()}>Cancel</button>
        </Show>
      </div>
    </form>
  );
}
