import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Column } from '../../components/ListTable';
import { formatDate, money } from '../../lib/format';
import type { PayoutRow, PayoutTotals } from './types';

const STATUS_LABELS: Record<string, string> = { HELD: 'Held', RELEASED: 'Released', PAID: 'Paid' };

/** Count and net per status, as the server totals them for the filter. */
export function PayoutSummary(props: { summary: PayoutTotals | undefined }) {
  return (
    <dl class="payout-totals" aria-label="Totals">
      <For each={props.summary ?? []}>
        {(row) => (
          <div class={`payout-total status-${row.status.toLowerCase()}`} data-testid={`total-${row.status}`}>
            <dt>{STATUS_LABELS[row.status]} <span class="muted">({row.count})</span></dt>
            <dd>{row.net.length ? row.net.map((m) => money(m)).join(' + ') : money({ amountMinor: 0, currency: 'EUR' })}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}

const sessionLabel = (s: { subject: string; scheduledStart: string } | null | undefined) => (s ? `${s.subject}, ${formatDate(s.scheduledStart)}` : 'a later payout');

/** Why a payout is less than it earned: credits on its session, late credits carried in or out. */
export function DeductionNotes(props: { payout: PayoutRow }) {
  return (
    <Show when={props.payout.deductionLines.length}>
      <ul class="deduction-notes">
        <For each={props.payout.deductionLines}>
          {(line) => (
            <li>
              <Show when={line.kind === 'SESSION_CREDIT'}>Your share of credits on this session: −{money(line.amount)}</Show>
              <Show when={line.kind === 'CARRIED_FROM_EARLIER'}>
                Late credit carried from {sessionLabel(line.otherPayout?.session)}
                <Show when={line.ticket}>{(t) => <> (<A href={`/tickets/${t().id}`}>{t().number}</A>)</>}</Show>: −{money(line.amount)}
              </Show>
              <Show when={line.kind === 'CARRIED_TO_LATER'}>
                Credit decided after payment
                <Show when={line.ticket}>{(t) => <> (<A href={`/tickets/${t().id}`}>{t().number}</A>)</>}</Show>: {money(line.amount)}, taken from {line.otherPayout ? sessionLabel(line.otherPayout.session) : 'your next payout'}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** The open tickets holding a payout, each a link. */
export function HeldBy(props: { tickets: PayoutRow['heldBy'] }) {
  return (
    <For each={props.tickets} fallback="–">
      {(t, i) => (
        <>
          {i() ? ', ' : ''}
          <A href={`/tickets/${t.id}`} title={t.title}>{t.number}</A>
        </>
      )}
    </For>
  );
}

/** The money columns, in the order of PayoutMoneyCells. */
export const PAYOUT_MONEY_COLUMNS: Column[] = [{ label: 'Amount', num: true }, { label: 'Deductions', num: true }, { label: 'Net', num: true }];

/** Amount, deductions and net of one payout. */
export function PayoutMoneyCells(props: { payout: PayoutRow }) {
  return (
    <>
      <td data-label="Amount" class="num">{money(props.payout.amount)}</td>
      <td data-label="Deductions" class="num">{props.payout.deductions.amountMinor ? `−${money(props.payout.deductions)}` : '–'}</td>
      <td data-label="Net" class="num"><strong>{money(props.payout.net)}</strong></td>
    </>
  );
}
