import { type EntityClass, type EntityMetadata, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Rows read for an answer only (GraphQL output) become instances of the entity class without the
 * unit of work: no identity map, no change-tracking snapshot, no reference objects from the ORM
 * (a many-to-one is `{ id }`, or null; or the related row itself when the query joined it).
 * Hydrating 50 tickets through the ORM cost more CPU than everything else a board page does.
 * Never persist or flush these objects.
 */

type Row = Record<string, unknown>;
type Mapper = (row: Row) => object;

/** One constructor per entity whose instances are read-only rows. */
const constructors = new Map<string, new () => object>();
const rowPrototypes = new Set<object>();
const mappers = new Map<string, Mapper>();

/**
 * The ORM puts a setter on the entity's prototype for every persisted property; assigning through
 * it starts tracking the object. A prototype in between with a plain writable data property of
 * the same name makes an assignment create an own property instead (no setter runs), as fast as
 * filling a plain object. Getters the entity class declares itself are left alone.
 */
function constructorOf(meta: EntityMetadata, entity: EntityClass<object>): new () => object {
  const known = constructors.get(meta.className);
  if (known) return known;
  const prototype = Object.create(entity.prototype) as object;
  for (const prop of meta.props) {
    const inherited = Object.getOwnPropertyDescriptor(entity.prototype, prop.name);
    if (inherited?.set && !inherited.get) Object.defineProperty(prototype, prop.name, { value: undefined, writable: true, configurable: true });
  }
  const ReadOnlyRow = function ReadOnlyRow() {} as unknown as new () => object;
  ReadOnlyRow.prototype = prototype;
  constructors.set(meta.className, ReadOnlyRow);
  rowPrototypes.add(prototype);
  return ReadOnlyRow;
}

/**
 * A function from a result row to an instance, compiled once per entity, column prefix and set of
 * columns: each property read from its column (`prefix` + column name) as the ORM's own result
 * mapper does (timestamps parsed to Date, a many-to-one as `{ id }`); columns of other things are
 * not copied.
 */
function mapperOf(em: EntityManager, entity: EntityClass<object>, prefix: string, columns: string[]): Mapper {
  const key = `${entity.name}\0${prefix}\0${columns.join(',')}`;
  const known = mappers.get(key);
  if (known) return known;
  const meta = em.getMetadata().get(entity.name) as EntityMetadata;
  const present = new Set(columns);
  const lines: string[] = [];
  for (const prop of meta.props) {
    if (prop.fieldNames?.length !== 1 || !present.has(prefix + prop.fieldNames[0])) continue;
    const read = `row[${JSON.stringify(prefix + prop.fieldNames[0])}]`;
    const assign = `o[${JSON.stringify(prop.name)}]`;
    if (prop.kind === ReferenceKind.MANY_TO_ONE) lines.push(`v = ${read}; ${assign} = v == null ? null : { id: v };`);
    else if (prop.kind !== ReferenceKind.SCALAR) continue;
    else if (prop.runtimeType === 'Date') lines.push(`v = ${read}; ${assign} = v == null || v instanceof Date ? v ?? null : parseDate(v);`);
    else lines.push(`v = ${read}; ${assign} = v ?? null;`);
  }
  const platform = em.getPlatform();
  const compiled = new Function('ReadOnlyRow', 'parseDate', `return function (row) { const o = new ReadOnlyRow(); let v; ${lines.join(' ')} return o; };`) as (
    ctor: new () => object,
    parseDate: (value: string) => Date,
  ) => Mapper;
  const mapper = compiled(constructorOf(meta, entity), (value) => platform.parseDate(value) as Date);
  mappers.set(key, mapper);
  return mapper;
}

/** Whether `value` is a read-only row (all its loaded columns), not a bare `{ id }` reference or an ORM entity. */
export function isReadOnlyRow(value: unknown): boolean {
  return typeof value === 'object' && value !== null && rowPrototypes.has(Object.getPrototypeOf(value) as object);
}

/** Many-to-one relations a query joined: the relation's name and its entity. Their columns are aliased `"relation:column"` ({@link joinedColumns}). */
export type Joined = Record<string, EntityClass<object>>;

/**
 * A hand-written select's rows (database column names, as the entity's table has them) read as
 * read-only instances, without query builder or unit of work. Joined relations become read-only
 * rows on their property; other columns (e.g. a count next to the page) are only in `rows`.
 */
export async function readOnlyQuery<T extends object>(em: EntityManager, entity: EntityClass<T>, sql: string, params: unknown[], joined: Joined = {}): Promise<{ entities: T[]; rows: Row[] }> {
  const rows: Row[] = await em.getConnection().execute(sql, params);
  const columns = Object.keys(rows[0] ?? {});
  const primaryKey = em.getMetadata().get(entity.name).primaryKeys[0];
  const present = rows.filter((row) => row[primaryKey] != null);
  const entities = present.map(mapperOf(em, entity, '', columns)) as T[];
  for (const [relation, related] of Object.entries(joined)) {
    const prefix = `${relation}:`;
    const map = mapperOf(em, related, prefix, columns);
    const relatedKey = prefix + em.getMetadata().get(related.name).primaryKeys[0];
    // One instance per related row, however many rows name it.
    const seen = new Map<unknown, object>();
    present.forEach((row, i) => {
      const id = row[relatedKey];
      if (id == null) return;
      let value = seen.get(id);
      if (!value) seen.set(id, (value = map(row)));
      (entities[i] as Row)[relation] = value;
    });
  }
  return { entities, rows };
}

/** The loaded (non-lazy) scalar properties of an entity. */
const eagerProps = (em: EntityManager, entity: EntityClass<object>) =>
  em.getMetadata().get(entity.name).props.filter((p) => !p.lazy && p.persist !== false && p.kind === ReferenceKind.SCALAR);

/** The loaded (non-lazy) columns of an entity as a select list, e.g. one that leaves out password hashes. */
export function eagerColumns(em: EntityManager, entity: EntityClass<object>, alias: string): string {
  return eagerProps(em, entity).flatMap((p) => p.fieldNames.map((column) => `${alias}."${column}"`)).join(', ');
}

/** The same columns of a joined relation, aliased for {@link readOnlyQuery}'s `joined`. */
export function joinedColumns(em: EntityManager, entity: EntityClass<object>, alias: string, relation: string): string {
  return eagerProps(em, entity).flatMap((p) => p.fieldNames.map((column) => `${alias}."${column}" as "${relation}:${column}"`)).join(', ');
}
