import { createMemo, For } from 'solid-js';
import type { BoardFilter } from './filters';
import { CATEGORIES, CATEGORY_LABELS, TICKET_TYPES, TYPE_LABELS } from '../lib/labels';

interface Person {
  id: string;
  name: string;
}

/** Filters for the board; every change goes to the URL, so a filtered board can be shared. */
export function BoardFilters(props: {
  filter: BoardFilter;
  tutors: Person[];
  assignees: Person[];
  onChange: (next: BoardFilter) => void;
}) {
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const set = (change: Partial<BoardFilter>) => props.onChange({ ...props.filter, ...change });
  const withCurrent = (people: Person[], id: string | undefined) =>
    id && !people.some((p) => p.id === id) ? [...people, { id, name: 'Selected person' }] : people;
  const tutors = createMemo(() => withCurrent(props.tutors, props.filter.tutorId));
  const assignees = createMemo(() => withCurrent(props.assignees, props.filter.assigneeId));

  return (
    <form class="filters" role="search" aria-label="Filter tickets" onSubmit={(e) => e.preventDefault()}>
      <label>
        Search
        <input
          type="search"
          placeholder="Title or description"
          value={props.filter.search ?? ''}
          onInput={(e) => {
            const value = e.currentTarget.value;
            clearTimeout(searchTimer);
            searchTimer = setTimeout(() => set({ search: value }), 300);
          }}
        />
      </label>
      <label>
        Type
        <select value={props.filter.type ?? ''} onChange={(e) => set({ type: e.currentTarget.value || undefined })}>
          <option value="">Any</option>
          <For each={TICKET_TYPES}>{(type) => <option value={type}>{TYPE_LABELS[type]}</option>}</For>
        </select>
      </label>
      <label>
        Category
        <select value={props.filter.category ?? ''} onChange={(e) => set({ category: e.currentTarget.value || undefined })}>
          <option value="">Any</option>
          <For each={CATEGORIES}>{(c) => <option value={c}>{CATEGORY_LABELS[c]}</option>}</For>
        </select>
      </label>
      <label>
        Tutor
        <select value={props.filter.tutorId ?? ''} onChange={(e) => set({ tutorId: e.currentTarget.value || undefined })}>
          <option value="">Any</option>
          <For each={tutors()}>{(p) => <option value={p.id}>{p.name}</option>}</For>
        </select>
      </label>
      <label>
        Assignee
        <select
          value={props.filter.assigneeId ?? ''}
          disabled={props.filter.mine}
          onChange={(e) => set({ assigneeId: e.currentTarget.value || undefined })}
        >
          <option value="">Anyone</option>
          <For each={assignees()}>{(p) => <option value={p.id}>{p.name}</option>}</For>
        </select>
      </label>
      <label>
        SLA
        <select value={props.filter.sla?.join(',') ?? ''} onChange={(e) => set({ sla: e.currentTarget.value ? e.currentTarget.value.split(',') : undefined })}>
          <option value="">Any</option>
          <option value="AT_RISK,BREACHED">At risk or breached</option>
          <option value="AT_RISK">At risk</option>
          <option value="BREACHED">Breached</option>
        </select>
      </label>
      <label class="checkbox">
        <input type="checkbox" checked={!!props.filter.mine} onChange={(e) => set({ mine: e.currentTarget.checked })} />
        Assigned to me
      </label>
      <button type="button" class="link-button" onClick={() => props.onChange({})}>Clear filters</button>
    </form>
  );
}
