import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { AuditEntry } from './audit-entry.entity';

export type AuditAction =
  | 'auth.sign_in'
  | 'auth.password_changed'
  | 'auth.signed_out_everywhere'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'resolution_action.created'
  | 'resolution_action.updated'
  | 'ticket.final_decision'
  | 'sla_policy.updated'
  | 'business_hours.updated'
  | 'user.role_changed'
  | 'automation.saved'
  | 'assignment_policy.set'
  | 'user.invited'
  | 'user.invitation_accepted'
  | 'user.password_reset'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'user.first_admin_created';

export interface AuditRecord {
  action: AuditAction;
  /** Who acted (and from which address, unless `address` says); their name and role are copied in, so the entry survives their account. */
  actor: Pick<Viewer, 'id' | 'apiKeyId' | 'address'> | null;
  target?: { type: string; id: string };
  address?: string | null;
  change?: Record<string, unknown>;
}

/**
 * Writes one audit entry in `em`'s transaction (flushed with the change it records, so an
 * action that rolls back leaves no entry and one that commits always has its entry).
 */
export async function recordAudit(em: EntityManager, record: AuditRecord): Promise<void> {
  const actor = record.actor ? await em.findOne(User, { id: record.actor.id }, { fields: ['id', 'name', 'role'] }) : null;
  em.persist(Object.assign(new AuditEntry(), {
    action: record.action,
    actorId: record.actor?.id ?? null,
    actorName: actor?.name ?? null,
    actorRole: actor?.role ?? null,
    apiKeyId: record.actor?.apiKeyId ?? null,
    targetType: record.target?.type ?? null,
    targetId: record.target?.id ?? null,
    address: record.address ?? record.actor?.address ?? null,
    change: record.change ?? {},
  }));
  await em.flush();
}
