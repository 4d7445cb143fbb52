import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StatusBadge } from '../../components/StatusBadge';
import { InvoicesQuery } from '../../graphql/family';
import { query } from '../../lib/client';
import { formatDate, money } from '../../lib/format';

export default function InvoicesPage() {
  const [invoices, { refetch }] = createResource(() => query(InvoicesQuery, { first: 100 }).then((d) => d.invoices.edges.map((e) => e.node)));
  return (
    <section aria-labelledby="invoices-title">
      <div class="page-head">
        <h1 id="invoices-title">Invoices</h1>
      </div>
      <ErrorNotice error={invoices.error} retry={refetch} />
      <div class="table-wrap">
        <table class="table responsive">
          <thead>
            <tr>
              <th scope="col">Invoice</th>
              <th scope="col">Date</th>
              <th scope="col">Status</th>
              <th scope="col" class="num">Total</th>
              <th scope="col" class="num">Credited</th>
              <th scope="col" class="num">Balance</th>
            </tr>
          </thead>
          <tbody>
            <For each={invoices.latest ?? []} fallback={<tr><td colspan="6" class="muted">{invoices.loading ? 'Loading…' : 'No invoices.'}</td></tr>}>
              {(inv) => (
                <tr>
                  <th scope="row" data-label="Invoice"><A href={`/invoices/${inv.id}`}>{inv.number}</A></th>
                  <td data-label="Date">{formatDate(inv.createdAt)}</td>
                  <td data-label="Status"><StatusBadge status={inv.status} /></td>
                  <td data-label="Total" class="num">{money(inv.total)}</td>
                  <td data-label="Credited" class="num">
                    <Show when={inv.credited.amountMinor} fallback="–">{money(inv.credited)}</Show>
                  </td>
                  <td data-label="Balance" class="num">{money(inv.balance)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
