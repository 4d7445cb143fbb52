import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { ensureDashboardBuilt, launchChromium, signedIn } from '../support/browser';
import { sql } from '../support/fixtures';

/**
 * The dashboard defends itself (issue 24): security headers on every page, the session in an
 * HttpOnly cookie no script can read, the live connection authenticated from it, a cross-site
 * form post refused, and sign-out clearing and refusing the cookie.
 */
// Read inside the page (page.evaluate), not in Node.
declare const document: { cookie: string }, localStorage: Record<string, string>, sessionStorage: Record<string, string>;

let app: TestApp;
let browser: Browser;
let attacker: Server;
let attackerUrl: string;

beforeAll(async () => {
  ensureDashboardBuilt();
  app = await startTestApp();
  browser = await launchChromium();
  // Another site (127.0.0.1 is not localhost): a page that posts a form to the API on load.
  const target = `${app.url}/graphql`;
  attacker = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><form id="f" method="POST" action="${target}" enctype="text/plain">
      <input name='{"query":"mutation { logout(everywhere: true) }","x":"' value='"}'></form>
      <script>document.getElementById('f').submit()</script>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((resolve) => attacker?.close(resolve));
});

const PAGES = ['/login', '/admin/escalated', '/board', '/reports', '/admin/payouts', '/admin/actions', '/admin/api-keys', '/notifications'];

describe('the dashboard defends itself', () => {
  it('serves every page with a strict CSP, nosniff, a referrer policy and no framing', async () => {
    const { page, context } = await signedIn(browser, app.url, 'admin@demo.test');
    for (const path of PAGES) {
      const response = await page.goto(path);
      const headers = response!.headers();
      const csp = headers['content-security-policy'];
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options'], path).toBe('DENY');
      // PUBLIC_URL is http here: no HSTS.
      expect(headers['strict-transport-security'], path).toBeUndefined();
    }
    await context.close();
  });

  it('keeps the session in an HttpOnly SameSite=Strict cookie no script can read; the live connection uses it', async () => {
    const { page, context } = await signedIn(browser, app.url, 'coordinator@demo.test');
    await page.goto('/board');
    await page.locator('[data-testid="connection"].live').waitFor({ timeout: 10_000 });
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'tickets_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.value).toMatch(/^eyJ/);
    const readable = await page.evaluate(() => JSON.stringify({ cookie: document.cookie, local: { ...localStorage }, session: { ...sessionStorage } }));
    expect(readable).not.toContain(cookie.value);
    expect(readable).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
    await context.close();
  });

  it('refuses a cross-site form post, and sign-out clears and refuses the cookie', async () => {
    const { page, context } = await signedIn(browser, app.url, 'admin@demo.test');
    const before = await sql(app, "select token_generation from users where email = 'admin@demo.test'");
    const posted = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('logout(everywhere'));
    await page.goto(attackerUrl);
    const answer = await posted;
    expect(answer.status()).toBeGreaterThanOrEqual(400);
    expect(answer.status()).toBeLessThan(500);
    expect(await sql(app, "select token_generation from users where email = 'admin@demo.test'")).toEqual(before);
    await page.goto('/admin/escalated');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    const [cookie] = (await context.cookies()).filter((c) => c.name === 'tickets_session');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    expect((await context.cookies()).filter((c) => c.name === 'tickets_session')).toEqual([]);
    // The old cookie, sent again with the dashboard's header, is refused (401) and cleared.
    const replay = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tickets-csrf': '1', cookie: `tickets_session=${cookie.value}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(replay.status).toBe(401);
    expect(replay.headers.get('set-cookie')).toMatch(/tickets_session=;.*Max-Age=0/);
    await context.close();
  });

  it('takes the cookie only with the dashboard header and from this site; bearer tokens work as before', async () => {
    const token = await app.login('parent@demo.test');
    const call = (headers: Record<string, string>) => fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ me { email } }' }),
    });
    const cookie = `tickets_session=${token}`;
    expect((await call({ cookie })).status).toBe(401);
    expect((await call({ cookie, 'x-tickets-csrf': '1', origin: 'http://evil.example' })).status).toBe(401);
    expect(((await (await call({ cookie, 'x-tickets-csrf': '1' })).json()) as any).data.me.email).toBe('parent@demo.test');
    expect(((await (await call({ authorization: `Bearer ${token}` })).json()) as any).data.me.email).toBe('parent@demo.test');
    // A login with the dashboard header sets the cookie; a partner's login does not.
    const login = (headers: Record<string, string>) => fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: 'mutation { login(email: "parent@demo.test", password: "demo1234") { user { id } } }' }),
    });
    expect((await login({ 'x-tickets-csrf': '1' })).headers.get('set-cookie')).toMatch(/tickets_session=eyJ.*HttpOnly; SameSite=Strict; Secure/);
    expect((await login({})).headers.get('set-cookie')).toBeNull();
  });
});
