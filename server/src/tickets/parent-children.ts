import type { MikroORM } from '@mikro-orm/postgresql';
import { ParentLink } from '../auth/user.entity';

const FRESH_FOR_MS = 60_000;

/**
 * Which learners each subscribed parent has, kept in memory so a live event is checked against
 * thousands of subscribers without a query each. Entries older than a minute are reloaded (in one
 * query) before the next fan-out, so a new parent link shows up soon without a resubscribe.
 */
export class ParentChildrenCache {
  private readonly entries = new Map<string, { childIds: Set<string>; loadedAt: number }>();

  constructor(private readonly orm: MikroORM) {}

  childrenOf(parentId: string): ReadonlySet<string> {
    return this.entries.get(parentId)?.childIds ?? EMPTY;
  }

  /** Loads the parents not cached or gone stale. */
  async ensure(parentIds: Iterable<string>, now = Date.now()): Promise<void> {
    const wanted = [...new Set(parentIds)].filter((id) => {
      const entry = this.entries.get(id);
      return !entry || now - entry.loadedAt > FRESH_FOR_MS;
    });
    if (!wanted.length) return;
    const links = await this.orm.em.fork().find(ParentLink, { parent: { $in: wanted } });
    for (const id of wanted) this.entries.set(id, { childIds: new Set(), loadedAt: now });
    for (const link of links) this.entries.get(link.parent.id)?.childIds.add(link.child.id);
  }

  /** Forgets parents no longer subscribed. */
  retainOnly(parentIds: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!parentIds.has(id)) this.entries.delete(id);
  }
}

const EMPTY: ReadonlySet<string> = new Set();
