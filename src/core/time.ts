/**
 * Calendar arithmetic without time-zone surprises.
 *
 * A `Day` is a calendar date in the spreadsheet's time zone, counted as whole days since
 * 1970-01-01. Core code compares and subtracts Days; only the shell converts between Days and the
 * `Date` objects Sheets hands out (a date cell is midnight in the *spreadsheet's* zone, which can
 * differ from the script's zone, so never use Date#getDate() on a cell value).
 * An `Instant` is epoch milliseconds, used where the time of day matters (activity timestamps).
 */
export type Day = number;
export type Instant = number;

const MS_PER_DAY = 86_400_000;

/** Converts instants to local wall-clock time; the shell builds one from the spreadsheet zone. */
export interface Zone {
  readonly id: string;
  /** Minutes to add to UTC to get local time at that instant (Moscow: +180). */
  offsetMinutes(at: Instant): number;
}

export function fixedZone(id: string, offsetMinutes: number): Zone {
  return { id, offsetMinutes: () => offsetMinutes };
}

export function dayFromYmd(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function ymdFromDay(d: Day): Ymd {
  const date = new Date(d * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function weekday(d: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((d + 3) % 7) + 7) % 7) + 1;
}

export function dayOfInstant(at: Instant, zone: Zone): Day {
  return Math.floor((at + zone.offsetMinutes(at) * 60_000) / MS_PER_DAY);
}

/** Minutes since local midnight at that instant. */
export function minuteOfDay(at: Instant, zone: Zone): number {
  const local = at + zone.offsetMinutes(at) * 60_000;
  return Math.floor((((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / 60_000);
}

/** The instant of local midnight starting that day. */
export function startOfDay(d: Day, zone: Zone): Instant {
  const guess = d * MS_PER_DAY;
  // Two passes settle the offset even across a DST change at midnight.
  let at = guess - zone.offsetMinutes(guess) * 60_000;
  at = guess - zone.offsetMinutes(at) * 60_000;
  return at;
}

export function isoDay(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** dd.MM.yyyy, the Russian display format. */
export function formatDay(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${pad(day, 2)}.${pad(month, 2)}.${pad(year, 4)}`;
}

export function parseIsoDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  return validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function validYmd(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return null;
  const d = dayFromYmd(year, month, day);
  const back = ymdFromDay(d);
  return back.month === month && back.day === day ? d : null;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
