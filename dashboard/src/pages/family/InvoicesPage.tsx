import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type Column, ListTable } from '../../components/ListTable';
import { StatusBadge } from '../../components/StatusBadge';
import { InvoicesQuery } from '../../graphql/family';
import { query } from '../../lib/client';
import { formatDate, money } from '../../lib/format';

const COLUMNS: Column[] = ['Invoice', 'Date', 'Status', { label: 'Total', num: true }, { label: 'Credited', num: true }, { label: 'Balance', num: true }];

export default function InvoicesPage() {
  const [invoices, { refetch }] = createResource(() => query(InvoicesQuery, { first: 100 }).then((d) => d.invoices.edges.map((e) => e.node)));
  return (
    <section aria-labelledby="invoices-title">
      <div class="page-head">
        <h1 id="invoices-title">Invoices</h1>
      </div>
      <ErrorNotice error={invoices.error} retry={refetch} />
      <ListTable
        columns={COLUMNS}
        each={invoices.latest ?? []}
        loading={invoices.loading}
        empty="No invoices."
      >
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
      </ListTable>
    </section>
  );
}
