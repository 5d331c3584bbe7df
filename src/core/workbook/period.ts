/**
 * Reporting periods: a month ("2026-11"), a quarter ("2026-Q4") or a year ("2026"). Plans are
 * keyed by these labels, so the label is the identity of a period.
 */
import { dayFromYmd, dayOfInstant, validYmd, ymdFromDay, type Day, type Zone } from '../time';

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
 * The one period parser of the product: the Plans sheet, the custom functions, the dashboard and
 * the sidebar all read what people type through it, so a period one accepts the others accept.
 *
 * Accepted: "2026-11", "2026.11", "11.2026", "11/2026"; "2026-Q4", "2026 Q4", "Q4 2026",
 * "4 кв. 2026", "IV квартал 2026", "2026-4кв"; "2026" or the number 2026; month names in Russian
 * or English, any case and grammatical case ("ноябрь 2026", "ноября 2026 г.", "Nov 2026",
 * "November 2026"); a date cell, meaning its month. A date is read in `zone` when given; without
 * one it is read at noon UTC of its UTC day, which keeps a date typed at local midnight in its own
 * month for every zone from -12 to +12.
 * A plain number other than a year is refused: it could be a year, a Day or a Sheets serial.
 * Returns null for anything else (the caller names the argument in its message).
 */
export function parsePeriod(value: unknown, zone?: Zone): Period | null {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') {
    const ms = (value as Date).getTime();
    if (!Number.isFinite(ms)) return null;
    const d = zone ? dayOfInstant(ms, zone) : Math.floor((ms + 12 * 3_600_000) / 86_400_000);
    const { year: y, month: mo } = ymdFromDay(d);
    return month(y, mo);
  }
  if (typeof value === 'number') return Number.isInteger(value) ? year(value) : null;
  if (typeof value !== 'string') return null;
  // Labels the core wrote itself come back most often (plans are keyed by them): no rewriting.
  let m = CANONICAL.exec(value);
  if (m) return m[2] ? month(+m[1], +m[2]) : m[3] ? quarter(+m[1], +m[3]) : year(+m[1]);
  const s = value
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
    // "2026 г.", "2026 года": the year word adds nothing.
    .replace(/(\d{4}) ?(?:г\.?|года?)$/, '$1');
  m = /^(\d{4})$/.exec(s);
  if (m) return year(+m[1]);
  // A date stands for its month ("2026-11-01", "01.11.2026"): what a date cell typed as a period
  // reads as (in the spreadsheet's zone, see dateCellText), or a date written as text.
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s) ?? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) {
    const [y, mo, d] = m[1].length === 4 ? [+m[1], +m[2], +m[3]] : [+m[3], +m[2], +m[1]];
    return validYmd(y, mo, d) === null ? null : month(y, mo);
  }
  m = /^(\d{4})[-./ ](\d{1,2})$/.exec(s);
  if (m) return month(+m[1], +m[2]);
  m = /^(\d{1,2})[-./ ](\d{4})$/.exec(s);
  if (m) return month(+m[2], +m[1]);
  m = YEAR_QUARTER.exec(s) ?? YEAR_NUMBER_QUARTER.exec(s);
  if (m) return quarter(+m[1], quarterNumber(m[2]));
  m = QUARTER_YEAR.exec(s) ?? NUMBER_QUARTER_YEAR.exec(s);
  if (m) return quarter(+m[2], quarterNumber(m[1]));
  m = /^([a-zа-я]+)\.?[-., /]*(\d{4})$/.exec(s) ?? /^(\d{4})[-., /]*([a-zа-я]+)\.?$/.exec(s);
  if (m) {
    const [word, y] = /\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
    const mo = monthNumber(word);
    if (mo) return month(+y, mo);
  }
  return null;
}

const CANONICAL = /^(\d{4})(?:-(\d{2})|-Q([1-4]))?$/;
// "q", "кв.", "квартал"... and the quarter's number, Arabic or Roman ("IV квартал 2026").
const Q = '(?:q|qtr|quarter|к|кв|кварт|квартал)\\.?';
const N = '([1-4]|i{1,3}|iv)';
const YEAR_QUARTER = new RegExp(`^(\\d{4})[-. ]?${Q} ?${N}$`);
const YEAR_NUMBER_QUARTER = new RegExp(`^(\\d{4})[-. ]?${N} ?${Q}$`);
const QUARTER_YEAR = new RegExp(`^${Q} ?${N}[-., /]*(\\d{4})$`);
const NUMBER_QUARTER_YEAR = new RegExp(`^${N}(?:-?й)? ?${Q}[-., /]*(\\d{4})$`);
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const quarterNumber = (text: string): number => ROMAN[text] ?? +text;

/** Russian stems take the case endings ("ноябрь", "ноября", "ноябре"); May's stem is "ма". */
const RU_STEMS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
export const RU_NAMES = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
export const EN_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const RU_ENDINGS = ['', 'ь', 'й', 'я', 'е', 'а', 'у', 'ом', 'ем'];

/** 1-12 for a month name or its abbreviation of three letters or more ("нояб", "Sept"); else 0. */
function monthNumber(word: string): number {
  for (let i = 0; i < 12; i++) {
    const stem = RU_STEMS[i];
    if (word.startsWith(stem) && RU_ENDINGS.includes(word.slice(stem.length)) && word.length > 2)
      return i + 1;
    if (word.length >= 3 && (RU_NAMES[i].startsWith(word) || EN_NAMES[i].startsWith(word)))
      return i + 1;
  }
  return 0;
}

const okYear = (y: number): boolean => y >= 1900 && y <= 2200;
const year = (y: number): Period | null => (okYear(y) ? yearPeriod(y) : null);
const month = (y: number, mo: number): Period | null =>
  okYear(y) && mo >= 1 && mo <= 12 ? monthPeriod(y, mo) : null;
const quarter = (y: number, q: number): Period | null =>
  okYear(y) && q >= 1 && q <= 4 ? quarterPeriod(y, q) : null;

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
