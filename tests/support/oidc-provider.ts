import type { Server } from 'node:http';
import { createServer } from 'node:net';
// oidc-provider ships no types; the test uses its documented constructor and listen().
import Provider from 'oidc-provider';

export interface OidcProvider {
  issuer: string;
  close(): Promise<void>;
}

/** A free local port (the app must know the issuer before the provider knows the app's redirect URI). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A real OpenID provider (the oidc-provider package) with its development login form: whatever
 * login is typed is the account id. `unverified` logins get email_verified false; `emailOf` maps a
 * login to the e-mail the provider asserts (default: the login itself).
 */
export async function startOidcProvider(port: number, client: { id: string; secret: string; redirectUri: string }, options: { unverified?: string[] } = {}): Promise<OidcProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: client.id, client_secret: client.secret, redirect_uris: [client.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: id.replace(/^unverified:/, ''), email_verified: !(options.unverified ?? []).includes(id), name: id }),
    }),
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, '127.0.0.1', () => resolve(listening));
  });
  return { issuer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
