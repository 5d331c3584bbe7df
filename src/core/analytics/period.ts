/**
 * Reporting periods: a month ("2026-11"), a quarter ("2026-Q4") or a year ("2026"). Plans are
 * keyed by these labels, so the label is the identity of a period.
 */
import { dayFromYmd, ymdFromDay, type Day } from '../time';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1-12, quarter 1-4, or 1 for a year. */
  index: number;
  /** First and last day, both included. */
  start: Day;
  end: Day;
  /** Canonical label: "2026-11", "2026-Q4", "2026". */
  label: string;
}

function lastDayOfMonth(year: number, month: number): Day {
  return dayFromYmd(year, month + 1, 1) - 1; // Date.UTC rolls month 13 into January.
}

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: 'month',
    year,
    index: month,
    start: dayFromYmd(year, month, 1),
    end: lastDayOfMonth(year, month),
    label: `${year}-${String(month).padStart(2, '0')}`,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  return {
    kind: 'quarter',
    year,
    index: quarter,
    start: dayFromYmd(year, quarter * 3 - 2, 1),
    end: lastDayOfMonth(year, quarter * 3),
    label: `${year}-Q${quarter}`,
  };
}

export function yearPeriod(year: number): Period {
  return {
    kind: 'year',
    year,
    index: 1,
    start: dayFromYmd(year, 1, 1),
    end: dayFromYmd(year, 12, 31),
    label: String(year),
  };
}

/**
 * Reads "2026-11", "2026-Q4" (also "2026 Q4", "Q4 2026", "2026-4кв"), "2026", or a month written
 * "11.2026". Returns null for anything else (the caller names the argument in its message).
 */
export function parsePeriod(text: unknown): Period | null {
  if (typeof text === 'number' && Number.isInteger(text)) return year(text);
  if (typeof text !== 'string') return null;
  const s = text.trim().toUpperCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})$/.exec(s);
  if (m) return year(Number(m[1]));
  m = /^(\d{4})[-./ ](\d{1,2})$/.exec(s);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-./ ](\d{4})$/.exec(s);
  if (m) return month(Number(m[2]), Number(m[1]));
  m = /^(\d{4})[- ]?(?:Q|К|КВ)([1-4])$/.exec(s) ?? /^(\d{4})[- ]?([1-4]) ?(?:Q|КВ)\.?$/.exec(s);
  if (m) return quarter(Number(m[1]), Number(m[2]));
  m = /^(?:Q|К|КВ)([1-4])[- ]?(\d{4})$/.exec(s) ?? /^([1-4]) ?(?:Q|КВ)\.?[- ]?(\d{4})$/.exec(s);
  if (m) return quarter(Number(m[2]), Number(m[1]));
  return null;
}

const okYear = (y: number): boolean => y >= 1900 && y <= 2200;
const year = (y: number): Period | null => (okYear(y) ? yearPeriod(y) : null);
const month = (y: number, mo: number): Period | null =>
  okYear(y) && mo >= 1 && mo <= 12 ? monthPeriod(y, mo) : null;
const quarter = (y: number, q: number): Period | null => (okYear(y) ? quarterPeriod(y, q) : null);

/** The period of that kind that contains the day. */
export function periodContaining(day: Day, kind: PeriodKind): Period {
  const { year: y, month: mo } = ymdFromDay(day);
  if (kind === 'month') return monthPeriod(y, mo);
  if (kind === 'quarter') return quarterPeriod(y, Math.ceil(mo / 3));
  return yearPeriod(y);
}

/** The periods one level down: a year's quarters, a quarter's months; a month has none. */
export function childPeriods(p: Period): Period[] {
  if (p.kind === 'year') return [1, 2, 3, 4].map((q) => quarterPeriod(p.year, q));
  if (p.kind === 'quarter') return [0, 1, 2].map((i) => monthPeriod(p.year, p.index * 3 - 2 + i));
  return [];
}

/** Every month inside the period, in order. */
export function monthsOf(p: Period): Period[] {
  if (p.kind === 'month') return [p];
  if (p.kind === 'quarter') return childPeriods(p);
  return Array.from({ length: 12 }, (_, i) => monthPeriod(p.year, i + 1));
}

/** The period one level up (month -> quarter -> year); a year has none. */
export function parentPeriod(p: Period): Period | null {
  if (p.kind === 'month') return quarterPeriod(p.year, Math.ceil(p.index / 3));
  if (p.kind === 'quarter') return yearPeriod(p.year);
  return null;
}

/** The period of the same kind just before (-1) or after (+1). */
export function shiftPeriod(p: Period, by: number): Period {
  if (p.kind === 'year') return yearPeriod(p.year + by);
  const per = p.kind === 'month' ? 12 : 4;
  const n = p.year * per + (p.index - 1) + by;
  const y = Math.floor(n / per);
  const i = n - y * per + 1;
  return p.kind === 'month' ? monthPeriod(y, i) : quarterPeriod(y, i);
}

export function inPeriod(day: Day | null, p: Period): boolean {
  return day !== null && day >= p.start && day <= p.end;
}
