import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../support/import-graph';

const root = path.resolve(__dirname, '../../server/src');
const dashboard = path.resolve(__dirname, '../../dashboard/src');
/** Imports as paths relative to their tree, `/`-separated. */
const relativeGraph = (tree: string) => new Map([...importGraph(tree)].map(([file, imports]) => [
  path.relative(tree, file).split(path.sep).join('/'), imports.map((i) => path.relative(tree, i).split(path.sep).join('/')),
]));
const graph = relativeGraph(root);

/** The features: a folder each, with its service, entities, resolvers, migration. */
const FEATURES = ['audit', 'auth', 'billing', 'cancellations', 'desk', 'evidence', 'notifications', 'satisfaction', 'seed', 'sessions', 'tickets', 'webhooks'];
/** The plug-ins the ticket core announces its changes to (tickets/ticket-changes.ts) and never calls. */
const PLUGINS = ['webhooks', 'satisfaction', 'notifications', 'desk'];
const folderOf = (file: string) => (file.includes('/') ? file.split('/')[0] : file);

/** `file -> imported` pairs where a file under one of `from` imports something `forbidden` says no to. */
function violations(g: Map<string, string[]>, from: string[], forbidden: (imported: string, file: string) => boolean): string[] {
  const found: string[] = [];
  for (const [file, imports] of g) {
    if (!from.includes(folderOf(file))) continue;
    for (const imported of imports) if (folderOf(imported) !== folderOf(file) && forbidden(imported, file)) found.push(`${file} -> ${imported}`);
  }
  return found.sort();
}

const rules = {
  /** db/, realtime/ and observability/ (logs, metrics) are infrastructure: features plug into them (entity list, transaction hooks, hub topics, counters). */
  infrastructureImportsNoFeature: (g: Map<string, string[]>) => violations(g, ['db', 'realtime', 'observability'], (i) => !['db', 'observability', 'config.ts', 'errors.ts'].includes(folderOf(i))),
  /** graphql/ is a kit: the auth guard, errors, ids, scalars, connections; it knows who asks, not what. */
  graphqlImportsNoFeature: (g: Map<string, string[]>) => violations(g, ['graphql'], (i) =>
    !['db', 'errors.ts', 'config.ts'].includes(folderOf(i)) && !['auth/viewer.ts', 'auth/roles.ts', 'auth/scopes.ts'].includes(i)),
  /** The ticket core and billing announce; the plug-ins listen (registered in app/listeners.ts). */
  coreImportsNoPlugin: (g: Map<string, string[]>) => violations(g, ['tickets', 'billing'], (i) => PLUGINS.includes(folderOf(i))),
  /** Services speak no GraphQL: only resolvers, GraphQL input and type files, and HTTP routes (the edges) import graphql/. */
  servicesImportNoGraphql: (g: Map<string, string[]>) => violations(g, FEATURES, (i, file) => folderOf(i) === 'graphql' && !/\.(resolver|input|type|routes)\.ts$/.test(file)),
  /** The composition root is imported by nobody but itself and the entry scripts. */
  nobodyImportsTheRoot: (g: Map<string, string[]>) => violations(g, [...FEATURES.filter((f) => f !== 'seed'), 'db', 'realtime', 'graphql', 'http', 'jobs', 'events', 'observability', 'ops'], (i) => folderOf(i) === 'app'),
};

describe('the folders show the design', () => {
  it('each rule finds a violation when there is one (the checker works)', () => {
    const bad = new Map([
      ['db/orm.ts', ['tickets/ticket.entity.ts']],
      ['realtime/hub.ts', ['notifications/outbox.ts']],
      ['graphql/schema.ts', ['tickets/tickets.resolver.ts']],
      ['tickets/history.ts', ['webhooks/events.ts']],
      ['billing/adjustments.ts', ['notifications/outbox.ts']],
      ['billing/invoices.service.ts', ['graphql/pagination.ts']],
      ['tickets/tickets.resolver.ts', ['app/services.ts']],
    ]);
    expect(rules.infrastructureImportsNoFeature(bad)).toEqual(['db/orm.ts -> tickets/ticket.entity.ts', 'realtime/hub.ts -> notifications/outbox.ts']);
    expect(rules.graphqlImportsNoFeature(bad)).toEqual(['graphql/schema.ts -> tickets/tickets.resolver.ts']);
    expect(rules.coreImportsNoPlugin(bad)).toEqual(['billing/adjustments.ts -> notifications/outbox.ts', 'tickets/history.ts -> webhooks/events.ts']);
    expect(rules.servicesImportNoGraphql(bad)).toEqual(['billing/invoices.service.ts -> graphql/pagination.ts']);
    expect(rules.nobodyImportsTheRoot(bad)).toEqual(['tickets/tickets.resolver.ts -> app/services.ts']);
  });

  it('db/, realtime/ and observability/ import no feature, no transport and no GraphQL', () => {
    expect(rules.infrastructureImportsNoFeature(graph)).toEqual([]);
  });

  it('graphql/ imports no feature', () => {
    expect(rules.graphqlImportsNoFeature(graph)).toEqual([]);
  });

  it('tickets/ and billing/ import none of webhooks/, satisfaction/, notifications/, desk/', () => {
    expect(rules.coreImportsNoPlugin(graph)).toEqual([]);
  });

  it('no service imports graphql/', () => {
    expect(rules.servicesImportNoGraphql(graph)).toEqual([]);
  });

  it('the composition root (app/) is handed nothing back: no feature or kit imports it', () => {
    expect(rules.nobodyImportsTheRoot(graph)).toEqual([]);
  });

  it('db/transaction.ts imports nothing of ours: features hook into it', () => {
    expect(graph.get('db/transaction.ts')).toEqual([]);
  });

  it('the graphql-ws transport sits in http/, ticket events in tickets/, the entry points in app/', () => {
    const files = [...graph.keys()];
    expect(files.filter((file) => file.startsWith('realtime/')).sort()).toEqual(
      ['event-stream.ts', 'hub.ts', 'listener.ts', 'publish.ts', 'realtime.service.ts'].map((name) => `realtime/${name}`),
    );
    for (const file of ['http/ws-server.ts', 'http/live-context.ts', 'tickets/event-log.ts', 'tickets/ticket-events.resolver.ts', 'app/main.ts', 'app/worker.ts', 'app/listeners.ts']) {
      expect(files).toContain(file);
    }
    // One worker.ts, one main.ts.
    expect(files.filter((file) => /(^|\/)(worker|main)\.ts$/.test(file)).sort()).toEqual(['app/main.ts', 'app/worker.ts']);
  });
});

describe('the dashboard', () => {
  const board = relativeGraph(dashboard);

  it('board/ imports nothing of pages/', () => {
    const found = [...board].flatMap(([file, imports]) => (file.startsWith('board/') ? imports.filter((i) => i.startsWith('pages/')).map((i) => `${file} -> ${i}`) : []));
    expect(found).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(importCycles(board)).toEqual([]);
  });
});

describe('server/src', () => {
  it('has no import cycle', () => {
    expect(importCycles(graph)).toEqual([]);
  });
});
