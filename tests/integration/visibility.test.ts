import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { fetchAllIds } from '../support/paging';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const sql = async (query: string, params: unknown[] = []): Promise<any[]> => app.orm.em.fork().getConnection().execute(query, params);
const idsOf = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();
const userId = async (email: string) => (await sql('select id from users where email = ?', [email]))[0].id as string;

/** What each role may see, computed straight from the tables. */
async function expectedSessions(email: string): Promise<string[]> {
  const id = await userId(email);
  const role = (await sql('select role from users where id = ?', [id]))[0].role;
  if (role === 'LEARNER') return idsOf(await sql('select session_id as id from session_participants where learner_id = ?', [id]));
  if (role === 'PARENT') {
    return idsOf(await sql('select distinct sp.session_id as id from session_participants sp join parent_links pl on pl.child_id = sp.learner_id where pl.parent_id = ?', [id]));
  }
  if (role === 'TUTOR') return idsOf(await sql('select id from tutoring_sessions where tutor_id = ?', [id]));
  return idsOf(await sql('select id from tutoring_sessions'));
}

async function expectedInvoices(email: string): Promise<string[]> {
  const id = await userId(email);
  const role = (await sql('select role from users where id = ?', [id]))[0].role;
  if (role === 'TUTOR') return [];
  if (role === 'LEARNER') return idsOf(await sql('select id from invoices where billed_to_id = ?', [id]));
  if (role === 'PARENT') {
    return idsOf(await sql('select id from invoices where billed_to_id = ? or billed_to_id in (select child_id from parent_links where parent_id = ?)', [id, id]));
  }
  return idsOf(await sql('select id from invoices'));
}

const ACCOUNTS = ['learner@demo.test', 'mia@demo.test', 'parent@demo.test', 'parent2@demo.test', 'tutor@demo.test', 'tutor2@demo.test', 'coordinator@demo.test', 'admin@demo.test'];

describe.each(ACCOUNTS)('%s', (email) => {
  it('lists exactly the sessions and invoices it may see', async () => {
    const token = await app.login(email);
    const sessions = await fetchAllIds(app, token, 'sessions', 25);
    const expected = await expectedSessions(email);
    expect(expected.length).toBeGreaterThan(0);
    expect([...sessions].sort()).toEqual(expected);
    expect([...(await fetchAllIds(app, token, 'invoices', 25))].sort()).toEqual(await expectedInvoices(email));
  });

  it('gets NOT_FOUND, never FORBIDDEN, for a session or invoice it may not see, and the row by id otherwise', async () => {
    const token = await app.login(email);
    const visibleSessions = new Set(await expectedSessions(email));
    const allSessions = idsOf(await sql('select id from tutoring_sessions'));
    const hiddenSession = allSessions.find((id) => !visibleSessions.has(id));
    const visibleSession = [...visibleSessions][0];
    const one = await app.gql('query($id: ID!) { session(id: $id) { id } }', { id: visibleSession }, token);
    expect(one.data.session.id).toBe(visibleSession);
    if (hiddenSession) {
      const hidden = await app.gql('query($id: ID!) { session(id: $id) { id } }', { id: hiddenSession }, token);
      expect(errorCode(hidden)).toBe('NOT_FOUND');
    }
    const visibleInvoices = new Set(await expectedInvoices(email));
    for (const id of idsOf(await sql('select id from invoices'))) {
      const result = await app.gql('query($id: ID!) { invoice(id: $id) { id } }', { id }, token);
      if (visibleInvoices.has(id)) expect(result.data.invoice.id).toBe(id);
      else expect(errorCode(result)).toBe('NOT_FOUND');
    }
  });
});

describe('learner filter', () => {
  it('narrows a parent to one child and shows nothing of another family', async () => {
    const token = await app.login('parent@demo.test');
    const mia = await userId('mia@demo.test');
    const ola = await userId('ola@demo.test');
    const miaSessions = await fetchAllIds(app, token, 'sessions', 50, `, filter: { learnerId: "${mia}" }`);
    expect([...miaSessions].sort()).toEqual(idsOf(await sql('select session_id as id from session_participants where learner_id = ?', [mia])));
    const olaSessions = await fetchAllIds(app, token, 'sessions', 50, `, filter: { learnerId: "${ola}" }`);
    const shared = idsOf(await sql('select session_id as id from session_participants sp join parent_links pl on pl.child_id = sp.learner_id where pl.parent_id = (select id from users where email = ?) and session_id in (select session_id from session_participants where learner_id = ?)', ['parent@demo.test', ola]));
    expect([...olaSessions].sort()).toEqual(shared);
  });
});

describe('invoice lines of a session', () => {
  it('shows staff and the billed family the lines, and the tutor none', async () => {
    const [line] = await sql(`select l.session_id, l.id from invoice_lines l join users u on u.id = l.learner_id where u.email = 'mia@demo.test' limit 1`);
    const lines = async (email: string) => {
      const result = await app.gql('query($id: ID!) { session(id: $id) { invoiceLines { id invoice { number } amount { amountMinor } } } }', { id: line.session_id }, await app.login(email));
      return result.data.session.invoiceLines.map((l: { id: string }) => l.id);
    };
    expect(await lines('coordinator@demo.test')).toContain(line.id);
    expect(await lines('parent@demo.test')).toContain(line.id);
    expect(await lines('tutor@demo.test')).toEqual([]);
  });
});
