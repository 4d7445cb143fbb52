import { createMemo, For } from 'solid-js';
import type { BoardFilter } from './filters';
import { CATEGORIES, CATEGORY_LABELS, TICKET_TYPES, TYPE_LABELS } from '../lib/labels';

interface Person {
  id: string;
  name: string;
}
const SLA_CHOICES = [
  { value: 'AT_RISK,BREACHED', label: 'At risk or breached' },
  { value: 'AT_RISK', label: 'At risk' },
  { value: 'BREACHED', label: 'Breached' },
] as const;

/** One filter as a select; its first option, value "", is no filter (undefined). */
function FilterSelect<T>(props: {
  label: string;
  any: string;
  value: string | undefined;
  items: readonly T[];
  valueOf: (item: T) => string;
  labelOf: (item: T) => string;
  disabled?: boolean;
  onPick: (value: string | undefined) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value ?? ''} disabled={props.disabled} onChange={(e) => props.onPick(e.currentTarget.value || undefined)}>
        <option value="">{props.any}</option>
        <For each={props.items}>{(item) => <option value={props.valueOf(item)}>{props.labelOf(item)}</option>}</For>
      </select>
    </label>
  );
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
      <FilterSelect label="Type" any="Any" value={props.filter.type} items={TICKET_TYPES} valueOf={(t) => t} labelOf={(t) => TYPE_LABELS[t]} onPick={(type) => set({ type })} />
      <FilterSelect label="Category" any="Any" value={props.filter.category} items={CATEGORIES} valueOf={(c) => c} labelOf={(c) => CATEGORY_LABELS[c]} onPick={(category) => set({ category })} />
      <FilterSelect label="Tutor" any="Any" value={props.filter.tutorId} items={tutors()} valueOf={(p) => p.id} labelOf={(p) => p.name} onPick={(tutorId) => set({ tutorId })} />
      <FilterSelect
        label="Assignee"
        any="Anyone"
        value={props.filter.assigneeId}
        disabled={props.filter.mine}
        items={assignees()}
        valueOf={(p) => p.id}
        labelOf={(p) => p.name}
        onPick={(assigneeId) => set({ assigneeId })}
      />
      <FilterSelect label="SLA" any="Any" value={props.filter.sla?.join(',')} items={SLA_CHOICES} valueOf={(c) => c.value} labelOf={(c) => c.label} onPick={(sla) => set({ sla: sla?.split(',') })} />
      <label class="checkbox">
        <input type="checkbox" checked={!!props.filter.mine} onChange={(e) => set({ mine: e.currentTarget.checked })} />
        Assigned to me
      </label>
      <button type="button" class="link-button" onClick={() => props.onChange({})}>Clear filters</button>
    </form>
  );
}
