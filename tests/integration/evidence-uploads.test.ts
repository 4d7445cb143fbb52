import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { reportDispute } from '../support/disputes';
import { sql } from '../support/fixtures';

// A 1x1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
const ATTACH = `mutation($t: ID!, $u: [ID!]!, $c: String) { attachEvidence(ticketId: $t, uploadIds: $u, comment: $c) {
  id evidenceDueAt attachments { id filename contentType size url side uploadedBy { email } } logs { action comment } } }`;

let app: TestApp;
let parent: string;
let parent2: string;
let tutor: string;

async function upload(token: string | null, body: Buffer, filename: string): Promise<{ status: number; json: any }> {
  const form = new FormData();
  form.append('file', new Blob([body], { type: 'application/octet-stream' }), filename);
  const response = await fetch(`${app.url}/uploads`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
  app = await startTestApp();
  [parent, parent2, tutor] = await Promise.all(['parent@demo.test', 'parent2@demo.test', 'tutor@demo.test'].map((e) => app.login(e)));
});
afterAll(async () => app?.close());

describe('evidence files', () => {
  it('stores a PNG named .pdf as PNG, binds it to the ticket, and serves it only to those who see the ticket', async () => {
    const { id: ticketId } = await reportDispute(app, parent);
    const stored = await upload(parent, PNG, 'screenshot.pdf');
    expect(stored.status).toBe(201);
    expect(stored.json).toMatchObject({ filename: 'screenshot.pdf', contentType: 'image/png', size: PNG.length });

    const result = await app.gql(ATTACH, { t: ticketId, u: [stored.json.id], c: 'The empty classroom' }, parent);
    expect(result.errors).toBeUndefined();
    const ticket = result.data.attachEvidence;
    expect(ticket.attachments).toEqual([{ id: stored.json.id, filename: 'screenshot.pdf', contentType: 'image/png', size: PNG.length,
      url: `/attachments/${stored.json.id}`, side: 'REPORTER', uploadedBy: { email: 'parent@demo.test' } }]);
    expect(ticket.logs.at(-1)).toEqual({ action: 'EVIDENCE_ADDED', comment: 'The empty classroom\n(screenshot.pdf)' });
    const [{ created_at }] = await sql(app, 'select created_at from tickets where id = ?', [ticketId]);
    expect(new Date(ticket.evidenceDueAt).getTime()).toBe(new Date(created_at).getTime() + 72 * 3_600_000);

    for (const reader of [parent, tutor]) {
      const response = await fetch(`${app.url}/attachments/${stored.json.id}`, { headers: { authorization: `Bearer ${reader}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="screenshot.pdf"/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
    }
    const stranger = await fetch(`${app.url}/attachments/${stored.json.id}`, { headers: { authorization: `Bearer ${parent2}` } });
    expect(stranger.status).toBe(404);
    expect((await fetch(`${app.url}/attachments/${stored.json.id}`)).status).toBe(401);
    // Another parent cannot attach to it either, nor learn that it exists.
    const theirs = await upload(parent2, Buffer.from('hello'), 'note.txt');
    expect(errorCode(await app.gql(ATTACH, { t: ticketId, u: [theirs.json.id] }, parent2))).toBe('NOT_FOUND');
    // Nor attach someone else's upload.
    const misuse = await app.gql(ATTACH, { t: ticketId, u: [theirs.json.id] }, parent);
    expect(misuse.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'uploadIds' });
  });

  it('refuses an executable (415), 11 MB (413), and nothing is stored', async () => {
    const before = (await sql(app, 'select count(*)::int as n from uploads'))[0].n;
    const exe = await upload(parent, ELF, 'invoice.pdf');
    expect(exe.status).toBe(415);
    const big = await upload(parent, Buffer.alloc(11 * 1024 * 1024, 'a'), 'big.txt');
    expect(big.status).toBe(413);
    expect((await upload(null, PNG, 'x.png')).status).toBe(401);
    expect((await sql(app, 'select count(*)::int as n from uploads'))[0].n).toBe(before);
    expect((await sql(app, 'select count(*)::int as n from upload_chunks c where not exists (select 1 from uploads u where u.id = c.upload_id)'))[0].n).toBe(0);
  });

  it('API keys need tickets:write to upload and tickets:read to download, like the GraphQL operations', async () => {
    const admin = await app.login('admin@demo.test');
    const keyWith = async (scopes: string[]) => (await app.gql('mutation($s: [String!]!) { createApiKey(name: "files", scopes: $s) { key } }', { s: scopes }, admin)).data.createApiKey.key as string;
    const [readOnly, writer] = [await keyWith(['tickets:read']), await keyWith(['tickets:write'])];
    const before = (await sql(app, 'select count(*)::int as n from uploads'))[0].n;
    expect(await upload(readOnly, PNG, 'x.png')).toEqual({ status: 403, json: { error: 'This API key lacks the tickets:write scope' } });
    expect((await sql(app, 'select count(*)::int as n from uploads'))[0].n).toBe(before);
    const stored = await upload(writer, PNG, 'x.png');
    expect(stored.status).toBe(201);
    const download = async (key: string) => (await fetch(`${app.url}/attachments/${stored.json.id}`, { headers: { authorization: `Bearer ${key}` } })).status;
    expect(await download(writer)).toBe(200); // tickets:write includes tickets:read
    expect(await download(await keyWith(['sessions:read']))).toBe(403);
  });

  it('stores a file just under 10 MB in several chunks and serves it back whole', async () => {
    const body = Buffer.alloc(10 * 1024 * 1024 - 10, 'b');
    const stored = await upload(tutor, body, 'log.txt');
    expect(stored.json).toMatchObject({ contentType: 'text/plain; charset=utf-8', size: body.length });
    expect((await sql(app, 'select count(*)::int as n from upload_chunks where upload_id = ?', [stored.json.id]))[0].n).toBe(40);
    const response = await fetch(`${app.url}/attachments/${stored.json.id}`, { headers: { authorization: `Bearer ${tutor}` } });
    expect(Buffer.from(await response.arrayBuffer()).equals(body)).toBe(true);
  });

  it('after evidenceDueAt attaching is CONFLICT; an escalation opens a new window', async () => {
    const { id: ticketId } = await reportDispute(app, parent);
    await sql(app, `update tickets set created_at = now() - interval '73 hours' where id = ?`, [ticketId]);
    const stored = await upload(parent, PNG, 'late.png');
    const late = await app.gql(ATTACH, { t: ticketId, u: [stored.json.id] }, parent);
    expect(errorCode(late)).toBe('CONFLICT');
    expect((await sql(app, 'select ticket_id from uploads where id = ?', [stored.json.id]))[0].ticket_id).toBeNull();

    const coordinator = await app.login('coordinator@demo.test');
    await app.gql('mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { id } }',
      { input: { ticketId, outcome: 'IN_FAVOR_OF_EDUCATOR', comment: 'The tutor was there.' } }, coordinator);
    const escalated = await app.gql('mutation($id: ID!) { escalateTicket(ticketId: $id, comment: "I disagree") { id status } }', { id: ticketId }, parent);
    expect(escalated.data?.escalateTicket.status).toBe('ESCALATED');
    const again = await app.gql(ATTACH, { t: ticketId, u: [stored.json.id] }, parent);
    expect(again.errors).toBeUndefined();
    expect(again.data.attachEvidence.attachments.map((a: any) => a.filename)).toEqual(['late.png']);
  });
});
