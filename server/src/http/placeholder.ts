import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demo-accounts';

/** Shown at / until the dashboard is built. */
export function placeholderPage(publicUrl: string): string {
  const rows = DEMO_ACCOUNTS.map((a) => `<li><code>${a.email}</code> (${a.role})</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Tickets</title></head><body style="font-family:system-ui;max-width:40rem;margin:2rem auto;padding:0 1rem">
<h1>Tickets</h1><p>The GraphQL API is at <a href="/graphql">${publicUrl}/graphql</a>; health at <a href="/healthz">/healthz</a>.</p>
<p>Demo accounts, password <code>${DEMO_PASSWORD}</code>:</p><ul>${rows}</ul></body></html>`;
}
