import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph } from '../support/import-graph';

const root = path.resolve(__dirname, '../../server/src');
const graph = importGraph(root);
/** The folders (under server/src) that the files in `folder` import, besides their own. */
const importedFolders = (inFolder: (file: string) => boolean) => {
  const folders = new Set<string>();
  for (const [file, imports] of graph) {
    if (!inFolder(path.relative(root, file))) continue;
    for (const imported of imports) folders.add(path.relative(root, imported).split(path.sep)[0]);
  }
  return [...folders].sort();
};

describe('the folders show the design', () => {
  it('realtime/ is pub/sub only: it imports no feature, no transport and no GraphQL (logs and metrics are infrastructure)', () => {
    expect(importedFolders((file) => file.startsWith(`realtime${path.sep}`))).toEqual(['db', 'observability', 'realtime']);
  });

  it('db/transaction.ts imports nothing of ours: features hook into it', () => {
    expect(graph.get(path.join(root, 'db', 'transaction.ts'))).toEqual([]);
  });

  it('the graphql-ws transport sits in http/ and ticket events in tickets/', () => {
    const files = [...graph.keys()].map((file) => path.relative(root, file));
    expect(files.filter((file) => file.startsWith(`realtime${path.sep}`)).sort()).toEqual(
      ['event-stream.ts', 'hub.ts', 'listener.ts', 'publish.ts', 'realtime.service.ts'].map((name) => path.join('realtime', name)),
    );
    for (const file of ['http/ws-server.ts', 'http/live-context.ts', 'tickets/event-log.ts', 'tickets/ticket-events.resolver.ts']) {
      expect(files).toContain(path.normalize(file));
    }
  });
});
