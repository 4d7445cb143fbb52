import { createResource, createSignal, For, Index, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type Column, ListTable } from '../../components/ListTable';
import { AutomationsQuery, SaveAutomationMutation, TestAutomationMutation } from '../../graphql/automations';
import type {
  AutomationActionKind, AutomationTrigger, AutomationsQuery as Result, DisputeCategory, FactOp, TestAutomationMutation as TestResult, TicketFact,
} from '../../graphql/generated/graphql';
import { mutate, query } from '../../lib/client';
import { formatDateTime, money } from '../../lib/format';
import { CATEGORIES, CATEGORY_LABELS } from '../../lib/labels';
import { createSubmit } from '../../lib/submit';
import { ACTION_LABELS, FACT_LABELS, OP_LABELS, TRIGGER_LABELS, keysOf } from './rules';

type Rule = Result['automations'][number];
interface FactDraft { fact: TicketFact; op: FactOp; value: string }
interface Draft {
  name: string;
  trigger: AutomationTrigger;
  category: string;
  afterHours: string;
  facts: FactDraft[];
  kind: AutomationActionKind;
  actionId: string;
  text: string;
}
const blank = (): Draft => ({ name: '', trigger: 'TICKET_CREATED', category: '', afterHours: '', facts: [], kind: 'INTERNAL_NOTE', actionId: '', text: '' });
const TAKES_TEXT: AutomationActionKind[] = ['COMMENT', 'INTERNAL_NOTE', 'NOTIFY_STAFF', 'ESCALATE', 'RESOLVE'];

/** The form as the server's AutomationInput (it checks everything and names the field at fault). */
const toInput = (d: Draft, active: boolean, id?: string) => ({
  id: id ?? null,
  name: d.name,
  active,
  trigger: d.trigger,
  filter: d.category ? { category: d.category as DisputeCategory } : null,
  facts: d.facts.map((f) => ({ fact: f.fact, op: f.op, value: Number(f.value) })),
  actions: [{ kind: d.kind, actionId: d.kind === 'RESOLVE' ? d.actionId || null : null, text: TAKES_TEXT.includes(d.kind) ? d.text || null : null }],
  afterHours: d.trigger === 'NO_TUTOR_REPLY' ? Number(d.afterHours) || null : null,
});
/** A stored rule back into the form's shape (for switching it on or off). */
const toDraft = (r: Rule): Draft => ({
  name: r.name, trigger: r.trigger, category: r.filter?.category ?? '', afterHours: r.afterHours?.toString() ?? '',
  facts: r.facts.map((f) => ({ fact: f.fact, op: f.op, value: String(f.value) })),
  kind: r.actions[0]?.kind ?? 'INTERNAL_NOTE', actionId: r.actions[0]?.action?.id ?? '', text: r.actions[0]?.text ?? '',
});
const describe = (r: Rule) => {
  const facts = r.facts.map((f) => `${FACT_LABELS[f.fact].toLowerCase()} ${OP_LABELS[f.op]} ${f.value}`);
  const parts = [r.filter?.category ? `${CATEGORY_LABELS[r.filter.category]} tickets` : 'any ticket', ...facts];
  return parts.join(', ');
};
const doing = (r: Rule) => r.actions.map((a) => (a.action ? `${ACTION_LABELS[a.kind]}: ${a.action.label}` : ACTION_LABELS[a.kind])).join('; ');

const COLUMNS: Column[] = ['Rule', 'When', 'If', 'Then', 'Runs', 'State', { label: 'Switch', hidden: true }];

