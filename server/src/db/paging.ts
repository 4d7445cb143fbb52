import { badInput } from '../errors';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/** A page of a keyset-paged list; GraphQL shows it as a Connection (graphql/pagination.ts). */
export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
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

/**
 * What each part of a cursor must be. Checked here, so a forged cursor is BAD_USER_INPUT and never
 * reaches a statement (where a bad timestamp or uuid was an internal error with the SQL in it).
 */
export type CursorPart = 'timestamp' | 'uuid' | 'int' | 'digits';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const PART_CHECKS: Record<CursorPart, (part: unknown) => boolean> = {
  timestamp: (part) => typeof part === 'string' && ISO_TIME.test(part) && !Number.isNaN(Date.parse(part)),
  uuid: (part) => typeof part === 'string' && UUID.test(part),
  int: (part) => typeof part === 'number' && Number.isSafeInteger(part) && Math.abs(part) < 2 ** 31,
  digits: (part) => typeof part === 'string' && /^\d{1,18}$/.test(part),
};

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes an opaque cursor made by encodeCursor; `shape` names each part's kind. */
export function decodeCursor(cursor: string | null | undefined, shape: CursorPart[]): CursorKey | null {
  if (cursor === undefined || cursor === null) return null;
  try {
    if (cursor.length > 200) throw new Error('too long');
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((part, i) => PART_CHECKS[shape[i]](part))) {
      return key as CursorKey;
    }
  } catch {
    // falls through to the error below
  }
  throw badInput('after', 'after is not a cursor this list gave out');
}

/** Builds a page from rows fetched with limit size + 1 (the extra row tells there is more); `after`: the decoded cursor it was asked with. */
export function toPage<T>(rows: T[], size: number, keyOf: (row: T) => CursorKey, totalCount: number, after: CursorKey | null): Page<T> {
  const hasNextPage = rows.length > size;
  const nodes = hasNextPage ? rows.slice(0, size) : rows;
  const edges = nodes.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  const pageInfo = { hasNextPage, hasPreviousPage: after !== null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
  return { edges, pageInfo, totalCount };
}
