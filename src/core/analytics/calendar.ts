/**
 * The Russian working-day calendar: Monday-Friday, the fixed public holidays of the Labor Code
 * (art. 112), the carry-over of a holiday that falls on a weekend to the next working day (except
 * 1-8 January, whose weekends the government moves by its yearly decree), and on top of all that
 * the workbook's own list (Settings -> calendar): days off and transferred working days, which
 * always win. The yearly decree is data in that list, never code.
 */
import type { CalendarException } from '../types';
import {
  dayFromYmd,
  startOfDay,
  weekday,
  ymdFromDay,
  type Day,
  type Instant,
  type Zone,
} from '../time';

/** [month, day] of the fixed public holidays. */
export const FIXED_HOLIDAYS: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [1, 2],
  [1, 3],
  [1, 4],
  [1, 5],
  [1, 6],
  [1, 7],
  [1, 8],
  [2, 23],
  [3, 8],
  [5, 1],
  [5, 9],
  [6, 12],
  [11, 4],
];

const isWeekend = (d: Day): boolean => weekday(d) >= 6;

/** Statutory days off of a year (fixed holidays plus art. 112 carry-overs), before exceptions. */
export function statutoryHolidays(year: number): Set<Day> {
  const fixed = FIXED_HOLIDAYS.map(([m, d]) => dayFromYmd(year, m, d));
  const off = new Set<Day>(fixed);
  for (const d of fixed) {
    if (ymdFromDay(d).month === 1 || !isWeekend(d)) continue;
    let next = d + 1;
    while (isWeekend(next) || off.has(next)) next++;
    off.add(next);
  }
  return off;
}

export interface WorkingHours {
  /** Minutes after local midnight when the working day starts (9:00 = 540) and ends. */
  startMinute: number;
  endMinute: number;
}

export const DEFAULT_HOURS: WorkingHours = { startMinute: 9 * 60, endMinute: 18 * 60 };

interface YearTable {
  first: Day;
  /** cumulative[i] = working days among the first i days of the year. */
  cumulative: Int32Array;
}

export class WorkCalendar {
  private readonly overrides = new Map<Day, boolean>();
  private readonly years = new Map<number, YearTable>();

  constructor(exceptions: readonly CalendarException[] = []) {
    for (const e of exceptions) this.overrides.set(e.day, !e.dayOff);
  }

  isWorkingDay(day: Day): boolean {
    const t = this.table(ymdFromDay(day).year);
    const i = day - t.first;
    return t.cumulative[i + 1] > t.cumulative[i];
  }

  /** Working days from start to end, both included; 0 when end is before start. */
  workingDaysBetween(start: Day, end: Day): number {
    if (end < start) return 0;
    return this.countUpTo(end) - this.countUpTo(start - 1);
  }

  /** The first working day on or after `day`. */
  workingDayOnOrAfter(day: Day): Day {
    let d = day;
    while (!this.isWorkingDay(d)) d++;
    return d;
  }

  /** The working day `n` working days after `day` (n >= 1), skipping days off. */
  addWorkingDays(day: Day, n: number): Day {
    let d = day;
    let left = n;
    while (left > 0) {
      d++;
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Working days in the year of `day` up to and including it, plus all earlier years since 1970. */
  private countUpTo(day: Day): number {
    const { year } = ymdFromDay(day);
    const t = this.table(year);
    return this.beforeYear(year) + t.cumulative[day - t.first + 1];
  }

  private readonly yearStarts = new Map<number, number>();

  /** Working days in whole years before `year`, relative to year 2000 (only differences matter). */
  private beforeYear(year: number): number {
    const cached = this.yearStarts.get(year);
    if (cached !== undefined) return cached;
    let total = 0;
    if (year > 2000) for (let y = 2000; y < year; y++) total += this.yearTotal(y);
    else for (let y = year; y < 2000; y++) total -= this.yearTotal(y);
    this.yearStarts.set(year, total);
    return total;
  }

  private yearTotal(year: number): number {
    const t = this.table(year);
    return t.cumulative[t.cumulative.length - 1];
  }

  private table(year: number): YearTable {
    let t = this.years.get(year);
    if (t) return t;
    const first = dayFromYmd(year, 1, 1);
    const days = dayFromYmd(year + 1, 1, 1) - first;
    const off = statutoryHolidays(year);
    const cumulative = new Int32Array(days + 1);
    for (let i = 0; i < days; i++) {
      const d = first + i;
      const override = this.overrides.get(d);
      const working = override ?? (!isWeekend(d) && !off.has(d));
      cumulative[i + 1] = cumulative[i] + (working ? 1 : 0);
    }
    t = { first, cumulative };
    this.years.set(year, t);
    return t;
  }
}

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** Local day and fractional minute of an instant. */
function localParts(at: Instant, zone: Zone): { day: Day; minute: number } {
  const local = at + zone.offsetMinutes(at) * MS_PER_MINUTE;
  const day = Math.floor(local / MS_PER_DAY);
  return { day, minute: (local - day * MS_PER_DAY) / MS_PER_MINUTE };
}

/**
 * Working minutes between two instants: only the part of each working day between the
 * workday's start and end counts (a lead at 17:55 answered at 9:10 next working day took 15).
 * 0 when `to` is not after `from`.
 */
export function workingMinutesBetween(
  from: Instant,
  to: Instant,
  zone: Zone,
  calendar: WorkCalendar,
  hours: WorkingHours = DEFAULT_HOURS,
): number {
  if (!(to > from)) return 0;
  const { startMinute: ws, endMinute: we } = hours;
  const a = localParts(from, zone);
  const b = localParts(to, zone);
  const clip = (lo: number, hi: number): number => Math.max(0, Math.min(hi, we) - Math.max(lo, ws));
  let total: number;
  if (a.day === b.day) {
    total = calendar.isWorkingDay(a.day) ? clip(a.minute, b.minute) : 0;
  } else {
    total = calendar.isWorkingDay(a.day) ? clip(a.minute, 24 * 60) : 0;
    total += calendar.isWorkingDay(b.day) ? clip(0, b.minute) : 0;
    total += calendar.workingDaysBetween(a.day + 1, b.day - 1) * Math.max(0, we - ws);
  }
  return Math.round(total * 1000) / 1000;
}

/** The instant `minutes` working minutes after `at` (a response deadline). */
export function addWorkingMinutes(
  at: Instant,
  minutes: number,
  zone: Zone,
  calendar: WorkCalendar,
  hours: WorkingHours = DEFAULT_HOURS,
): Instant {
  if (minutes <= 0) return at;
  const { startMinute: ws, endMinute: we } = hours;
  if (we <= ws) return at;
  let { day, minute } = localParts(at, zone);
  let left = minutes;
  for (;;) {
    if (calendar.isWorkingDay(day) && minute < we) {
      const begin = Math.max(minute, ws);
      const available = we - begin;
      if (left <= available) {
        return startOfDay(day, zone) + Math.round((begin + left) * MS_PER_MINUTE);
      }
      left -= available;
    }
    day = calendar.workingDayOnOrAfter(day + 1);
    minute = 0;
  }
}
