import { type EntityClass, type EntityData, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';

/**
 * Rows read for an answer only (GraphQL output), as instances of the entity class without the
 * unit of work: no identity map, no change-tracking snapshot, no reference objects from the ORM
 * (a many-to-one is `{ id }`, or null). Hydrating 50 tickets through the ORM cost more CPU than
 * everything else a board page does. Never persist or flush these objects.
 */
export function readOnly<T extends object>(em: EntityManager, entity: EntityClass<T>, rows: Array<EntityData<T>>): T[] {
  const meta = em.getMetadata().get(entity.name);
  const references = meta.relations.filter((p) => p.kind === ReferenceKind.MANY_TO_ONE).map((p) => p.name as string);
  const isReference = new Set(references);
  return rows.map((row) => {
    // Own properties, defined rather than assigned: the ORM's setters on the prototype would start tracking the object.
    const properties: PropertyDescriptorMap = {};
    for (const [name, value] of Object.entries(row)) {
      const plain = isReference.has(name) && value !== null && value !== undefined && typeof value !== 'object' ? { id: value } : value ?? null;
      properties[name] = { value: plain, writable: true, enumerable: true, configurable: true };
    }
    return Object.create(entity.prototype, properties) as T;
  });
}

/** The query builder's rows (its where, order and limit) read as {@link readOnly} objects. */
export async function readOnlyResults<T extends object>(qb: QueryBuilder<T>, entity: EntityClass<T>, em: EntityManager): Promise<T[]> {
  return readOnly(em, entity, (await qb.execute('all', true)) as Array<EntityData<T>>);
}

/** The loaded (non-lazy) columns of an entity, for a select that leaves out e.g. password hashes. */
export function eagerFields(em: EntityManager, entity: EntityClass<object>): string[] {
  return em.getMetadata().get(entity.name).props.filter((p) => !p.lazy && p.persist !== false && p.kind === ReferenceKind.SCALAR).map((p) => p.name as string);
}
