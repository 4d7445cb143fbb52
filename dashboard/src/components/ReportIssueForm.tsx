import { createSignal, For } from 'solid-js';
import type { ResolutionEffect } from '../graphql/generated/graphql';
import { ReportIssueMutation } from '../graphql/tickets';
import { mutate } from '../lib/client';
import { CATEGORIES, CATEGORY_LABELS, EFFECTS, enumValue } from '../lib/labels';
import { createSubmit } from '../lib/submit';
import { ErrorNotice } from './ErrorNotice';

// What a family may ask for, in their words (NONE is not a remedy).
const REMEDIES: Array<[ResolutionEffect | '', string]> = [
  ['', 'Let the tutor or coordinator decide'],
  ['FULL_CREDIT', 'A full refund'],
  ['PARTIAL_CREDIT', 'A partial refund'],
  ['RESTORE_PACKAGE_CREDIT', 'My package credit back'],
  ['RESCHEDULE', 'A new session'],
];

/** Report one issue about the selected completed sessions. */
export function ReportIssueForm(props: { sessionIds: string[]; onDone: (ticket: { id: string; number: string }) => void; onCancel: () => void }) {
  const [category, setCategory] = createSignal('');
  const [title, setTitle] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [remedy, setRemedy] = createSignal('');
  const { busy, error, onSubmit } = createSubmit();
  // One key per form: a double click or a retry after a lost answer creates one ticket.
  const idempotencyKey = crypto.randomUUID();

  const chosenCategory = () => enumValue(CATEGORIES, category());
  const submit = onSubmit(
    async () => {
      const { reportIssue } = await mutate(ReportIssueMutation, {
        input: {
          sessionIds: props.sessionIds,
          category: chosenCategory()!,
          title: title().trim(),
          description: description().trim(),
          requestedEffect: enumValue(EFFECTS, remedy()),
          idempotencyKey,
        },
      });
      props.onDone(reportIssue);
    },
    () => (!chosenCategory() ? 'Choose a category.' : (!title().trim() || !description().trim()) && 'Give the issue a title and a description.'),
  );

  return (
    <form class="report-form" onSubmit={submit}>
      <p class="muted">About {props.sessionIds.length} session{props.sessionIds.length === 1 ? '' : 's'}.</p>
      <label>
        Category
        <select required value={category()} onChange={(e) => setCategory(e.currentTarget.value)}>
          <option value="">Choose a category</option>
          <For each={CATEGORIES}>{(c) => <option value={c}>{CATEGORY_LABELS[c]}</option>}</For>
        </select>
      </label>
      <label>
        Title
        <input required maxLength={200} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        Description
        <textarea required rows="4" value={description()} onInput={(e) => setDescription(e.currentTarget.value)} />
      </label>
      <label>
        What would put it right?
        <select value={remedy()} onChange={(e) => setRemedy(e.currentTarget.value)}>
          <For each={REMEDIES}>{([value, label]) => <option value={value}>{label}</option>}</For>
        </select>
      </label>
      <ErrorNotice error={error()} />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy()}>{busy() ? 'Sending…' : 'Report issue'}</button>
        <button type="button" onClick={() => props.onCancel()}>Cancel</button>
      </div>
    </form>
  );
}
