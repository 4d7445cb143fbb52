import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/roles';
import { requireViewer } from '../graphql/auth-guard';
import type { Context } from '../graphql/context';
import { decodeCursor, pageSize, toPage } from '../db/paging';
import { Connection } from '../graphql/pagination';
import { AuditEntry } from './audit-entry.entity';

const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, { description: 'Staff actions, newest first (admins)' })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    requireViewer(ctx, [Role.ADMIN]);
    const size = pageSize(first);
    const cursor = decodeCursor(after, ['digits']);
    const where = cursor ? { id: { $lt: cursor[0] as string } } : {};
    const [rows, totalCount] = await Promise.all([
      ctx.em.find(AuditEntry, where, { orderBy: { id: 'desc' }, limit: size + 1 }),
      ctx.em.count(AuditEntry, {}),
    ]);
    return toPage(rows, size, (row) => [String(row.id)], totalCount, cursor);
  }

  @FieldResolver(() => String, { description: 'The change as JSON text' })
  change(@Root() entry: AuditEntry): string {
    return JSON.stringify(entry.change ?? {});
  }
}