/** Admins build a rule, try it on the last 30 days (nothing is written), save it, and switch rules on and off. */
export default function RulesPage() {
  const [data, { refetch, mutate: setData }] = createResource(() => query(AutomationsQuery, {}));
  const [draft, setDraft] = createSignal(blank());
  const [tested, setTested] = createSignal<TestResult['testAutomation'] | null>(null);
  const saving = createSubmit();
  const testing = createSubmit();
  const switching = createSubmit();
  const set = (change: Partial<Draft>) => setDraft({ ...draft(), ...change });
  const setFact = (i: number, change: Partial<FactDraft>) => set({ facts: draft().facts.map((f, j) => (j === i ? { ...f, ...change } : f)) });
  const store = (saved: Rule) => setData((d) => d && { ...d, automations: d.automations.some((a) => a.id === saved.id) ? d.automations.map((a) => (a.id === saved.id ? saved : a)) : [...d.automations, saved] });

  const save = saving.onSubmit(async () => {
    const { saveAutomation } = await mutate(SaveAutomationMutation, { input: toInput(draft(), true) });
    store(saveAutomation);
    setDraft(blank());
    setTested(null);
  }, () => !draft().name.trim() && 'Give the rule a name.');
  const test = () => testing.run(async () => setTested((await mutate(TestAutomationMutation, { input: toInput(draft(), true), days: 30 })).testAutomation));
  const toggle = (r: Rule) => switching.run(async () => store((await mutate(SaveAutomationMutation, { input: toInput(toDraft(r), !r.active, r.id) })).saveAutomation));

  return (
    <section aria-labelledby="rules-title">
      <div class="page-head"><h1 id="rules-title">Rules</h1></div>
      <ErrorNotice error={data.error ?? switching.error()} retry={refetch} />
      <section class="card" aria-labelledby="new-rule">
        <h2 id="new-rule">New rule</h2>
        <form class="action-form rule-form" onSubmit={save}>
          <label>Name<input required value={draft().name} onInput={(e) => set({ name: e.currentTarget.value })} /></label>
          <label>When
            <select value={draft().trigger} onChange={(e) => set({ trigger: e.currentTarget.value as AutomationTrigger })}>
              <For each={keysOf(TRIGGER_LABELS)}>{(t) => <option value={t}>{TRIGGER_LABELS[t]}</option>}</For>
            </select>
          </label>
          <Show when={draft().trigger === 'NO_TUTOR_REPLY'}>
            <label>After hours<input type="number" min="1" max="720" value={draft().afterHours} onInput={(e) => set({ afterHours: e.currentTarget.value })} /></label>
          </Show>
          <label>Tickets
            <select value={draft().category} onChange={(e) => set({ category: e.currentTarget.value })}>
              <option value="">Every category</option>
              <For each={CATEGORIES}>{(c) => <option value={c}>{CATEGORY_LABELS[c]}</option>}</For>
            </select>
          </label>
          <fieldset class="rule-facts">
            <legend>If</legend>
            <Index each={draft().facts}>{(f, i) => (
              <div class="rule-fact">
                <select aria-label="Fact" value={f().fact} onChange={(e) => setFact(i, { fact: e.currentTarget.value as TicketFact })}>
                  <For each={keysOf(FACT_LABELS)}>{(k) => <option value={k}>{FACT_LABELS[k]}</option>}</For>
                </select>
                <select aria-label="Comparison" value={f().op} onChange={(e) => setFact(i, { op: e.currentTarget.value as FactOp })}>
                  <For each={keysOf(OP_LABELS)}>{(k) => <option value={k}>{OP_LABELS[k]}</option>}</For>
                </select>
                <input aria-label="Value" type="number" min="0" value={f().value} onInput={(e) => setFact(i, { value: e.currentTarget.value })} />
                <button type="button" aria-label="Remove this condition" onClick={() => set({ facts: draft().facts.filter((_, j) => j !== i) })}>Remove</button>
              </div>
            )}</Index>
            <button type="button" onClick={() => set({ facts: [...draft().facts, { fact: 'TUTOR_JOINED_MINUTES', op: 'EQ', value: '0' }] })}>Add a condition</button>
          </fieldset>
          <label>Then
            <select value={draft().kind} onChange={(e) => set({ kind: e.currentTarget.value as AutomationActionKind })}>
              <For each={keysOf(ACTION_LABELS)}>{(k) => <option value={k}>{ACTION_LABELS[k]}</option>}</For>
            </select>
          </label>
          <Show when={draft().kind === 'RESOLVE'}>
            <label>Resolution action
              <select value={draft().actionId} onChange={(e) => set({ actionId: e.currentTarget.value })}>
                <option value="">Choose…</option>
                <For each={(data.latest?.resolutionActions ?? []).filter((a) => a.active)}>{(a) => <option value={a.id}>{a.label}</option>}</For>
              </select>
            </label>
          </Show>
          <Show when={TAKES_TEXT.includes(draft().kind)}>
            <label>Words<input value={draft().text} onInput={(e) => set({ text: e.currentTarget.value })} /></label>
          </Show>
          <div class="form-actions">
            <button type="button" disabled={testing.busy()} onClick={() => void test()}>Test on the last 30 days</button>
            <button type="submit" class="primary" disabled={saving.busy()}>Save rule</button>
          </div>
          <ErrorNotice error={saving.error() ?? testing.error()} />
          <Show when={tested()}>{(t) => (
            <p class="rule-test" role="status">
              {t().matched === 1 ? '1 ticket' : `${t().matched} tickets`} of the last 30 days match
              {t().credited.length ? `; resolving them would credit ${t().credited.map(money).join(' + ')}` : ''}. Nothing was changed.
              <Show when={t().tickets.length}> {t().tickets.slice(0, 5).map((x) => x.number).join(', ')}{t().tickets.length > 5 ? ' …' : ''}</Show>
            </p>
          )}</Show>
        </form>
      </section>
      <ListTable columns={COLUMNS} each={data.latest?.automations ?? []} loading={data.loading} empty="No rules yet.">
        {(r) => (
          <tr classList={{ inactive: !r.active }}>
            <th scope="row" data-label="Rule">{r.name}</th>
            <td data-label="When">{TRIGGER_LABELS[r.trigger]}{r.afterHours ? ` (${r.afterHours} h)` : ''}</td>
            <td data-label="If">{describe(r)}</td>
            <td data-label="Then">{doing(r)}</td>
            <td data-label="Runs">{r.runCount}{r.lastRunAt ? `, last ${formatDateTime(r.lastRunAt)}` : ''}</td>
            <td data-label="State">{r.active ? 'On' : 'Off'}</td>
            <td><button type="button" disabled={switching.busy()} onClick={() => void toggle(r)} aria-label={`Switch ${r.name} ${r.active ? 'off' : 'on'}`}>
              {r.active ? 'Switch off' : 'Switch on'}
            </button></td>
          </tr>
        )}
      </ListTable>
    </section>
  );
}
