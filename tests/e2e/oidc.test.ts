import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { ensureDashboardBuilt, launchChromium, screenshot } from '../support/browser';
import { type OidcProvider, freePort, startOidcProvider } from '../support/oidc-provider';

/** Single sign-on for staff against a real local OpenID provider, in Chromium, from the sign-in page. */
let app: TestApp;
let provider: OidcProvider;
let browser: Browser;
const CLIENT = { id: 'tickets', secret: 'tickets-client-secret-for-tests' };
const LIVE = { timeout: 15_000 };

beforeAll(async () => {
  ensureDashboardBuilt();
  const port = await freePort();
  app = await startTestApp({ OIDC_ISSUER: `http://127.0.0.1:${port}`, OIDC_CLIENT_ID: CLIENT.id, OIDC_CLIENT_SECRET: CLIENT.secret, OIDC_LABEL: 'Workspace' });
  // Links and the redirect URI use PUBLIC_URL; the test app's port is known only now.
  app.services.config.publicUrl = app.url;
  provider = await startOidcProvider(port, { ...CLIENT, redirectUri: `${app.url}/auth/oidc/callback` }, { unverified: ['unverified:coordinator@demo.test'] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await provider?.close();
});

/** From the dashboard's sign-in page through the provider's own login and consent forms. */
async function signInWithProvider(login: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1300, height: 850 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto('/login');
  await page.getByRole('link', { name: 'Sign in with Workspace' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  // The provider asks for consent once per client.
  const consent = page.locator('button[type="submit"]', { hasText: 'Continue' });
  await Promise.race([consent.waitFor(LIVE).then(() => consent.click()), page.waitForURL((url) => url.origin === new URL(app.url).origin, LIVE)]);
  await page.waitForURL((url) => url.origin === new URL(app.url).origin, LIVE);
  return page;
}

describe('single sign-on (OpenID Connect)', () => {
  it('signs an active coordinator in with code + PKCE and lands on the board', async () => {
    const page = await signInWithProvider('coordinator@demo.test');
    await page.waitForURL('**/board', LIVE);
    await page.locator('.board[aria-busy="false"]').waitFor(LIVE);
    expect(await page.locator('.who').textContent()).toContain('Cora');
    expect(page.url()).not.toContain('sso=');
    await screenshot(page, 'oidc-board');
    await page.context().close();
  });

  it('never signs in an e-mail the provider did not verify, nor a non-staff or unknown account', async () => {
    for (const [login, words] of [
      ['unverified:coordinator@demo.test', 'did not confirm your e-mail'],
      ['parent@demo.test', 'No active staff account'],
      ['stranger@example.test', 'No active staff account'],
    ] as const) {
      const page = await signInWithProvider(login);
      await page.getByRole('alert').waitFor(LIVE);
      expect(await page.getByRole('alert').textContent()).toContain(words);
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.context().close();
    }
    expect((await app.gql("{ users(filter: { search: \"stranger@\" }) { totalCount } }", {}, await app.login('admin@demo.test'))).data.users.totalCount).toBe(0);
  });

  it('refuses a callback it did not start', async () => {
    const response = await fetch(`${app.url}/auth/oidc/callback?code=forged&state=forged`, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(decodeURIComponent(response.headers.get('location') ?? '')).toContain('sso_error=The sign-in took too long or was started elsewhere');
  });
});
