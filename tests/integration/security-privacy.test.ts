import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const TICKET_PEOPLE = '{ tickets(first: 20) { edges { node { reporter { id email } tutor { id email } sessions { learners { id email } } } } } }';

describe('User.email', () => {
  it("is null for a parent or tutor reading anybody else's, never a Telegram id", async () => {
    for (const email of ['parent@demo.test', 'tutor@demo.test']) {
      const token = await app.login(email);
      const me = (await app.gql('{ me { id email } }', {}, token)).data.me;
      expect(me.email).toBe(email);
      const result = await app.gql(TICKET_PEOPLE, {}, token);
      expect(result.errors).toBeUndefined();
      const people = result.data.tickets.edges.flatMap(({ node }: any) => [node.reporter, node.tutor, ...node.sessions.flatMap((s: any) => s.learners)]).filter(Boolean);
      expect(people.length).toBeGreaterThan(0);
      for (const person of people) expect(person.email).toBe(person.id === me.id ? email : null);
      expect(JSON.stringify(result.data)).not.toMatch(/telegram/i);
    }
  });

  it('is shown to staff', async () => {
    const token = await app.login('coordinator@demo.test');
    const result = await app.gql(TICKET_PEOPLE, {}, token);
    const reporters = result.data.tickets.edges.map(({ node }: any) => node.reporter);
    expect(reporters.every((r: any) => typeof r.email === 'string' && r.email.includes('@'))).toBe(true);
  });

  it('comes back in the login payload for the account that signed in', async () => {
    const result = await app.gql('mutation { login(email: "tutor2@demo.test", password: "demo1234") { user { email } } }');
    expect(result.data.login.user.email).toBe('tutor2@demo.test');
  });
});
