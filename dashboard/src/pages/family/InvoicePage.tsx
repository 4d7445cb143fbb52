import { A, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StatusBadge } from '../../components/StatusBadge';
import { InvoiceQuery } from '../../graphql/family';
import { query } from '../../lib/client';
import { formatDate, formatDateTime, money } from '../../lib/format';
import { createSessionPicker, ReportBar } from './SessionPicker';

/** One invoice: its lines (pick completed sessions to report an issue) and its credit notes. */
export default function InvoicePage() {
  const params = useParams<{ id: string }>();
  const [invoice, { refetch }] = createResource(() => params.id, (id) => query(InvoiceQuery, { id }).then((d) => d.invoice));
  const picker = createSessionPicker();
  return (
    <section aria-labelledby="invoice-title">
      <A href="/invoices" class="back-link">← Invoices</A>
      <ErrorNotice error={invoice.error} retry={refetch} />
      <Show when={invoice.state === 'ready' && !invoice()}>
        <p class="notice">This invoice does not exist, or you cannot see it.</p>
      </Show>
      <Show when={invoice.latest}>
        {(inv) => (
          <>
            <div class="page-head">
              <h1 id="invoice-title">Invoice {inv().number}</h1>
              <StatusBadge status={inv().status} />
            </div>
            <dl class="facts inline">
              <dt>Billed to</dt>
              <dd>{inv().billedTo.name}</dd>
              <dt>Issued</dt>
              <dd>{formatDate(inv().issuedAt)}</dd>
              <dt>Total</dt>
              <dd>{money(inv().total)}</dd>
              <dt>Credited</dt>
              <dd>{money(inv().credited)}</dd>
              <dt>Balance</dt>
              <dd><strong>{money(inv().balance)}</strong></dd>
            </dl>
            <ReportBar picker={picker} />
            <div class="table-wrap">
              <table class="table responsive" data-testid="invoice-lines">
                <caption>Lines</caption>
                <thead>
                  <tr>
                    <th scope="col"><span class="sr-only">Select</span></th>
                    <th scope="col">Description</th>
                    <th scope="col">Session</th>
                    <th scope="col" class="num">Amount</th>
                    <th scope="col" class="num">Credited</th>
                    <th scope="col">Issue</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={inv().lines}>
                    {(line) => (
                      <tr classList={{ voided: line.voided }}>
                        <td>
                          <Show when={line.session?.status === 'COMPLETED' && !line.session.openTicket}>
                            <input
                              type="checkbox"
                              aria-label={`Select ${line.description}`}
                              data-session-id={line.session!.id}
                              data-tutor-id={line.session!.tutor.id}
                              checked={picker.isSelected(line.session!.id)}
                              onChange={(e) => picker.toggle({ id: line.session!.id, tutorId: line.session!.tutor.id }, e.currentTarget.checked)}
                            />
                          </Show>
                        </td>
                        <td data-label="Description">{line.description}{line.voided ? ' (voided)' : ''}</td>
                        <td data-label="Session">{line.session ? formatDateTime(line.session.scheduledStart) : '–'}</td>
                        <td data-label="Amount" class="num">{money(line.amount)}</td>
                        <td data-label="Credited" class="num">{line.credited.amountMinor ? money(line.credited) : '–'}</td>
                        <td data-label="Issue">
                          <Show when={line.session?.openTicket} fallback="–">
                            {(t) => <A href={`/tickets/${t().id}`}>{t().number}</A>}
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <h2>Credit notes</h2>
            <Show when={inv().creditNotes.length} fallback={<p class="muted">No credit notes.</p>}>
              <table class="table" data-testid="credit-notes">
                <thead>
                  <tr><th scope="col">Credit note</th><th scope="col">Date</th><th scope="col">Ticket</th><th scope="col">Reason</th><th scope="col" class="num">Amount</th></tr>
                </thead>
                <tbody>
                  <For each={inv().creditNotes}>
                    {(note) => (
                      <tr>
                        <th scope="row">{note.number}</th>
                        <td>{formatDate(note.createdAt)}</td>
                        <td>{note.ticket ? <A href={`/tickets/${note.ticket.id}`}>{note.ticket.number}</A> : '–'}</td>
                        <td>{note.reason ?? '–'}</td>
                        <td class="num">{money(note.amount)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
