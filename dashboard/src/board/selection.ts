import { createSignal, onCleanup } from 'solid-js';

// The board's multi-select (one board on screen at a time).
const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
let anchor: string | null = null;
let order: () => string[] = () => [];

export const selection = {
  selected,
  has: (id: string) => selected().has(id),
  /** The cards in board order, for shift-click ranges; cleared when the board goes away. */
  useOrder(ids: () => string[]) {
    order = ids;
    onCleanup(() => {
      order = () => [];
      selection.clear();
    });
  },
  /** A click toggles one card; a shift-click selects every card from the last clicked one to this one. */
  click(id: string, shift: boolean) {
    const ids = order();
    const from = anchor ? ids.indexOf(anchor) : -1;
    const to = ids.indexOf(id);
    const next = new Set(selected());
    if (shift && from >= 0 && to >= 0) {
      for (const between of ids.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(between);
    } else if (next.has(id)) {
      next.delete(id);
    } else {
      next.add(id);
    }
    anchor = id;
    setSelected(next);
  },
  set(ids: Iterable<string>) {
    setSelected(new Set(ids));
  },
  clear() {
    anchor = null;
    setSelected(new Set<string>());
  },
};
