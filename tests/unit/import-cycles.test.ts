import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../support/import-graph';

const root = path.resolve(__dirname, '../../server/src');
const relative = (cycle: string[]) => cycle.map((file) => path.relative(root, file));

describe('server/src imports', () => {
  it('finds a cycle when there is one (the checker works)', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']], ['e', ['e']]]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  it('have no cycle, type-only imports included', () => {
    const graph = importGraph(root);
    expect(graph.size).toBeGreaterThan(50);
    expect(importCycles(graph).map(relative)).toEqual([]);
  });
});
