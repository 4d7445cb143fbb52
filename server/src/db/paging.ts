import { badInput } from '../errors';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/** A page of a keyset-paged list; GraphQL shows it as a Connection (graphql/pagination.ts). */
export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function pageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw badInput('first', `first must be between 1 and ${MAX_PAGE}`);
  }
  return first;
}

export type CursorKey = Array<string | number>;

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes an opaque cursor made by encodeCursor; `shape` names each part's type. */
export function decodeCursor(cursor: string | null | undefined, shape: Array<'string' | 'number'>): CursorKey | null {
  if (cursor === undefined || cursor === null) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => typeof part === shape[i])) {
      return key as CursorKey;
    }
  } catch {
    // falls through to the error below
  }
  throw badInput('after', 'after is not a cursor this list gave out');
}

/** Builds a page from rows fetched with limit size + 1 (the extra row tells there is more). */
export function toPage<T>(rows: T[], size: number, keyOf: (row: T) => CursorKey, totalCount: number): Page<T> {
  const hasNextPage = rows.length > size;
  const nodes = hasNextPage ? rows.slice(0, size) : rows;
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
