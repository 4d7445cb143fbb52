import { TicketsClient } from './client';
import { ListTickets, ReportSupportQuestion, TicketChanged } from './operations';
import { startWebhookReceiver } from './webhook-receiver';

/**
 * TICKETS_URL=http://localhost:4000 TICKETS_API_KEY=pk_... WEBHOOK_SECRET=whsec_... \
 *   FAMILY_EMAIL=parent@demo.test FAMILY_PASSWORD=demo1234 node -r @swc-node/register examples/partner/src/main.ts
 */
async function main() {
  const baseUrl = process.env.TICKETS_URL ?? 'http://localhost:4000';
  const client = new TicketsClient(baseUrl, process.env.TICKETS_API_KEY ?? '');

  const page = await client.request(ListTickets, { first: 10 });
  console.log(`${page.tickets.totalCount} tickets; the newest:`);
  for (const { node } of page.tickets.edges) console.log(`  ${node.number} ${node.status.padEnd(9)} ${node.title}`);

  // Questions come from the family: the partner's family portal reports as the signed-in parent.
  const family = await TicketsClient.signIn(baseUrl, process.env.FAMILY_EMAIL ?? 'parent@demo.test', process.env.FAMILY_PASSWORD ?? 'demo1234');
  const created = await family.request(ReportSupportQuestion, {
    input: { type: 'SUPPORT', category: 'BILLING', sessionIds: [], title: 'Question from the partner app', description: 'How do I change the billing address?', idempotencyKey: 'partner-demo-1' },
  });
  console.log(`Reported ${created.reportIssue.number} (${created.reportIssue.status})`);

  client.subscribe(TicketChanged, {}, ({ ticketChanged }) => console.log(`live: ${ticketChanged.kind} ${ticketChanged.ticket.number} -> ${ticketChanged.ticket.status}`));

  if (process.env.WEBHOOK_SECRET) {
    startWebhookReceiver({ port: Number(process.env.WEBHOOK_PORT ?? 8787), secret: process.env.WEBHOOK_SECRET, handle: (event) => console.log(`webhook: ${event.type} ${event.id}`) });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
