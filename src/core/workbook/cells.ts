/**
 * Cell values <-> core values, per column kind. Reading is tolerant (a value that is not what the
 * column expects stays as its text, or null, and validation flags it where it matters); writing
 * produces what setValues needs: numbers, booleans, Date objects (built from Days in the
 * spreadsheet's zone), and text made safe from formula injection.
 */
import type { CellKind, ColumnDef } from './schema';
import { fromKopecks, toKopecks } from '../money';
import { startOfDay, type Zone } from '../time';
import {
  dateCellText,
  normalizeEmail,
  normalizeInn,
  normalizePhone,
  parseAmount,
  parseBool,
  parseDay,
  parseInstant,
  parseNumber,
  parsePercent,
} from './normalize';
import { plainTextCell, safeCellText } from './sanitize';

export type Cell = string | number | boolean | Date;

/** Kinds whose columns setup formats as plain text ('@'): Sheets stores their text verbatim. */
export const PLAIN_TEXT_KINDS: ReadonlySet<CellKind> = new Set<CellKind>(['id', 'phone', 'inn']);

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).trim();
}

export function isBlankCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** Percent columns whose values may exceed 100% (plan-completion bounds of the bonus table). */
const ABOVE_100 = new Set(['from', 'to']);

/** The core value of one cell (`key` only matters for percent columns, see ABOVE_100). */
export function readCell(kind: CellKind, value: unknown, zone: Zone, key = ''): unknown {
  switch (kind) {
    case 'id':
      return cellText(value).toUpperCase();
    case 'text':
    case 'longtext':
    case 'enum':
      return typeof value === 'string'
        ? value.trim()
        : (dateCellText(value, zone) ?? cellText(value));
    case 'phone':
      return isBlankCell(value) ? '' : (normalizePhone(value) ?? cellText(value));
    case 'email':
      return isBlankCell(value) ? '' : (normalizeEmail(value) ?? cellText(value));
    case 'inn':
      return isBlankCell(value) ? '' : (normalizeInn(value) ?? cellText(value));
    case 'money':
      return isBlankCell(value) ? null : parseAmount(value);
    case 'number':
      return isBlankCell(value) ? null : parseNumber(value);
    case 'percent':
      return isBlankCell(value) ? null : parsePercent(value, ABOVE_100.has(key) ? 10 : 1);
    case 'date':
      return isBlankCell(value) ? null : parseDay(value, zone);
    case 'datetime':
      return isBlankCell(value) ? null : parseInstant(value, zone);
    case 'bool':
      // An unknown word (or number) stays as it is, so that a rule which must tell "blank" from
      // "уволен" or 2 can (see isActiveCell).
      if (isBlankCell(value)) return null;
      if (typeof value === 'number' && value !== 0 && value !== 1) return value;
      return parseBool(value) ?? cellText(value);
  }
}

/** Reads one column's cells: `readCell` for that column, resolved once. */
export type CellReader = (value: unknown) => unknown;

/**
 * What `readCell(kind, value, zone, key)` returns, as a function made once per column of a read.
 * The common cell types take a direct path, and the normalisers that run regexes (emails, phones,
 * INNs, typed amounts) are cached per distinct text: a Deals sheet holds a few dozen manager
 * addresses over 50,000 rows.
 */
export function cellReader(kind: CellKind, zone: Zone, key = ''): CellReader {
  const cached = (parse: (text: string) => unknown): CellReader => {
    const memo = new Map<string, unknown>();
    return (value) => {
      if (typeof value !== 'string') return readCell(kind, value, zone, key);
      let v = memo.get(value);
      if (v === undefined && !memo.has(value)) memo.set(value, (v = parse(value)));
      return v;
    };
  };
  const slow = (value: string): unknown => readCell(kind, value, zone, key);
  switch (kind) {
    case 'id':
      return (value) =>
        typeof value === 'string' ? value.trim().toUpperCase() : readCell(kind, value, zone, key);
    case 'text':
    case 'longtext':
    case 'enum':
      // A date typed into a text column (a plan period «01.11.2026») is its day in the zone.
      return (value) =>
        typeof value === 'string' ? value.trim() : (dateCellText(value, zone) ?? cellText(value));
    case 'email':
    case 'phone':
    case 'inn':
      return cached(slow);
    case 'money': {
      const text = cached(slow);
      return (value) =>
        typeof value === 'number'
          ? Number.isFinite(value)
            ? toKopecks(value)
            : null
          : text(value);
    }
    case 'number':
      return (value) =>
        typeof value === 'number'
          ? Number.isFinite(value)
            ? value
            : null
          : readCell(kind, value, zone, key);
    case 'date':
      return (value) => (isBlankCell(value) ? null : parseDay(value, zone));
    case 'datetime':
      return (value) => (isBlankCell(value) ? null : parseInstant(value, zone));
    default:
      return (value) => readCell(kind, value, zone, key);
  }
}

const DAY = 86_400_000;
const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/**
 * `readCell` per kind as methods of one object per read, for a reader that builds each record in
 * one pass over the row (records.ts `readDeals`): each field's parse is a monomorphic call V8
 * can inline, where a list of per-column closures is one call site dispatching over all of them.
 * Same values as `readCell`, cell for cell. Date cells are recognised by the prototype of the
 * first Date seen (Dates may come from another realm, so not `instanceof`): one comparison per
 * cell instead of `Object.prototype.toString`, which looks up Symbol.toStringTag every time.
 */
