import { badInput } from '../errors';

/** A required free text (title, comment, ...): trimmed, not empty, at most `max` characters. */
export function requiredText(value: string | null | undefined, field: string, max = 5000): string {
  const text = (value ?? '').trim();
  const what = WHAT[field] ?? 'This text';
  if (!text) throw badInput(field, `${what} is empty: write a few words`);
  if (text.length > max) {
    throw badInput(field, `${what} is too long: ${text.length.toLocaleString('en')} characters, at most ${max.toLocaleString('en')} fit. Shorten it by ${(text.length - max).toLocaleString('en')}.`);
  }
  return text;
}

/** The fields' names as people know them. */
const WHAT: Record<string, string> = {
  body: 'The message', comment: 'The comment', title: 'The title', description: 'The description', reason: 'The reason', name: 'The name',
};
