import { createRequest } from '@urql/core';
import { makeFetchBody } from '@urql/core/internal';
import { parse, print, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as bench from '../../bench/documents';
import { BoardColumnQuery, ReportIssueMutation, ResolveTicketMutation, TicketChangedSubscription, TicketDetailQuery } from '../../dashboard/src/graphql/tickets';

/** The query text urql puts on the wire for a dashboard document (dashboard/src/lib/client.ts passes doc.toString()). */
const sent = (doc: { toString(): string }) => makeFetchBody(createRequest(doc.toString(), {})).query;

describe('the bench sends what the dashboard sends', () => {
  it.each([
    ['BoardColumn', bench.BOARD_COLUMN, BoardColumnQuery],
    ['TicketDetail', bench.TICKET_DETAIL, TicketDetailQuery],
    ['TicketChanged', bench.TICKET_CHANGED, TicketChangedSubscription],
    ['ReportIssue', bench.REPORT_ISSUE, ReportIssueMutation],
    ['ResolveTicket', bench.RESOLVE_TICKET, ResolveTicketMutation],
  ])('%s', (name, benchDocument, dashboardDocument) => {
    const wire = sent(dashboardDocument);
    expect(print(parse(benchDocument))).toBe(print(parse(wire!)));
    expect(parse(benchDocument).definitions.some((d) => 'name' in d && d.name?.value === name)).toBe(true);
  });

  it('the board and the live event select the same card fields', () => {
    const fragment = (text: string) => print(parse(text).definitions.find((d) => d.kind === 'FragmentDefinition')!);
    expect(fragment(bench.TICKET_CHANGED)).toBe(fragment(bench.BOARD_COLUMN));
  });

  it('the PostGraphile baseline selects the same card fields under its own names, less what only the server computes', () => {
    // slaState (tickets/sla.ts) and viewers (live presence) have no column PostGraphile could read.
    const card = (text: string, leaveOut: string[] = []) =>
      print(visit(parse(text).definitions.find((d) => d.kind === 'FragmentDefinition')!, {
        Field: (node) => (leaveOut.includes(node.name.value) ? null : undefined),
      }))
        .replace(/\w+: userBy\w+/g, (m) => m.split(':')[0])
        .split('\n')
        .slice(1);
    expect(card(bench.BOARD_COLUMN).join('\n')).toContain('slaState');
    expect(card(bench.POSTGRAPHILE_BOARD_COLUMN)).toEqual(card(bench.BOARD_COLUMN, ['slaState', 'viewers']));
  });
});
