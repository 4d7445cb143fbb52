import type { BoardState, TicketStatus } from './types';

/**
 * Hooks for bench/dashboard.ts: how long live events took to reach the DOM, and paging on
 * demand, on `window.__board`. Only a build with VITE_BENCH_HOOKS=1 (or the dev server) calls
 * these; every call site is behind `BENCH_HOOKS`, which Vite replaces by a constant, so the
 * production bundle drops them and this module.
 */
export const BENCH_HOOKS = import.meta.env.DEV || import.meta.env.VITE_BENCH_HOOKS === '1';

const eventTimings: number[] = [];
const lastApplied = { at: 0 };

/** Records one live event: `arrived` is when it came in, now is when the DOM shows it. */
export function recordEventTiming(arrived: number) {
  lastApplied.at = performance.now();
  eventTimings.push(lastApplied.at - arrived);
  if (eventTimings.length > 50) eventTimings.shift();
}

export function exposeBoard<T>(board: { state: () => BoardState<T>; loadMore: (status: TicketStatus) => Promise<void> }) {
  (window as unknown as { __board: unknown }).__board = {
    eventTimings,
    loadMore: board.loadMore,
    state: board.state,
    get lastAppliedAt() {
      return lastApplied.at;
    },
  };
}
