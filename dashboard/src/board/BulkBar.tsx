import { createSignal, For, Show } from 'solid-js';
import { type BoardFilter, toTicketFilter } from './filters';
import { ErrorNotice } from '../components/ErrorNotice';
import { BulkTicketActionMutation, MatchingTicketIdsQuery } from '../graphql/desk';
import { viewer } from '../lib/auth';
import type { MatchingTicketIdsQuery as MatchingIds } from '../graphql/generated/graphql';
import { mutate, query } from '../lib/client';
import { createSubmit } from '../lib/submit';
import { selection } from './selection';

const MAX_BULK = 200;
const PAST_TENSE = { ASSIGN: 'assigned', COMMENT: 'commented', ESCALATE: 'escalated' } as const;
const WHY = { CONFLICT: 'had moved on', NOT_FOUND: 'no longer exist', FORBIDDEN: 'were not allowed' } as Record<string, string>;
type Action = keyof typeof PAST_TENSE;

/** "18 assigned, 2 had moved on": the outcome per ticket, counted. */
export function summarize(action: Action, results: ReadonlyArray<{ ok: boolean; code?: string | null }>): string {
  const parts = [`${results.filter((r) => r.ok).length} ${PAST_TENSE[action]}`];
  const failed = new Map<string, number>();
  for (const r of results) if (!r.ok) failed.set(WHY[r.code ?? ''] ?? 'failed', (failed.get(WHY[r.code ?? ''] ?? 'failed') ?? 0) + 1);
  for (const [why, count] of failed) parts.push(`${count} ${why}`);
  return parts.join(', ');
}

/** Bulk actions on the selected cards; each ticket succeeds or fails on its own. */
export function BulkBar(props: { filter: BoardFilter; assignees: Array<{ id: string; name: string }>; onDone?: () => void }) {
  const [summary, setSummary] = createSignal('');
  const { busy, error, setError, run: send } = createSubmit();
  const count = () => selection.selected().size;

  const run = (action: Action, extra: { assigneeId?: string | null; comment?: string; internal?: boolean }) =>
    send(async () => {
      const data = await mutate(BulkTicketActionMutation, { input: { ticketIds: [...selection.selected()], action, ...extra } });
      setSummary(summarize(action, data.bulkTicketAction));
      selection.clear();
      props.onDone?.();
    });

  const selectAllMatching = async () => {
    setError(null);
    try {
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const data: MatchingIds = await query(MatchingTicketIdsQuery, { filter: toTicketFilter(props.filter, viewer()?.id) as never, first: 100, after });
        ids.push(...data.tickets.edges.map((e) => e.node.id));
        after = data.tickets.pageInfo.hasNextPage ? data.tickets.pageInfo.endCursor ?? null : null;
      } while (after && ids.length < MAX_BULK);
      selection.set(ids.slice(0, MAX_BULK));
    } catch (e) {
      setError(e);
    }
  };

  const submit = (form: HTMLFormElement, action: Action) => {
    const data = new FormData(form);
    const comment = String(data.get('comment') ?? '');
    if (action === 'ASSIGN') void run(action, { assigneeId: String(data.get('assignee') ?? '') || null });
    else void run(action, { comment, internal: data.get('internal') === 'on' });
  };

  return (
    <div class="bulk-bar" role="region" aria-label="Bulk actions" data-testid="bulk-bar">
      <Show when={count()} fallback={<button type="button" class="link-button" onClick={() => void selectAllMatching()}>Select all matching</button>}>
        <form onSubmit={(e) => e.preventDefault()}>
          <strong data-testid="selected-count">{count()} selected</strong>
          <label>
            Assign to
            <select name="assignee">
              <option value={viewer()?.id ?? ''}>Me</option>
              <For each={props.assignees.filter((a) => a.id !== viewer()?.id)}>{(a) => <option value={a.id}>{a.name}</option>}</For>
              <option value="">Nobody</option>
            </select>
          </label>
          <button type="button" class="primary" disabled={busy()} onClick={(e) => submit(e.currentTarget.form!, 'ASSIGN')}>Assign</button>
          <label>Comment or reason <input name="comment" maxLength={5000} /></label>
          <label class="checkbox"><input type="checkbox" name="internal" /> Internal</label>
          <button type="button" disabled={busy()} onClick={(e) => submit(e.currentTarget.form!, 'COMMENT')}>Comment</button>
          <button type="button" disabled={busy()} onClick={(e) => submit(e.currentTarget.form!, 'ESCALATE')}>Escalate</button>
          <button type="button" class="link-button" onClick={() => void selectAllMatching()}>Select all matching</button>
          <button type="button" class="link-button" onClick={() => selection.clear()}>Clear selection</button>
        </form>
      </Show>
      <Show when={summary()}><p role="status" data-testid="bulk-summary">{summary()}</p></Show>
      <ErrorNotice error={error()} />
    </div>
  );
}
