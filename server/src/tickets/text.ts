import { badInput } from '../errors';

/** A required free text (title, comment, ...): trimmed, not empty, at most `max` characters. */
export function requiredText(value: string | null | undefined, field: string, max = 5000): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(field, `${field} must not be empty`);
  if (text.length > max) throw badInput(field, `${field} must be at most ${max} characters`);
  return text;
}
