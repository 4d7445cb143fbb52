import { createSignal, For, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type Column, ListTable } from '../../components/ListTable';
import type { CsvImportKind, ImportCsvMutation as ImportCsvResult } from '../../graphql/generated/graphql';
import { CsvTemplateQuery, ImportCsvMutation } from '../../graphql/imports';
import { mutate, query } from '../../lib/client';
import { createSubmit } from '../../lib/submit';

type RowResult = ImportCsvResult['importCsv']['results'][number];
const KINDS: Array<[CsvImportKind, string]> = [['USERS', 'People'], ['SESSIONS', 'Sessions'], ['INVOICES', 'Invoices (one row per line)']];
const WINDOW = 100;
const COLUMNS: Column[] = ['Row', 'External id', 'Result', 'Problem'];
const WORDS: Record<string, [string, string]> = {
  CREATED: ['New', 'Created'], UPDATED: ['Changes', 'Updated'], UNCHANGED: ['Same as stored', 'Unchanged'],
  STALE: ['Older than stored', 'Skipped: older than stored'], FAILED: ['Problem', 'Failed'],
};

/** Admins bring the business's people, sessions and invoices in from CSV: check every row first, then import. */
export default function CsvImportPage() {
  const [kind, setKind] = createSignal<CsvImportKind>('USERS');
  const [file, setFile] = createSignal<{ name: string; text: string } | null>(null);
  const [checked, setChecked] = createSignal<RowResult[] | null>(null);
  const [imported, setImported] = createSignal<RowResult[] | null>(null);
  const [progress, setProgress] = createSignal<{ done: number; of: number } | null>(null);
  const { busy, error, run, onSubmit } = createSubmit();

  /** Every window of the file through the server, the same call for the check and the import. */
  const pass = async (dryRun: boolean) => {
    const csv = file()!.text;
    const results: RowResult[] = [];
    let items = 1;
    for (let from = 0; from < items; from += WINDOW) {
      const { importCsv } = await mutate(ImportCsvMutation, { kind: kind(), csv, dryRun, fromItem: from, itemCount: WINDOW });
      items = importCsv.items;
      results.push(...importCsv.results);
      setProgress({ done: Math.min(from + WINDOW, items), of: items });
    }
    return results;
  };
  const check = onSubmit(async () => {
    setImported(null);
    setChecked(await pass(true));
  }, () => !file() && 'Choose a CSV file first.');
  const importNow = () => run(async () => setImported(await pass(false)));
  const template = () => run(async () => {
    const { csvTemplate } = await query(CsvTemplateQuery, { kind: kind() });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csvTemplate], { type: 'text/csv' }));
    link.download = `${kind().toLowerCase()}-template.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  });
  const choose = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    setChecked(null);
    setImported(null);
    setProgress(null);
    setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
  };
  const problems = () => (checked() ?? []).filter((r) => r.outcome === 'FAILED').length;
  const shown = () => imported() ?? checked() ?? [];

  return (
    <section aria-labelledby="import-title">
      <div class="page-head"><h1 id="import-title">Import from CSV</h1></div>
      <form class="card inline-form" onSubmit={check} aria-label="Check a file before importing">
        <label>
          What the file holds
          <select value={kind()} onChange={(e) => { setKind(e.currentTarget.value as CsvImportKind); setChecked(null); setImported(null); }}>
            <For each={KINDS}>{([value, label]) => <option value={value}>{label}</option>}</For>
          </select>
        </label>
        <label>
          CSV file
          <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.currentTarget)} />
        </label>
        <button type="button" onClick={() => void template()}>Download template</button>
        <button type="submit" class="primary" disabled={busy() || !file()}>Check file</button>
      </form>
      <p class="muted">Import people first, then sessions, then invoices: each refers to the ones before by their external ids. Nothing is written until you import.</p>
      <ErrorNotice error={error()} />
      <Show when={progress()}>
        {(p) => <p><progress aria-label="Progress" value={p().done} max={p().of} /> {p().done} of {p().of}</p>}
      </Show>
      <Show when={checked() && !imported()}>
        <div class="card" role="status">
          <p>{checked()!.length} rows checked: {problems() ? `${problems()} with problems (they will be skipped; the others import).` : 'no problems.'}</p>
          <button type="button" class="primary" disabled={busy() || problems() === checked()!.length} onClick={() => void importNow()}>Import {checked()!.length - problems()} rows</button>
        </div>
      </Show>
      <Show when={imported()}>
        <p role="status">Imported: {imported()!.filter((r) => r.outcome !== 'FAILED').length} rows done, {imported()!.filter((r) => r.outcome === 'FAILED').length} failed.</p>
      </Show>
      <Show when={shown().length}>
        <ListTable columns={COLUMNS} each={shown()} loading={false} empty="No rows.">
          {(r) => (
            <tr classList={{ inactive: r.outcome === 'FAILED' }}>
              <th scope="row" data-label="Row">{r.row}</th>
              <td data-label="External id">{r.externalId}</td>
              <td data-label="Result">{WORDS[r.outcome][imported() ? 1 : 0]}</td>
              <td data-label="Problem">{r.message ?? ''}</td>
            </tr>
          )}
        </ListTable>
      </Show>
    </section>
  );
}
