import { createSignal } from 'solid-js';

export interface FetchedPage<T> {
  nodes: T[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount?: number;
}

/**
 * A list loaded page by page ("Load more"): the items, the cursor, and the loading and error
 * state. `merge` decides how a further page joins the list (default: appended).
 */
export function createPagedList<T>(fetchPage: (after: string | null) => Promise<FetchedPage<T>>, merge: (current: T[], page: T[]) => T[] = (current, page) => [...current, ...page]) {
  const [items, setItems] = createSignal<T[]>([]);
  const [total, setTotal] = createSignal(0);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [hasMore, setHasMore] = createSignal(false);
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<unknown>(null);

  /** Loads the first page (after = null, replacing the list) or the page after a cursor. */
  const load = async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(after);
      setItems((current) => (after ? merge(current, page.nodes) : merge([], page.nodes)));
      setTotal(page.totalCount ?? 0);
      setCursor(page.endCursor);
      setHasMore(page.hasNextPage);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  return { items, setItems, total, hasMore, loading, error, setError, load, loadMore: () => load(cursor()) };
}
