import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../server/src/webhooks/secrets';

export interface ReceivedHook {
  eventId: string;
  signature: string;
  body: string;
  /** The status the receiver answered. */
  answered: number;
  /** Whether a signature verified with `secrets` at the time. */
  verified: boolean;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedHook[];
  /** Secrets a request may be signed with (set once the endpoint exists). */
  secrets: string[];
  /** Answer 500 to the next `n` requests (those whose body `match`es). */
  failNext(n: number, match?: (body: string) => boolean): void;
  waitFor(match: (hooks: ReceivedHook[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A partner's webhook receiver on plain node:http, on loopback. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let failures = 0;
  let failing: (body: string) => boolean = () => true;
  const received: ReceivedHook[] = [];
  const receiver: Partial<WebhookReceiver> = { received, secrets: [] };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['tickets-signature'] ?? '');
      const verified = receiver.secrets!.some((secret) => verifySignature(signature, body, secret));
      const fail = failures > 0 && failing(body);
      const answered = fail ? 500 : verified ? 204 : 400;
      if (fail) failures -= 1;
      received.push({ eventId: String(req.headers['tickets-event-id'] ?? ''), signature, body, answered, verified });
      res.statusCode = answered;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks`,
    failNext: (n: number, match: (body: string) => boolean = () => true) => {
      failures = n;
      failing = match;
    },
    async waitFor(match: (hooks: ReceivedHook[]) => boolean, what: string, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!match(received)) {
        if (Date.now() > deadline) throw new Error(`webhook receiver: no ${what}; got ${JSON.stringify(received.map((h) => [h.answered, h.body.slice(0, 80)]))}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as WebhookReceiver;
}
