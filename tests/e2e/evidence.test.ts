import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { ensureDashboardBuilt, launchChromium, screenshot, signedIn } from '../support/browser';
import { reportDispute } from '../support/disputes';
import { gradientPng } from '../support/png';

let app: TestApp;
let browser: Browser;
const LIVE = { timeout: 10_000 };

beforeAll(async () => {
  ensureDashboardBuilt();
  app = await startTestApp();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('evidence on the ticket page', () => {
  it('the parent attaches a screenshot (thumbnail on the reporter side); the tutor\'s PDF appears beside it', async () => {
    const parentToken = await app.login('parent@demo.test');
    const { id } = await reportDispute(app, parentToken, { title: 'Tutor never joined the call' });
    const { page } = await signedIn(browser, app.url, 'parent@demo.test');
    await page.goto(`/tickets/${id}`);
    const evidence = page.getByRole('region', { name: 'Evidence files' });
    await evidence.waitFor(LIVE);
    await evidence.locator('input[type=file]').setInputFiles({ name: 'empty-call.png', mimeType: 'image/png', buffer: gradientPng() });
    await evidence.getByRole('button', { name: 'Attach' }).click();
    const thumbnail = evidence.locator('.evidence-side', { hasText: 'Reporter' }).getByRole('img', { name: 'empty-call.png' });
    await thumbnail.waitFor(LIVE);
    expect(await thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(96);

    // The tutor answers with a PDF through the API; the parent's page follows live.
    const tutorToken = await app.login('tutor@demo.test');
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n% attendance log\n')]), 'attendance.pdf');
    const stored = (await (await fetch(`${app.url}/uploads`, { method: 'POST', body: form, headers: { authorization: `Bearer ${tutorToken}` } })).json()) as { id: string };
    const attached = await app.gql('mutation($t: ID!, $u: [ID!]!) { attachEvidence(ticketId: $t, uploadIds: $u) { id } }', { t: id, u: [stored.id] }, tutorToken);
    expect(attached.errors).toBeUndefined();
    await evidence.locator('.evidence-side', { hasText: 'Tutor' }).getByText('attendance.pdf').waitFor(LIVE);
    await screenshot(page, 'evidence-ticket-page', true);
  });
});
