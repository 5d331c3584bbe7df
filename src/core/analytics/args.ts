/**
 * Reading custom-function arguments: ranges arrive as 2-D arrays WITH their header row, single
 * cells as their values (a date as a Date at midnight in the spreadsheet's zone). Bad arguments
 * become a UserError naming the argument, which the shell shows in the user's language.
 */
import {
  locateHeader,
  MissingColumns,
  readTable,
  readTyped,
  type RawRecord,
} from '../workbook/tables';
import { parseDay, parseInstant } from '../workbook/normalize';
import { UserError } from '../errors';
import { normalizeHeader } from '../workbook/headers';
import type { SheetDef } from '../workbook/schema';
import type { Day, Zone } from '../time';
import type { Activity, FactBasis, Lang, PlanLevel } from '../types';
import { parsePeriod, periodContaining, type Period } from './period';

export type Grid = unknown[][];

/**
 * Arrays already checked: a range argument is asked about by the language pick, the reader and
 * the blank checks, and at 20,000 rows each walk is felt in a custom function's cold code.
 * Sheets hands each call fresh arrays, and nothing here changes them.
 */
const grids = new WeakSet<object>();

export function isGrid(v: unknown): v is Grid {
  if (!Array.isArray(v) || v.length === 0) return false;
  if (grids.has(v)) return true;
  for (let i = 0; i < v.length; i++) if (!Array.isArray(v[i])) return false;
  grids.add(v);
  return true;
}

export function isBlank(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    v === '' ||
    (isGrid(v) && v.every((r) => r.every((c) => c === '')))
  );
}

const badArgument = (name: string, problem: string): UserError =>
  new UserError('error.badArgument', { name, problem });

/** Problems are texts already in the user's language (they go into error.badArgument). */
export interface ArgReader {
  lang: Lang;
  zone: Zone;
  problem(
    key:
      | 'an.arg.notRange'
      | 'an.arg.missingColumns'
      | 'an.arg.period'
      | 'an.arg.date'
      | 'an.arg.level'
      | 'an.arg.order'
      | 'fc.arg.basis'
      | 'money.arg.by'
      | 'money.arg.byDiscounts'
      | 'fc.arg.count'
      | 'fc.arg.needInvoices',
    params?: Record<string, string>,
  ): string;
}

/**
 * The records of a range argument. `keys` limits parsing to the columns the function uses (plus
 * the required ones): a 50,000-row range parses in half the time when its text and timestamp
 * columns are skipped.
 */
export function tableArg(
  r: ArgReader,
  name: string,
  value: unknown,
  def: SheetDef,
  keys?: readonly string[],
): RawRecord[] {
  if (!isGrid(value)) throw badArgument(name, r.problem('an.arg.notRange'));
  const used = keys
    ? { ...def, columns: def.columns.filter((c) => c.required || keys.includes(c.key)) }
    : def;
  try {
    return readTable(value, used, r.zone).records;
  } catch (e) {
    if (e instanceof MissingColumns) {
      const columns = e.missing.map((c) => (r.lang === 'en' ? c.en : c.ru)).join('», «');
      throw badArgument(name, r.problem('an.arg.missingColumns', { columns }));
    }
    throw e;
  }
}

/**
 * The range with only its header rows and the rows whose `key` cell passes `keep`: a function that
 * needs a fraction of a large range (the lines of a year's closed deals among 100,000) drops the
 * rest before parsing, which is where a cold run spends its time. Rows are shared, not copied. A
 * range that is not one, or whose header is not found, comes back as it is, so the reader names
 * the problem as usual; so does a range without that (optional) column.
 */
export function rowsWhere(
  value: unknown,
  def: SheetDef,
  key: string,
  keep: (cell: unknown) => boolean,
): unknown {
  if (!isGrid(value)) return value;
  const found = locateHeader(value, def.columns);
  if ('missing' in found) return value;
  const at = found.map.index[key];
  if (at === undefined) return value;
  const out: Grid = value.slice(0, found.headerRow + 1);
  for (let r = found.headerRow + 1; r < value.length; r++) {
    if (keep(value[r][at])) out.push(value[r]);
  }
  grids.add(out); // its rows were checked with the range's
  return out;
}

/**
 * Typed records of a range argument, straight from its cells (see readTyped): what
 * `tableArg(...).map(toX)` gives without the intermediate records, e.g.
 * `typedArg(run, 'deals', deals, DEALS, toDeal, DEAL_KEYS.figures)`.
 */
export function typedArg<T>(
  r: ArgReader,
  name: string,
  value: unknown,
  def: SheetDef,
  to: (record: RawRecord) => T | null,
  keys?: readonly string[],
): T[] {
  return readArg(r, name, value, (grid) => readTyped(grid, def, r.zone, to, { keys }));
}

/**
 * A range argument through a sheet reader of records.ts (e.g. `readDeals`, one pass over the rows),
 * with the same argument errors as typedArg.
 */
export function readArg<T>(r: ArgReader, name: string, value: unknown, read: (grid: Grid) => T): T {
  if (!isGrid(value)) throw badArgument(name, r.problem('an.arg.notRange'));
  try {
    return read(value);
  } catch (e) {
    if (e instanceof MissingColumns) {
      const columns = e.missing.map((c) => (r.lang === 'en' ? c.en : c.ru)).join('», «');
      throw badArgument(name, r.problem('an.arg.missingColumns', { columns }));
    }
    throw e;
  }
}

const shown = (v: unknown): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v);

/** A period text; a date cell (Sheets turns "2026-11" into 01.11.2026) means its month. */
export function periodArg(r: ArgReader, name: string, value: unknown): Period {
  const v = isGrid(value) ? value[0][0] : value;
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
    const d = parseDay(v, r.zone);
    if (d !== null) return periodContaining(d, 'month');
  }
  const p = parsePeriod(typeof v === 'number' ? v : String(v ?? ''));
  if (!p) throw badArgument(name, r.problem('an.arg.period', { value: shown(v ?? '') }));
  return p;
}

