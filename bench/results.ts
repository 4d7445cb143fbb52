import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const RESULTS_FILE = path.join(__dirname, 'RESULTS.md');

/** Replaces (or appends) the `## <title>` section of bench/RESULTS.md, leaving the others alone. */
export function writeResultsSection(title: string, body: string, file = RESULTS_FILE): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const section = `## ${title}\n\n${body.trim()}\n`;
  const lines = current.split('\n');
  const start = lines.findIndex((line) => line.trim() === `## ${title}`);
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`;
  } else {
    const after = lines.findIndex((line, i) => i > start && line.startsWith('## '));
    const head = lines.slice(0, start).join('\n').trimEnd();
    const tail = after === -1 ? '' : `\n${lines.slice(after).join('\n')}`;
    next = `${head}\n\n${section}${tail}`;
  }
  writeFileSync(file, `${next.trimEnd()}\n`);
}
