import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Config } from '../config';
import { resolveWebhookHost } from './url-guard';

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

const TIMEOUT_MS = 10_000;

/**
 * POSTs one body to a webhook URL. The host is resolved and checked here (every address), and the
 * connection goes to the checked address: a DNS answer that changes between check and connect
 * cannot redirect it. Redirects are not followed. Never throws: the outcome is the result.
 */
export async function postWebhook(config: Config, rawUrl: string, body: string, headers: Record<string, string>): Promise<SendResult> {
  let url: URL;
  let pinned: { address: string; family: number };
  try {
    url = new URL(rawUrl);
    pinned = await resolveWebhookHost(config, url);
  } catch (error) {
    return { ok: false, status: null, error: (error as Error).message };
  }
  const lookup: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: typeof pinned[]) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    const req = request(url, {
      method: 'POST',
      lookup,
      timeout: TIMEOUT_MS,
      headers: { 'content-type': 'application/json', 'user-agent': 'Tickets-Webhooks/1', 'content-length': Buffer.byteLength(body).toString(), ...headers },
    }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      res.on('end', () => resolve({ ok: status >= 200 && status < 300, status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` }));
      res.on('error', (error) => resolve({ ok: false, status, error: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (error) => resolve({ ok: false, status: null, error: error.message }));
    req.end(body);
  });
}
