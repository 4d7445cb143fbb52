/** What we accept, judged by the first bytes of the content. */
export const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf', 'text/plain; charset=utf-8'] as const;

const startsWith = (head: Buffer, bytes: number[], offset = 0) => bytes.every((byte, i) => head[offset + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Text: valid UTF-8 with no control characters but tab, newline, carriage return and form feed. */
function isPlainText(head: Buffer, complete: boolean): boolean {
  if (!head.length) return false;
  for (const byte of head) if ((byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(byte)) || byte === 0x7f) return false;
  // A sample cut mid-character is fine: drop up to 3 trailing bytes of an unfinished sequence.
  for (let cut = 0; cut <= (complete ? 0 : 3); cut += 1) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try a shorter sample
    }
  }
  return false;
}

/** The content type of a file from its first bytes (`complete`: the sample is the whole file), or null. */
export function sniffContentType(head: Buffer, complete: boolean): (typeof ACCEPTED_TYPES)[number] | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  if (isPlainText(head.subarray(0, 8192), complete && head.length <= 8192)) return 'text/plain; charset=utf-8';
  return null;
}
