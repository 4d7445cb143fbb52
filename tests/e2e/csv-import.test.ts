import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { ensureDashboardBuilt, launchChromium, screenshot, signedIn } from '../support/browser';
import { sql } from '../support/fixtures';
import { runPrefix } from '../support/sync';

/** The admins' CSV import page in Chromium against the real server: template, check, import, results. */
let app: TestApp;
let browser: Browser;
const LIVE = { timeout: 15_000 };
const p = runPrefix();

beforeAll(async () => {
  ensureDashboardBuilt();
  app = await startTestApp({ RUN_WORKER: 'false' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('CSV import page', () => {
  it('offers a template, previews every row with its problems before writing, then imports with per-row results', async () => {
    const { page } = await signedIn(browser, app.url, 'admin@demo.test');
    await page.getByRole('link', { name: 'Import' }).click();
    await page.waitForURL(/\/admin\/import$/);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download template' }).click();
    expect((await download).suggestedFilename()).toBe('users-template.csv');

    const csv = [
      'externalId,role,name,email,timezone,parentExternalId,active',
      `${p}-mum,PARENT,Maria Lopez,maria.${p}@example.com,Europe/Madrid,,true`,
      `${p}-kid,LEARNER,Luis Lopez,,Europe/Madrid,${p}-mum,`,
      `${p}-bad,LEARNER,Ana Lopez,,Mars/Olympus,,`,
      `${p}-boss,ADMIN,"Boss, The",,,,`,
      `${p}-tut,TUTOR,Tina Tutor,tina.${p}@example.com,,,yes`,
    ].join('\n');
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('5 rows checked: 2 with problems').waitFor(LIVE);
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(5);
    await expect.poll(() => rows.nth(2).textContent()).toContain('is not a time zone');
    expect(await rows.nth(3).textContent()).toContain('Coordinators and admins are made in the desk');
    expect(await rows.nth(1).textContent()).toContain('New');
    const [{ n: before }] = await sql(app, 'select count(*)::int as n from sync_records where external_id like ?', [`${p}-%`]);
    expect(before).toBe(0); // the preview wrote nothing
    await screenshot(page, 'csv-import-preview', true);

    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByText('Imported: 3 rows done, 2 failed.').waitFor(LIVE);
    expect(await page.getByLabel('Progress').getAttribute('value')).toBe('5');
    expect(await rows.nth(0).textContent()).toContain('Created');
    expect(await rows.nth(2).textContent()).toContain('Failed');
    await screenshot(page, 'csv-import-results', true);
    await page.screenshot({ path: '/work/wt/csv-import-screenshot.png', fullPage: true });

    const people = await sql(app, `select u.name, u.role, u.timezone from sync_records r join users u on u.id = r.entity_id where r.kind = 'USER' and r.external_id like ? order by u.name`, [`${p}-%`]);
    expect(people).toEqual([
      { name: 'Luis Lopez', role: 'LEARNER', timezone: 'Europe/Madrid' },
      { name: 'Maria Lopez', role: 'PARENT', timezone: 'Europe/Madrid' },
      { name: 'Tina Tutor', role: 'TUTOR', timezone: 'UTC' },
    ]);
    const [{ n: links }] = await sql(app, `select count(*)::int as n from parent_links l join sync_records c on c.entity_id = l.child_id and c.external_id = ? join sync_records m on m.entity_id = l.parent_id and m.external_id = ?`, [`${p}-kid`, `${p}-mum`]);
    expect(links).toBe(1);
  });
});
