import { A } from '@solidjs/router';
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type Column, ListTable, LoadMore } from '../../components/ListTable';
import { StatusBadge } from '../../components/StatusBadge';
import { MarkPayoutsPaidMutation } from '../../graphql/payouts';
import { mutate } from '../../lib/client';
import { formatDate } from '../../lib/format';
import { createPagedList } from '../../lib/paged-list';
import { createSubmit } from '../../lib/submit';
import { DeductionNotes, HeldBy, PAYOUT_MONEY_COLUMNS, PayoutMoneyCells, PayoutSummary } from './PayoutParts';
import { fetchPayouts } from './payout-rows';
import type { PayoutFilterInput, PayoutRow, PayoutTotals } from './types';
import { payoutsCsv } from './payouts-csv';

const PAGE = 100;
const STATUSES = ['RELEASED', 'HELD', 'PAID'] as const;

/** Admins' payment run: filter, select released payouts, export them as CSV, mark them paid. */
export default function AdminPayoutsPage() {
  const [filter, setFilter] = createSignal<PayoutFilterInput>({ status: 'RELEASED' });
  const [summary, setSummary] = createSignal<PayoutTotals>();
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [reference, setReference] = createSignal('');
  const payment = createSubmit();
  const [done, setDone] = createSignal('');
  const list = createPagedList<PayoutRow>(async (after) => {
    const page = await fetchPayouts(filter(), PAGE, after);
    setSummary(page.summary);
    return page;
  });
  // Tutors seen so far, for the filter (the list is where admins meet them).
  const [tutors, setTutors] = createSignal<Map<string, string>>(new Map());
  const rememberTutors = () => setTutors((known) => new Map([...known, ...list.items().map((p) => [p.tutor.id, p.tutor.name] as [string, string])]));
  const reload = async () => {
    payment.setError(null);
    setSelected(new Set<string>());
    await list.load(null);
    rememberTutors();
  };
  onMount(() => void reload());
  const change = (patch: PayoutFilterInput) => {
    setFilter((f) => ({ ...f, ...patch }));
    setDone('');
    void reload();
  };

  const payable = createMemo(() => list.items().filter((p) => p.status === 'RELEASED'));
  const chosen = () => list.items().filter((p) => selected().has(p.id));
  const toggle = (id: string, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
  const allChosen = () => payable().length > 0 && payable().every((p) => selected().has(p.id));
  const toggleAll = (on: boolean) => setSelected(new Set<string>(on ? payable().map((p) => p.id) : []));

  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([payoutsCsv(chosen())], { type: 'text/csv;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: `payouts-${reference().trim() || new Date().toISOString().slice(0, 10)}.csv` });
    link.click();
    URL.revokeObjectURL(url);
  };
  const markPaid = payment.onSubmit(async () => {
    const { markPayoutsPaid } = await mutate(MarkPayoutsPaidMutation, { ids: [...selected()], reference: reference().trim() });
    setDone(`${markPayoutsPaid.length} payouts marked paid with ${reference().trim()}.`);
    setReference('');
    await reload();
  });
  const columns: Column[] = [
    { content: <input type="checkbox" aria-label="Select all released payouts" checked={allChosen()} disabled={!payable().length} onChange={(e) => toggleAll(e.currentTarget.checked)} /> },
    'Tutor',
    'Session',
    'Status',
    'Held by / reference',
    ...PAYOUT_MONEY_COLUMNS,
  ];
  const dateInput = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');
  const dateValue = (value: string) => (value ? new Date(`${value}T00:00:00Z`).toISOString() : null);

  return (
    <section aria-labelledby="admin-payouts-title">
      <div class="page-head">
        <h1 id="admin-payouts-title">Payouts</h1>
        <span class="muted">{list.total()} payouts</span>
      </div>
      <form class="filters" role="search" aria-label="Filter payouts" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select aria-label="Status" value={filter().status ?? ''} onChange={(e) => change({ status: (e.currentTarget.value || null) as PayoutFilterInput['status'] })}>
            <option value="">All</option>
            <For each={STATUSES}>{(s) => <option value={s}>{s.charAt(0) + s.slice(1).toLowerCase()}</option>}</For>
          </select>
        </label>
        <label>
          Tutor
          <select aria-label="Tutor" value={filter().tutorId ?? ''} onChange={(e) => change({ tutorId: e.currentTarget.value || null })}>
            <option value="">All tutors</option>
            <For each={[...tutors()].sort((a, b) => a[1].localeCompare(b[1]))}>{([id, name]) => <option value={id}>{name}</option>}</For>
          </select>
        </label>
        <label>
          Sessions from
          <input type="date" value={dateInput(filter().from)} onChange={(e) => change({ from: dateValue(e.currentTarget.value) })} />
        </label>
        <label>
          until (before)
          <input type="date" value={dateInput(filter().to)} onChange={(e) => change({ to: dateValue(e.currentTarget.value) })} />
        </label>
      </form>
      <PayoutSummary summary={summary()} />
      <ErrorNotice error={payment.error() || list.error()} retry={() => void reload()} />
      <Show when={done()}><p class="notice" role="status">{done()}</p></Show>
      <form class="filters" aria-label="Payment run" onSubmit={markPaid}>
        <label>
          Payment reference (bank batch id)
          <input value={reference()} onInput={(e) => setReference(e.currentTarget.value)} required maxLength={200} placeholder="e.g. BATCH-2026-11-24" />
        </label>
        <button type="button" disabled={!selected().size} onClick={exportCsv}>Export CSV ({selected().size})</button>
        <button type="submit" class="primary" disabled={!selected().size || !reference().trim() || payment.busy()}>
          {payment.busy() ? 'Saving…' : `Mark ${selected().size} paid`}
        </button>
      </form>
      <ListTable
        testid="admin-payouts"
        columns={columns}
        each={list.items()}
        loading={list.loading()}
        empty="No payouts match."
      >
        {(p) => (
          <tr classList={{ selected: selected().has(p.id) }}>
            <td data-label="Select">
              <input type="checkbox" aria-label={`Select payout for ${p.tutor.name}, ${p.session.subject}`} disabled={p.status !== 'RELEASED'}
                checked={selected().has(p.id)} onChange={(e) => toggle(p.id, e.currentTarget.checked)} />
            </td>
            <th scope="row" data-label="Tutor">{p.tutor.name}</th>
            <td data-label="Session">{p.session.subject}, {formatDate(p.session.scheduledStart)}<DeductionNotes payout={p} /></td>
            <td data-label="Status"><StatusBadge status={p.status} /></td>
            <td data-label="Held by / reference">
              <Show when={p.status === 'HELD'} fallback={p.reference ?? '–'}><HeldBy tickets={p.heldBy} /></Show>
            </td>
            <PayoutMoneyCells payout={p} />
          </tr>
        )}
      </ListTable>
      <LoadMore list={list} onLoaded={rememberTutors} />
      <p class="muted"><A href="/board">Tickets</A> holding a payout must be closed before it can be paid.</p>
    </section>
  );
}
