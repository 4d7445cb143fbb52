import { createResource, For, onMount, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type Column, EmptyRow, HeaderCells, LoadMore } from '../../components/ListTable';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate } from '../../lib/format';
import { createPagedList } from '../../lib/paged-list';
import { DeductionNotes, HeldBy, PAYOUT_MONEY_COLUMNS, PayoutMoneyCells, PayoutSummary } from './PayoutParts';
import { fetchPayouts } from './payout-rows';
import type { PayoutRow } from './types';

const PAGE = 25;
const SECTIONS = [
  { status: 'HELD', title: 'Held', note: 'Paid once the tickets holding them are closed.' },
  { status: 'RELEASED', title: 'Released', note: 'In the next payment run.' },
  { status: 'PAID', title: 'Paid', note: '' },
] as const;

/** One status's payouts, page by page. */
function PayoutSection(props: (typeof SECTIONS)[number]) {
  const list = createPagedList<PayoutRow>((after) => fetchPayouts({ status: props.status }, PAGE, after));
  onMount(() => void list.load(null));
  const id = `payouts-${props.status.toLowerCase()}`;
  const columns: Column[] = ['Session', 'Status', props.status === 'HELD' ? 'Held by' : props.status === 'PAID' ? 'Paid' : 'Released', ...PAYOUT_MONEY_COLUMNS];
  return (
    <section class="card" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{props.title} <span class="muted">({list.total()})</span></h2>
      <Show when={props.note}><p class="muted">{props.note}</p></Show>
      <ErrorNotice error={list.error()} retry={() => void list.load(null)} />
      <table class="table responsive">
        <thead>
          <tr><HeaderCells columns={columns} /></tr>
        </thead>
        <tbody>
          <For each={list.items()} fallback={<EmptyRow columns={columns.length} loading={list.loading()} empty="None." />}>
            {(p) => (
              <tr>
                <th scope="row" data-label="Session">
                  {p.session.subject}, {formatDate(p.session.scheduledStart)}
                  <DeductionNotes payout={p} />
                </th>
                <td data-label="Status"><StatusBadge status={p.status} /></td>
                <td data-label={props.status === 'HELD' ? 'Held by' : 'Date'}>
                  <Show when={props.status === 'HELD'} fallback={<>{formatDate(p.paidAt ?? p.releasedAt)}{p.reference ? ` · ${p.reference}` : ''}</>}>
                    <HeldBy tickets={p.heldBy} />
                  </Show>
                </td>
                <PayoutMoneyCells payout={p} />
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <LoadMore list={list} />
    </section>
  );
}

/** The tutor's money: held payouts first (with the ticket holding each), then released, then paid. */
export default function TutorPayoutsPage() {
  const [totals, { refetch }] = createResource(() => fetchPayouts({}, 1, null).then((page) => page.summary));
  return (
    <section aria-labelledby="payouts-title">
      <div class="page-head">
        <h1 id="payouts-title">Payouts</h1>
      </div>
      <p class="muted">You are paid for a session once any reported issues on it are resolved; credits given to the family reduce the payout.</p>
      <ErrorNotice error={totals.error} retry={refetch} />
      <PayoutSummary summary={totals.latest} />
      <For each={SECTIONS}>{(section) => <PayoutSection {...section} />}</For>
    </section>
  );
}
