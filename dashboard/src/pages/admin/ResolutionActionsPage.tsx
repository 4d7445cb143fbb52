import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type Column, ListTable } from '../../components/ListTable';
import { AllResolutionActionsQuery, CreateResolutionActionMutation, UpdateResolutionActionMutation } from '../../graphql/admin';
import type { AllResolutionActionsQuery as ActionsResult } from '../../graphql/generated/graphql';
import { mutate, query } from '../../lib/client';
import { CATEGORIES, CATEGORY_LABELS, EFFECT_LABELS, EFFECTS, enumValue } from '../../lib/labels';
import { createSubmit } from '../../lib/submit';

type Action = ActionsResult['resolutionActions'][number];
interface Draft {
  label: string;
  category: string;
  effect: string;
  creditPercent: string;
  active: boolean;
}
const blank = (): Draft => ({ label: '', category: '', effect: 'NONE', creditPercent: '', active: true });
const toDraft = (a: Action): Draft => ({ label: a.label, category: a.category ?? '', effect: a.effect, creditPercent: a.creditPercent?.toString() ?? '', active: a.active });
const toInput = (d: Draft) => ({
  label: d.label.trim(),
  category: enumValue(CATEGORIES, d.category),
  effect: enumValue(EFFECTS, d.effect) ?? 'NONE',
  creditPercent: d.effect === 'PARTIAL_CREDIT' && d.creditPercent ? Number(d.creditPercent) : null,
  active: d.active,
});

function ActionForm(props: { initial: Draft; submitLabel: string; onSubmit: (d: Draft) => Promise<void>; onCancel?: () => void }) {
  const [draft, setDraft] = createSignal(props.initial);
  const { busy, error, onSubmit } = createSubmit();
  const set = (change: Partial<Draft>) => setDraft({ ...draft(), ...change });
  const submit = onSubmit(
    async () => {
      await props.onSubmit(draft());
      if (!props.onCancel) setDraft(blank());
    },
    () => !draft().label.trim() && 'Give the action a label.',
  );
  return (
    <form class="action-form" onSubmit={submit}>
      <label>
        Label
        <input required value={draft().label} onInput={(e) => set({ label: e.currentTarget.value })} />
      </label>
      <label>
        Category
        <select value={draft().category} onChange={(e) => set({ category: e.currentTarget.value })}>
          <option value="">Every category</option>
          <For each={CATEGORIES}>{(c) => <option value={c}>{CATEGORY_LABELS[c]}</option>}</For>
        </select>
      </label>
      <label>
        Effect
        <select value={draft().effect} onChange={(e) => set({ effect: e.currentTarget.value })}>
          <For each={EFFECTS}>{(effect) => <option value={effect}>{EFFECT_LABELS[effect]}</option>}</For>
        </select>
      </label>
      <Show when={draft().effect === 'PARTIAL_CREDIT'}>
        <label>
          Credit %
          <input type="number" min="1" max="99" required value={draft().creditPercent} onInput={(e) => set({ creditPercent: e.currentTarget.value })} />
        </label>
      </Show>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy()}>{props.submitLabel}</button>
        <Show when={props.onCancel}>
          <button type="button" onClick={() => props.onCancel?.()}>Cancel</button>
        </Show>
      </div>
      <ErrorNotice error={error()} />
    </form>
  );
}

const COLUMNS: Column[] = ['Label', 'Category', 'Effect', 'State', { label: 'Actions', hidden: true }];

/** The admin-defined actions tutors and coordinators resolve with. Used ones are deactivated, not deleted. */
export default function ResolutionActionsPage() {
  const [actions, { refetch, mutate: setActions }] = createResource(() => query(AllResolutionActionsQuery, {}).then((d) => d.resolutionActions));
  const [editing, setEditing] = createSignal<string | null>(null);
  const toggling = createSubmit();

  const replace = (updated: Action) => setActions((list) => list?.map((a) => (a.id === updated.id ? updated : a)));
  const create = async (d: Draft) => {
    const { createResolutionAction } = await mutate(CreateResolutionActionMutation, { input: toInput(d) });
    setActions((list) => [...(list ?? []), createResolutionAction]);
  };
  const update = async (a: Action, d: Draft) => {
    const { updateResolutionAction } = await mutate(UpdateResolutionActionMutation, { id: a.id, input: toInput(d) });
    replace(updateResolutionAction);
    setEditing(null);
  };
  const toggleActive = (a: Action) => toggling.run(() => update(a, { ...toDraft(a), active: !a.active }));

  return (
    <section aria-labelledby="actions-title">
      <div class="page-head">
        <h1 id="actions-title">Resolution actions</h1>
      </div>
      <ErrorNotice error={actions.error ?? toggling.error()} retry={refetch} />
      <section class="card" aria-labelledby="new-action">
        <h2 id="new-action">New action</h2>
        <ActionForm initial={blank()} submitLabel="Create action" onSubmit={create} />
      </section>
      <ListTable
        columns={COLUMNS}
        each={actions.latest ?? []}
        loading={actions.loading}
        empty="No actions yet."
      >
        {(a) => (
          <Show
            when={editing() === a.id}
            fallback={
              <tr classList={{ inactive: !a.active }}>
                <th scope="row" data-label="Label">{a.label}</th>
                <td data-label="Category">{a.category ? CATEGORY_LABELS[a.category] : 'Every category'}</td>
                <td data-label="Effect">{EFFECT_LABELS[a.effect]}{a.creditPercent ? ` ${a.creditPercent}%` : ''}</td>
                <td data-label="State">{a.active ? 'Active' : 'Deactivated'}</td>
                <td><div class="row-actions">
                  <button type="button" onClick={() => setEditing(a.id)} aria-label={`Edit ${a.label}`}>Edit</button>
                  <button type="button" onClick={() => void toggleActive(a)} aria-label={`${a.active ? 'Deactivate' : 'Activate'} ${a.label}`}>
                    {a.active ? 'Deactivate' : 'Activate'}
                  </button>
                </div></td>
              </tr>
            }
          >
            <tr>
              <td colspan="5">
                <ActionForm initial={toDraft(a)} submitLabel="Save" onSubmit={(d) => update(a, d)} onCancel={() => setEditing(null)} />
              </td>
            </tr>
          </Show>
        )}
      </ListTable>
    </section>
  );
}
