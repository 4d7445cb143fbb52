import { createEffect, createMemo, createSignal, For, type JSX, onCleanup, onMount } from 'solid-js';

interface Props<T> {
  items: readonly T[];
  /** Every row has this height (px); that is what makes windowing cheap. */
  itemHeight: number;
  /** How many items the list really has (loaded or not), for screen readers. */
  total?: number;
  overscan?: number;
  label: string;
  class?: string;
  /** Called when the last rendered row is close to the end of what is loaded. */
  onNearEnd?: () => void;
  children: (item: T) => JSX.Element;
}

/** A scrolling list that renders only the rows in view, so a column of 10,000 stays light. */
export function VirtualList<T>(props: Props<T>) {
  let scroller!: HTMLDivElement;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewport, setViewport] = createSignal(800);

  onMount(() => {
    const observer = new ResizeObserver(() => setViewport(scroller.clientHeight || 800));
    observer.observe(scroller);
    onCleanup(() => observer.disconnect());
  });

  const range = createMemo(() => {
    const overscan = props.overscan ?? 6;
    const start = Math.max(0, Math.floor(scrollTop() / props.itemHeight) - overscan);
    const end = Math.min(props.items.length, Math.ceil((scrollTop() + viewport()) / props.itemHeight) + overscan);
    return { start, end };
  });
  const visible = createMemo(() => props.items.slice(range().start, range().end));

  createEffect(() => {
    if (props.onNearEnd && range().end >= props.items.length - 5) props.onNearEnd();
  });

  let frame = 0;
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      setScrollTop(scroller.scrollTop);
    });
  };
  onCleanup(() => cancelAnimationFrame(frame));

  return (
    <div ref={scroller} class={`vlist ${props.class ?? ''}`} onScroll={onScroll} role="list" aria-label={props.label}>
      <div class="vlist-spacer" style={{ height: `${props.items.length * props.itemHeight}px` }}>
        <div class="vlist-window" style={{ transform: `translateY(${range().start * props.itemHeight}px)` }}>
          <For each={visible()}>
            {(item, index) => (
              <div
                role="listitem"
                class="vlist-row"
                style={{ height: `${props.itemHeight}px` }}
                aria-setsize={props.total ?? props.items.length}
                aria-posinset={range().start + index() + 1}
              >
                {props.children(item)}
              </div>
            )}
          </For>
        </div>
      </div>
    </div>
  );
}
