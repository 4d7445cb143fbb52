import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Server, createServer } from 'node:http';

/**
 * Checks `Tickets-Signature: t=<unix>,v1=<hex>[,v1=<hex>]` over the raw body: any v1 made with our
 * secret (during a rotation the server sends one per valid secret) and a timestamp within
 * `toleranceSeconds` (a captured request cannot be replayed later).
 */
export function verifyTicketsSignature(header: string, rawBody: string, secret: string, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300): boolean {
  const parts = header.split(',').map((part) => part.split('=', 2));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  return parts.some(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? '') && timingSafeEqual(Buffer.from(value, 'hex'), expected));
}

export interface TicketsEvent {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

/**
 * A receiver on plain node:http: verifies every request, answers 204 quickly and hands each event
 * to `handle` once (deliveries are at least once: the same Tickets-Event-Id can arrive again).
 */
export function startWebhookReceiver(options: { port: number; secret: string | (() => string); handle: (event: TicketsEvent) => Promise<void> | void }): Server {
  const seen = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (req.method !== 'POST' || !verifyTicketsSignature(String(req.headers['tickets-signature'] ?? ''), raw, typeof options.secret === 'function' ? options.secret() : options.secret)) {
        res.writeHead(400).end('bad signature');
        return;
      }
      const eventId = String(req.headers['tickets-event-id'] ?? '');
      try {
        // Keep this set in your database in real life, and answer 2xx only once the event is stored.
        if (!seen.has(eventId)) await options.handle(JSON.parse(raw) as TicketsEvent);
        seen.add(eventId);
        res.writeHead(204).end();
      } catch {
        res.writeHead(500).end(); // the server retries with backoff, in order per ticket
      }
    });
  });
  return server.listen(options.port);
}
