import { badInput } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an ID argument; a malformed one is BAD_USER_INPUT naming the field. */
export function parseId(value: string, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw badInput(field, `${field} is not a valid id`);
  return value.toLowerCase();
}

export function parseIds(values: readonly string[], field: string): string[] {
  return values.map((v) => parseId(v, field));
}
