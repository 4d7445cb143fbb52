import type { EntityManager } from '@mikro-orm/postgresql';
import { run } from '../db/raw-sql';
import type { Role } from '../auth/roles';

export interface KnownUser {
  id: string;
  role: Role;
}
export interface KnownPackage {
  id: string;
  learnerId: string;
}

/** Everything a batch of sessions refers to, looked up once for the whole batch. */
export interface SessionRefs {
  users: Map<string, KnownUser>;
  packages: Map<string, KnownPackage>;
}

export async function loadSessionRefs(em: EntityManager, userIds: string[], packageIds: string[]): Promise<SessionRefs> {
  const users: Array<{ external_id: string; id: string; role: Role }> = userIds.length ? await run(em,
    `select r.external_id, u.id, u.role from sync_records r join users u on u.id = r.entity_id
      where r.kind = 'USER' and r.scope = '' and r.external_id in (select jsonb_array_elements_text(?::jsonb))`, [JSON.stringify([...new Set(userIds)])]) : [];
  const packages: Array<{ external_id: string; id: string; learner_id: string }> = packageIds.length ? await run(em,
    `select r.external_id, p.id, p.learner_id from sync_records r join packages p on p.id = r.entity_id
      where r.kind = 'PACKAGE' and r.scope = '' and r.external_id in (select jsonb_array_elements_text(?::jsonb))`, [JSON.stringify([...new Set(packageIds)])]) : [];
  return {
    users: new Map(users.map((u) => [u.external_id, { id: u.id, role: u.role }])),
    packages: new Map(packages.map((p) => [p.external_id, { id: p.id, learnerId: p.learner_id }])),
  };
}

/** A batch's refs, plus what this item's own transaction can see (an earlier item of the batch may have made it). */
export async function refreshRefs(em: EntityManager, refs: SessionRefs, userIds: string[], packageIds: string[]): Promise<void> {
  const missingUsers = userIds.filter((id) => !refs.users.has(id));
  const missingPackages = packageIds.filter((id) => !refs.packages.has(id));
  if (!missingUsers.length && !missingPackages.length) return;
  const more = await loadSessionRefs(em, missingUsers, missingPackages);
  for (const [k, v] of more.users) refs.users.set(k, v);
  for (const [k, v] of more.packages) refs.packages.set(k, v);
}
