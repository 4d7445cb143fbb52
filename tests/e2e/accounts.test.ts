import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingResets } from '../../server/src/accounts/password-resets';
import { INVITE, linkTokenIn } from '../support/accounts';
import { type TestApp, startTestApp } from '../support/app';
import { ensureDashboardBuilt, launchChromium, screenshot, signedIn } from '../support/browser';
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink';

/** Accounts in the browser: an invitation accepted, a forgotten password reset, the people page, Spanish. */
let app: TestApp;
let sink: SmtpSink;
let browser: Browser;

beforeAll(async () => {
  ensureDashboardBuilt();
  sink = await startSmtpSink();
  app = await startTestApp({ SMTP_URL: sink.url, NOTIFY_RETRY_BASE: '1s' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sink?.stop();
});

const LIVE = { timeout: 10_000 };
const contains = (locator: Locator, text: string | RegExp) =>
  expect.poll(async () => (await locator.textContent({ timeout: 1_000 }).catch(() => '')) ?? '', LIVE).toMatch(text);

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 1300, height: 850 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return page;
}

describe('accounts in the dashboard', () => {
  it('an invited tutor opens the e-mailed link, chooses a password and lands signed in; the link then says it was used', async () => {
    const admin = await app.login('admin@demo.test');
    await app.gql(INVITE, { input: { email: 'tina.tutor@example.test', name: 'Tina Tutor', role: 'TUTOR' } }, admin);
    const { token } = await linkTokenIn(sink, 'tina.tutor@example.test', 'invite');
    const page = await freshPage();
    await page.goto(`/invite/${token}`);
    await page.getByLabel('New password', { exact: true }).fill('tina-secret-1');
    await page.getByLabel('Repeat the password').fill('tina-secret-1');
    await screenshot(page, 'accounts-invite');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.waitForURL('**/reported-issues');
    await contains(page.locator('.who'), 'Tina Tutor');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`/invite/${token}`);
    await page.getByLabel('New password', { exact: true }).fill('tina-secret-2');
    await page.getByLabel('Repeat the password').fill('tina-secret-2');
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await contains(page.getByRole('alert'), 'already used');
    await page.context().close();
  }, 120_000);

  it('"Forgot password?" e-mails a link; the reset page sets the password and signs in', async () => {
    const page = await freshPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByLabel('Email').fill('tutor2@demo.test');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await contains(page.getByRole('status'), 'If tutor2@demo.test has an account');
    await Promise.all(pendingResets);
    const { token } = await linkTokenIn(sink, 'tutor2@demo.test', 'reset');
    await page.goto(`/reset/${token}`);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Repeat the password').fill('short');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await contains(page.getByRole('alert'), 'at least 8 characters');
    await page.getByLabel('New password', { exact: true }).fill('tutor2-new-secret');
    await page.getByLabel('Repeat the password').fill('tutor2-new-secret');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.waitForURL('**/reported-issues');
    await screenshot(page, 'accounts-after-reset');
    await page.context().close();
  });

  it('shows the real wait after too many wrong passwords', async () => {
    const page = await freshPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill('learner@demo.test');
    for (let i = 0; i < 11; i += 1) {
      await page.getByLabel('Password').fill(`wrong-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
    }
    await contains(page.getByRole('alert'), /Try again in 1[45] minutes/);
    await page.context().close();
  });

  it('staff find people, invite and deactivate them on the people page', async () => {
    const { page } = await signedIn(browser, app.url, 'admin@demo.test');
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByLabel('Search by name or e-mail').fill('parent2');
    const row = page.getByTestId('users').locator('tbody tr', { hasText: 'parent2@demo.test' });
    await expect.poll(() => row.count(), LIVE).toBe(1);
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await contains(row, 'Deactivated');
    await page.getByLabel('Search by name or e-mail').fill('');
    await page.getByRole('form', { name: 'Invite a person' }).getByLabel('Name').fill('Paula Parent');
    await page.getByRole('form', { name: 'Invite a person' }).getByLabel('E-mail').fill('paula@example.test');
    await page.getByRole('form', { name: 'Invite a person' }).getByLabel('Role').selectOption('PARENT');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await contains(page.locator('p.notice[role="status"]'), 'Invitation sent to paula@example.test');
    await screenshot(page, 'accounts-people', true);
    await linkTokenIn(sink, 'paula@example.test', 'invite');
    await page.context().close();
  });

  it('speaks Spanish to a coordinator whose profile says es', async () => {
    const { page } = await signedIn(browser, app.url, 'coordinator@demo.test');
    await page.locator('a.who').click();
    await page.getByLabel('Language').selectOption('es');
    await page.getByLabel('Time zone').fill('Europe/Madrid');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Tu perfil' }).waitFor(LIVE);
    await contains(page.getByRole('navigation'), 'Tablero');
    await screenshot(page, 'accounts-profile-es');
    await page.getByRole('link', { name: 'Personas' }).click();
    await page.getByRole('heading', { name: 'Personas' }).waitFor(LIVE);
    await contains(page.getByTestId('users'), 'coordinador');
    await screenshot(page, 'accounts-people-es', true);
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.getByLabel('Correo electrónico').waitFor();
    await screenshot(page, 'accounts-login-es');
    await page.context().close();
  });
});
