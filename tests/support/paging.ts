import type { GqlResult, TestApp } from './app';

/** Follows `after` cursors until the end; returns every node id in order. */
export async function fetchAllIds(app: TestApp, token: string, field: 'sessions' | 'invoices', pageSize = 7, extraArgs = ''): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 1000; page += 1) {
    const result: GqlResult = await app.gql(
      `query($first: Int, $after: String) { ${field}(first: $first, after: $after${extraArgs}) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { first: pageSize, after },
      token,
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const connection: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = result.data[field];
    ids.push(...connection.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!connection.pageInfo.hasNextPage) return ids;
    after = connection.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}
