import { For, Show } from 'solid-js';
import { formatDate, money } from '../../lib/format';
import type { TicketDetailFieldsFragment as TicketDetail } from '../../graphql/generated/graphql';

/** Credit notes this ticket produced, with the invoice lines that bill its sessions. */
export function MoneyDetails(props: { ticket: TicketDetail }) {
  const lines = () => props.ticket.sessions.flatMap((session) => session.invoiceLines.map((line) => ({ invoice: `${line.invoice.number} (${line.invoice.status.toLowerCase()})`, line })));
  return (
    <section class="card" aria-labelledby="money-details">
      <h2 id="money-details">Invoice lines and credit notes</h2>
      <Show when={props.ticket.creditNotes.length} fallback={<p class="muted">No credit notes yet.</p>}>
        <table class="table">
          <caption class="sr-only">Credit notes</caption>
          <thead>
            <tr><th scope="col">Credit note</th><th scope="col">Invoice</th><th scope="col">Date</th><th scope="col" class="num">Amount</th></tr>
          </thead>
          <tbody>
            <For each={props.ticket.creditNotes}>
              {(note) => (
                <tr>
                  <th scope="row">{note.number}</th>
                  <td>{note.invoice.number}</td>
                  <td>{formatDate(note.createdAt)}</td>
                  <td class="num">{money(note.amount)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={lines().length}>
        <table class="table">
          <caption>Invoice lines of the disputed sessions</caption>
          <thead>
            <tr><th scope="col">Invoice</th><th scope="col">Line</th><th scope="col" class="num">Amount</th><th scope="col" class="num">Credited</th></tr>
          </thead>
          <tbody>
            <For each={lines()}>
              {({ invoice, line }) => (
                <tr classList={{ voided: line.voided }}>
                  <td>{invoice}</td>
                  <td>{line.description}{line.voided ? ' (voided)' : ''}</td>
                  <td class="num">{money(line.amount)}</td>
                  <td class="num">{money(line.credited)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