/** An optional date: null when blank. */
export function dayArg(r: ArgReader, name: string, value: unknown): Day | null {
  const v = isGrid(value) ? value[0][0] : value;
  if (isBlank(v)) return null;
  const d = parseDay(v, r.zone);
  if (d === null) throw badArgument(name, r.problem('an.arg.date', { value: shown(v) }));
  return d;
}

const LEVELS: Record<string, PlanLevel> = {
  company: 'company',
  компания: 'company',
  team: 'team',
  команда: 'team',
  отдел: 'team',
  manager: 'manager',
  менеджер: 'manager',
  менеджеры: 'manager',
  managers: 'manager',
  teams: 'team',
  команды: 'team',
};

export function levelArg(
  r: ArgReader,
  name: string,
  value: unknown,
  fallback: PlanLevel,
): PlanLevel {
  if (isBlank(value)) return fallback;
  const level = LEVELS[normalizeHeader(value)];
  if (!level) throw badArgument(name, r.problem('an.arg.level', { value: shown(value) }));
  return level;
}

const BASES: Record<string, FactBasis> = {
  won: 'won',
  deals: 'won',
  сделки: 'won',
  выигранные: 'won',
  'выигранные сделки': 'won',
  payments: 'payments',
  paid: 'payments',
  оплаты: 'payments',
  оплата: 'payments',
  платежи: 'payments',
};

/**
 * A word picked from a fixed table (Russian and English words; case, spaces and ё ignored);
 * blank = fallback. Anything else names the argument and the words it takes (`problem`).
 */
export function wordArg<T>(
  r: ArgReader,
  name: string,
  value: unknown,
  words: Readonly<Record<string, T>>,
  fallback: NoInfer<T>,
  problem: 'fc.arg.basis' | 'money.arg.by' | 'money.arg.byDiscounts',
): T {
  const v = isGrid(value) ? value[0][0] : value;
  if (isBlank(v)) return fallback;
  const key = normalizeHeader(v);
  if (!Object.prototype.hasOwnProperty.call(words, key)) {
    throw badArgument(name, r.problem(problem, { value: shown(v) }));
  }
  return words[key];
}

/** The fact basis of a plan figure ("won" / "payments", Russian words too); blank = fallback. */
export function basisArg(
  r: ArgReader,
  name: string,
  value: unknown,
  fallback: FactBasis,
): FactBasis {
  return wordArg(r, name, value, BASES, fallback, 'fc.arg.basis');
}

/** An optional whole number within [min, max]; blank = fallback. */
export function countArg(
  r: ArgReader,
  name: string,
  value: unknown,
  range: { min: number; max: number; fallback: number },
): number {
  const v = isGrid(value) ? value[0][0] : value;
  if (isBlank(v)) return range.fallback;
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    const params = { min: String(range.min), max: String(range.max), value: shown(v) };
    throw badArgument(name, r.problem('fc.arg.count', params));
  }
  return n;
}

export function textArg(value: unknown): string {
  const v = isGrid(value) ? value[0][0] : value;
  return isBlank(v) ? '' : String(v).trim();
}

/**
 * The language of a table's headers: English when more of its header cells are the English
 * names of the sheet's columns than the Russian ones. Custom functions answer in the language
 * their input is written in; the caller falls back to the stored language otherwise.
 */
export function headerLang(value: unknown, def: SheetDef): Lang | null {
  if (!isGrid(value)) return null;
  let ru = 0;
  let en = 0;
  for (const row of value.slice(0, 5)) {
    for (const cell of row) {
      const n = normalizeHeader(cell);
      if (!n) continue;
      for (const c of def.columns) {
        const isRu = normalizeHeader(c.ru) === n;
        const isEn = normalizeHeader(c.en) === n;
        if (isRu && !isEn) ru++;
        if (isEn && !isRu) en++;
      }
    }
    if (ru || en) break;
  }
  if (ru === en) return null;
  return en > ru ? 'en' : 'ru';
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * Activities for "days since the last touch" only (SALES_STALE): when, which deal, which client.
 * A range of half a million activities is read column by column without the full record parse
 * (emails, types, texts), which would take most of a custom function's 30 seconds.
 */
export function activityTouchesArg(
  r: ArgReader,
  name: string,
  value: unknown,
  def: SheetDef,
): Activity[] {
  if (!isGrid(value)) throw badArgument(name, r.problem('an.arg.notRange'));
  const found = locateHeader(value, def.columns);
  if ('missing' in found) {
    const columns = found.missing.map((c) => (r.lang === 'en' ? c.en : c.ru)).join('», «');
    throw badArgument(name, r.problem('an.arg.missingColumns', { columns }));
  }
  const { at, dealId, clientId } = found.map.index;
  const id = (v: unknown): string =>
    v === '' || v === null || v === undefined ? '' : String(v).trim().toUpperCase();
  const out: Activity[] = [];
  for (let i = found.headerRow + 1; i < value.length; i++) {
    const row = value[i];
    const cell = row[at];
    const when = isDate(cell) ? cell.getTime() : cell === '' ? null : parseInstant(cell, r.zone);
    if (when === null || !Number.isFinite(when)) continue;
    out.push({
      row: i + 1,
      id: '',
      at: when,
      manager: '',
      type: '',
      clientId: clientId === undefined ? '' : id(row[clientId]),
      dealId: dealId === undefined ? '' : id(row[dealId]),
      summary: '',
      nextStep: '',
      nextStepDate: null,
    });
  }
  return out;
}
