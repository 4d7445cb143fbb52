import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../support/app';
import { REPORT, createDisputableSessions, sql } from '../support/fixtures';

const EVIDENCE = `query($id: ID!) { ticket(id: $id) { evidence { learnerAbsent tutorAbsent missingMinutes tutorCausedMinutes suggestionReason suggestedCredit { amountMinor currency } } } }`;
const PREVIEW = `query($input: ResolveTicketInput!) { previewResolution(input: $input) { credit { amountMinor } warnings } }`;

describe('the suggested credit follows who was absent, and staff are warned when they credit against it', () => {
  let app: TestApp;
  let coordinator: string;
  let parent: string;
  beforeAll(async () => {
    app = await startTestApp({ RUN_WORKER: 'false' });
    [coordinator, parent] = await Promise.all(['coordinator@demo.test', 'parent@demo.test'].map((e) => app.login(e)));
  });
  afterAll(() => app.close());

  async function dispute(learnerJoined: boolean, category = 'NO_SHOW') {
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    if (!learnerJoined) await sql(app, 'update session_participants set joined_at = null, left_at = null where session_id = ?', [sessionIds[0]]);
    const result = await app.gql(REPORT, { input: { sessionIds, category, title: 'Missed lesson', description: 'Nobody was there' } }, parent);
    return result.data.reportIssue.id as string;
  }

  it('a learner who missed a lesson the tutor gave for 60 minutes: nothing suggested, and a full credit warns', async () => {
    const id = await dispute(false);
    const [evidence] = (await app.gql(EVIDENCE, { id }, coordinator)).data.ticket.evidence;
    expect(evidence).toEqual({
      learnerAbsent: true, tutorAbsent: false, missingMinutes: 60, tutorCausedMinutes: 0,
      suggestionReason: 'The learner did not join while the tutor was there: nothing is suggested.',
      suggestedCredit: { amountMinor: 0, currency: 'EUR' },
    });
    const preview = (await app.gql(PREVIEW, { input: { ticketId: id, outcome: 'IN_FAVOR_OF_PARENT', comment: 'x' } }, coordinator)).data.previewResolution;
    expect(preview.credit.amountMinor).toBe(3000);
    expect(preview.warnings).toEqual([
      'This decision credits €30.00 in total; the attendance suggests €0.00. The attendance shows the learner did not join a session while the tutor was there. Say in your comment why you credit more.',
    ]);
    const fair = (await app.gql(PREVIEW, { input: { ticketId: id, outcome: 'IN_FAVOR_OF_EDUCATOR', comment: 'x' } }, coordinator)).data.previewResolution;
    expect(fair.warnings).toEqual([]);
  });

  it('the reporter of a fresh claim is shown no suggested credit', async () => {
    const id = await dispute(true);
    const [evidence] = (await app.gql(EVIDENCE, { id }, parent)).data.ticket.evidence;
    expect(evidence.suggestedCredit).toBeNull();
    expect(evidence.suggestionReason).toBeNull();
  });

  it('a tutor who never joined: the whole lesson is suggested; crediting nothing warns', async () => {
    const id = await dispute(true);
    await sql(app, 'update tutoring_sessions set tutor_joined_at = null, tutor_left_at = null where id = (select session_id from ticket_sessions where ticket_id = ?)', [id]);
    const [evidence] = (await app.gql(EVIDENCE, { id }, coordinator)).data.ticket.evidence;
    expect(evidence).toMatchObject({ tutorAbsent: true, tutorCausedMinutes: 60, suggestedCredit: { amountMinor: 3000 } });
    const preview = (await app.gql(PREVIEW, { input: { ticketId: id, outcome: 'IN_FAVOR_OF_EDUCATOR', comment: 'x' } }, coordinator)).data.previewResolution;
    expect(preview.warnings).toEqual(['The attendance shows the tutor did not join, yet this decision credits nothing. Say in your comment why.']);
  });

  it('granting the reporter\'s remedy together with another outcome is refused in plain words, changing nothing', async () => {
    const { sessionIds } = await createDisputableSessions(app, { tutor: 'tutor@demo.test', learner: 'mia@demo.test', billedTo: 'parent@demo.test', invoiced: 1 });
    const report = await app.gql(REPORT, { input: { sessionIds, category: 'NO_SHOW', title: 'Missed', description: 'x', requestedEffect: 'FULL_CREDIT' } }, parent);
    const id = report.data.reportIssue.id;
    const input = { ticketId: id, outcome: 'IN_FAVOR_OF_EDUCATOR', grantRequestedEffect: true, comment: 'x' };
    for (const query of [PREVIEW, `mutation($input: ResolveTicketInput!) { resolveTicket(input: $input) { id } }`]) {
      const result = await app.gql(query, { input }, coordinator);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'grantRequestedEffect' });
      expect(result.errors?.[0].message).toBe('Granting what the reporter asked for decides in their favour: choose "In favour of the parent", or untick "Grant what the reporter asked for"');
    }
    expect((await sql(app, 'select status from tickets where id = ?', [id]))[0].status).toBe('ONGOING');
    const tooMuch = await app.gql(PREVIEW, { input: { ticketId: id, outcome: 'SPLIT', creditAmountMinor: 6001, comment: 'x' } }, coordinator);
    expect(tooMuch.errors?.[0].message).toBe('The credit can be at most €30.00, what was billed for these sessions');
    const long = await app.gql(PREVIEW, { input: { ticketId: id, outcome: 'SPLIT', comment: 'a'.repeat(5003) } }, coordinator);
    expect(long.errors?.[0].message).toBe('The comment is too long: 5,003 characters, at most 5,000 fit. Shorten it by 3.');
  });
});