export class CellParsers {
  private dates: object | null = null;
  private readonly emails: CellReader;
  private readonly amounts: CellReader;
  constructor(private readonly zone: Zone) {
    this.emails = cellReader('email', zone);
    this.amounts = cellReader('money', zone);
  }
  id(v: unknown): string {
    return typeof v === 'string'
      ? v.trim().toUpperCase()
      : (readCell('id', v, this.zone) as string);
  }
  text(v: unknown): string {
    if (typeof v === 'string') return v.trim();
    // A date typed into a text column is its day in the zone, as readCell reads it.
    return (isObject(v) ? dateCellText(v, this.zone) : null) ?? cellText(v);
  }
  email(v: unknown): string {
    return this.emails(v) as string;
  }
  money(v: unknown): number | null {
    return typeof v === 'number'
      ? Number.isFinite(v)
        ? toKopecks(v)
        : null
      : (this.amounts(v) as number | null);
  }
  /** A percent column whose values are at most 100% (not the bonus bounds, see ABOVE_100). */
  percent(v: unknown): number | null {
    return typeof v === 'number'
      ? Number.isFinite(v)
        ? v > 1
          ? v / 100
          : v
        : null
      : (readCell('percent', v, this.zone) as number | null);
  }
  number(v: unknown): number | null {
    return typeof v === 'number'
      ? Number.isFinite(v)
        ? v
        : null
      : (readCell('number', v, this.zone) as number | null);
  }
  day(v: unknown): number | null {
    if (this.dates !== null && isObject(v) && Object.getPrototypeOf(v) === this.dates) {
      const ms = (v as Date).getTime();
      return Number.isFinite(ms)
        ? Math.floor((ms + this.zone.offsetMinutes(ms) * 60_000) / DAY)
        : null;
    }
    const d = isBlankCell(v) ? null : parseDay(v, this.zone);
    if (d !== null && isObject(v)) this.dates = Object.getPrototypeOf(v) as object;
    return d;
  }
  instant(v: unknown): number | null {
    if (this.dates !== null && isObject(v) && Object.getPrototypeOf(v) === this.dates) {
      const ms = (v as Date).getTime();
      return Number.isFinite(ms) ? ms : null;
    }
    const t = isBlankCell(v) ? null : parseInstant(v, this.zone);
    if (t !== null && isObject(v)) this.dates = Object.getPrototypeOf(v) as object;
    return t;
  }
}

/** What to write into a cell of that kind for a core value (null/'' -> an empty cell). */
export function writeCell(kind: CellKind, value: unknown, zone: Zone): Cell {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'id':
    case 'phone':
    case 'inn': {
      // Normalised values go in verbatim (the column is plain text). Anything else is unexpected
      // here; it is quoted too, in case the column lost its plain-text format.
      const text = String(value);
      return /^\+?\d+$|^[A-Z]-\d+$/.test(text) ? plainTextCell(text) : safeCellText(text);
    }
    case 'money':
      return typeof value === 'number' ? fromKopecks(value) : safeCellText(String(value));
    case 'number':
    case 'percent':
      return typeof value === 'number' ? value : safeCellText(String(value));
    case 'date':
      return typeof value === 'number'
        ? new Date(startOfDay(value, zone))
        : safeCellText(String(value));
    case 'datetime':
      return typeof value === 'number' ? new Date(value) : safeCellText(String(value));
    case 'bool':
      return typeof value === 'boolean' ? value : safeCellText(String(value));
    default:
      return safeCellText(String(value));
  }
}

/** A new record (by column key) as a full sheet row; columns ROP Desk does not know stay empty. */
export function recordToRow(
  record: Record<string, unknown>,
  columns: readonly ColumnDef[],
  index: Record<string, number>,
  width: number,
  zone: Zone,
): Cell[] {
  const row: Cell[] = new Array<Cell>(width).fill('');
  for (const c of columns) {
    const i = index[c.key];
    if (i === undefined || !(c.key in record)) continue;
    row[i] = writeCell(c.kind, record[c.key], zone);
  }
  return row;
}

/**
 * The cells an update writes, as runs of adjacent columns (0-based start + values). Only the
 * given fields are written: re-writing an unchanged text cell could turn it into a formula, and
 * other columns may hold the user's own formulas.
 */
export function updateRuns(
  changes: Record<string, unknown>,
  columns: readonly ColumnDef[],
  index: Record<string, number>,
  zone: Zone,
): Array<{ start: number; values: Cell[] }> {
  const cells = new Map<number, Cell>();
  for (const c of columns) {
    const i = index[c.key];
    if (i === undefined || !(c.key in changes)) continue;
    cells.set(i, writeCell(c.kind, changes[c.key], zone));
  }
  const runs: Array<{ start: number; values: Cell[] }> = [];
  for (const i of [...cells.keys()].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.values.length === i) last.values.push(cells.get(i) as Cell);
    else runs.push({ start: i, values: [cells.get(i) as Cell] });
  }
  return runs;
}
