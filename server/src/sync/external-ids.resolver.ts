import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { isStaff } from '../auth/roles';
import { expandScopes } from '../auth/scopes';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { Invoice, InvoiceLine } from '../billing/invoice.entity';
import { Package } from '../billing/package.entity';
import type { Context } from '../graphql/context';
import { TutoringSession } from '../sessions/session.entity';
import { type SyncKind, externalIdsOf } from './records';

/** Staff, and keys that sync or read the ledger, see the business's ids; nobody else needs them. */
export const seesExternalIds = (viewer: Viewer | null) =>
  !!viewer && (viewer.apiKeyId ? ['sync:write', 'ledger:read'].some((s) => expandScopes(viewer.scopes ?? []).has(s)) : isStaff(viewer.role));

const perRequest = new WeakMap<object, Map<SyncKind, DataLoader<string, string | null>>>();

function externalId(ctx: Context, kind: SyncKind, id: string): Promise<string | null> | null {
  if (!seesExternalIds(ctx.viewer)) return null;
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) perRequest.set(ctx.loaders, (loaders = new Map()));
  let loader = loaders.get(kind);
  if (!loader) {
    const em: EntityManager = ctx.em;
    loader = new DataLoader(async (ids: readonly string[]) => {
      const found = await externalIdsOf(em, kind, ids);
      return ids.map((i) => found.get(i) ?? null);
    });
    loaders.set(kind, loader);
  }
  return loader.load(id);
}

const DESCRIPTION = "The business's own id (null for what was made here); shown to staff and to keys with sync:write or ledger:read";

@Resolver(() => User)
export class UserExternalIdResolver {
  @FieldResolver(() => ID, { nullable: true, description: DESCRIPTION })
  externalId(@Root() user: User, @Ctx() ctx: Context) {
    return externalId(ctx, 'USER', user.id);
  }
}

@Resolver(() => TutoringSession)
export class SessionExternalIdResolver {
  @FieldResolver(() => ID, { nullable: true, description: DESCRIPTION })
  externalId(@Root() session: TutoringSession, @Ctx() ctx: Context) {
    return externalId(ctx, 'SESSION', session.id);
  }
}

@Resolver(() => Invoice)
export class InvoiceExternalIdResolver {
  @FieldResolver(() => ID, { nullable: true, description: DESCRIPTION })
  externalId(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    return externalId(ctx, 'INVOICE', invoice.id);
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLineExternalIdResolver {
  @FieldResolver(() => ID, { nullable: true, description: DESCRIPTION })
  externalId(@Root() line: InvoiceLine, @Ctx() ctx: Context) {
    return externalId(ctx, 'LINE', line.id);
  }
}

@Resolver(() => Package)
export class PackageExternalIdResolver {
  @FieldResolver(() => ID, { nullable: true, description: DESCRIPTION })
  externalId(@Root() pkg: Package, @Ctx() ctx: Context) {
    return externalId(ctx, 'PACKAGE', pkg.id);
  }
}

