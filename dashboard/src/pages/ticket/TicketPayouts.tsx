import { createResource, For, Show } from 'solid-js';
import { StatusBadge } from '../../components/StatusBadge';
import { TicketPayoutsQuery } from '../../graphql/payouts';
import { query } from '../../lib/client';
import { formatDate, money } from '../../lib/format';

/** The tutor payouts of the ticket's sessions (staff and the ticket's tutor; the server gives others none). */
export function TicketPayouts(props: { ticketId: string; version: number }) {
  const [payouts] = createResource(() => [props.ticketId, props.version] as const, ([id]) => query(TicketPayoutsQuery, { id }).then((d) => d.ticket?.payouts ?? []));
  return (
    <Show when={payouts.latest?.length}>
      <section class="card" aria-labelledby="ticket-payouts">
        <h2 id="ticket-payouts">Tutor payouts</h2>
        <table class="table" data-testid="ticket-payouts">
          <thead>
            <tr><th scope="col">Session</th><th scope="col">Status</th><th scope="col">Also held by</th><th scope="col" class="num">Amount</th><th scope="col" class="num">Net</th></tr>
          </thead>
          <tbody>
            <For each={payouts.latest}>
              {(p) => (
                <tr>
                  <th scope="row">{p.session.subject}, {formatDate(p.session.scheduledStart)}</th>
                  <td><StatusBadge status={p.status} /></td>
                  <td>{p.heldBy.filter((t) => t.id !== props.ticketId).map((t) => t.number).join(', ') || '–'}</td>
                  <td class="num">{money(p.amount)}</td>
                  <td class="num">{money(p.net)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </Show>
  );
}
