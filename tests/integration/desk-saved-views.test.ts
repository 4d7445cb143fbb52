import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, errorCode, startTestApp } from '../support/app';
import { sql } from '../support/fixtures';

const VIEW = 'id name shared owner { id } count filter { status type category tutorId assigneeId reporterId search sla }';
const SAVE = `mutation($input: SavedViewInput!) { saveView(input: $input) { ${VIEW} } }`;
const LIST = `{ savedViews { ${VIEW} } }`;
const DELETE = 'mutation($id: ID!) { deleteView(id: $id) }';

describe('saved views', () => {
  let app: TestApp;
  let coordinator: string;
  let admin: string;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    [coordinator, admin] = await Promise.all([app.login('coordinator@demo.test'), app.login('admin@demo.test')]);
  });
  afterAll(() => app.close());

  it('are visible to their owner only, unless shared; only the owner changes them', async () => {
    const mine = (await app.gql(SAVE, { input: { name: 'My escalations', filter: { status: ['ESCALATED'] } } }, coordinator)).data.saveView;
    const team = (await app.gql(SAVE, { input: { name: 'Breached disputes', shared: true, filter: { type: 'DISPUTE', sla: ['BREACHED'] } } }, coordinator)).data.saveView;
    expect(mine).toMatchObject({ name: 'My escalations', shared: false, filter: { status: ['ESCALATED'], type: null, sla: null } });
    expect(team).toMatchObject({ shared: true, filter: { type: 'DISPUTE', sla: ['BREACHED'] } });

    const coordinatorSees = (await app.gql(LIST, {}, coordinator)).data.savedViews.map((v: any) => v.name);
    expect(coordinatorSees).toEqual(['Breached disputes', 'My escalations']);
    const adminSees = (await app.gql(LIST, {}, admin)).data.savedViews.map((v: any) => v.name);
    expect(adminSees).toEqual(['Breached disputes']);

    // Another's shared view: usable, not changeable; another's private one: does not exist.
    expect(errorCode(await app.gql(SAVE, { input: { id: team.id, name: 'Hijacked', filter: {} } }, admin))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(DELETE, { id: team.id }, admin))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(DELETE, { id: mine.id }, admin))).toBe('NOT_FOUND');
    expect((await sql(app, 'select name from saved_views where id = ?', [team.id]))[0].name).toBe('Breached disputes');

    // Unsharing hides it from the others.
    await app.gql(SAVE, { input: { id: team.id, name: 'Breached disputes', shared: false, filter: { type: 'DISPUTE', sla: ['BREACHED'] } } }, coordinator);
    expect((await app.gql(LIST, {}, admin)).data.savedViews).toEqual([]);
    expect((await app.gql(DELETE, { id: mine.id }, coordinator)).data.deleteView).toBe(true);
    expect((await app.gql(LIST, {}, coordinator)).data.savedViews.map((v: any) => v.name)).toEqual(['Breached disputes']);
  });

  it('counts the tickets matching the view, like the board does', async () => {
    const view = (await app.gql(SAVE, { input: { name: 'Ongoing', filter: { status: ['ONGOING'] } } }, admin)).data.saveView;
    const board = await app.gql('{ tickets(filter: { status: [ONGOING] }, first: 1) { totalCount } }', {}, admin);
    expect(view.count).toBe(board.data.tickets.totalCount);
    expect(view.count).toBeGreaterThan(0);
  });

  it('refuses bad input and non-staff, changing nothing', async () => {
    const before = await sql(app, 'select count(*)::int as n from saved_views');
    const empty = await app.gql(SAVE, { input: { name: '  ', filter: {} } }, admin);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const badId = await app.gql(SAVE, { input: { name: 'x', filter: { tutorId: 'nope' } } }, admin);
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.tutorId' });
    expect(errorCode(await app.gql(SAVE, { input: { name: 'ongoing', filter: {} } }, admin))).toBe('CONFLICT');
    const parent = await app.login('parent@demo.test');
    expect(errorCode(await app.gql(SAVE, { input: { name: 'Mine', filter: {} } }, parent))).toBe('FORBIDDEN');
    expect(errorCode(await app.gql(LIST, {}, parent))).toBe('FORBIDDEN');
    expect(await sql(app, 'select count(*)::int as n from saved_views')).toEqual(before);
  });
});
