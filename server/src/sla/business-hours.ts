/**
 * Business time: SLA clocks run only inside office hours, in the business's time zone, and not on
 * its days off. Plain functions of their arguments (tests pass their own instants).
 */
export interface BusinessHours {
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  /** Office hours per ISO weekday (1 Monday .. 7 Sunday), minutes after local midnight; a missing day is closed. */
  week: Array<{ weekday: number; openMinute: number; closeMinute: number }>;
  /** Local dates (YYYY-MM-DD) the office is closed. */
  daysOff: string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** A clock that finds no open minute within this many days stops looking (a week with no hours). */
const SEARCH_DAYS = 400;

/** The offset of `timeZone` from UTC at `instant`, in ms (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant of local midnight + `minute` on the local date `day` (days since 1970-01-01, local). */
function localToInstant(day: number, minute: number, timeZone: string): number {
  const wall = day * DAY + minute * MINUTE;
  let instant = wall - offsetAt(wall, timeZone);
  // Once more: the offset may differ on the other side of a daylight-saving change.
  instant = wall - offsetAt(instant, timeZone);
  return instant;
}

const localDay = (instant: number, timeZone: string) => Math.floor((instant + offsetAt(instant, timeZone)) / DAY);
const isoDate = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** ISO weekday of a local day number (1970-01-01 was a Thursday). */
const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** The open intervals [start, end) of the local day `day`, as instants. */
function openIntervals(day: number, hours: BusinessHours): Array<[number, number]> {
  if (hours.daysOff.includes(isoDate(day))) return [];
  return hours.week
    .filter((w) => w.weekday === weekdayOf(day) && w.closeMinute > w.openMinute)
    .map((w) => [localToInstant(day, w.openMinute, hours.timeZone), localToInstant(day, w.closeMinute, hours.timeZone)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
}

/**
 * The instant at which `durationMs` of business time has passed after `start`; with no business
 * hours (null) plain wall-clock time. Null when the hours never open (no SLA can be met then).
 */
export function addBusinessTime(start: Date, durationMs: number, hours: BusinessHours | null): Date | null {
  if (!hours) return new Date(start.getTime() + durationMs);
  let left = durationMs;
  const from = start.getTime();
  const first = localDay(from, hours.timeZone);
  for (let day = first - 1; day < first + SEARCH_DAYS; day += 1) {
    for (const [open, close] of openIntervals(day, hours)) {
      const begin = Math.max(open, from);
      if (close <= begin) continue;
      if (close - begin >= left) return new Date(begin + left);
      left -= close - begin;
    }
  }
  return null;
}

/** Business time between two instants (0 when `to` is not after `from`). */
export function businessTimeBetween(from: Date, to: Date, hours: BusinessHours | null): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (!hours) return b - a;
  let total = 0;
  const last = localDay(b, hours.timeZone);
  for (let day = localDay(a, hours.timeZone) - 1; day <= last + 1; day += 1) {
    for (const [open, close] of openIntervals(day, hours)) total += Math.max(0, Math.min(close, b) - Math.max(open, a));
  }
  return total;
}

/** Whether `timeZone` is one this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
