/**
 * Cell values <-> core values, per column kind. Reading is tolerant (a value that is not what the
 * column expects stays as its text, or null, and validation flags it where it matters); writing
 * produces what setValues needs: numbers, booleans, Date objects (built from Days in the
 * spreadsheet's zone), and text made safe from formula injection.
 */
import type { CellKind, ColumnDef } from '../schema';
import { fromKopecks } from '../money';
import { startOfDay, type Zone } from '../time';
import {
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
      return typeof value === 'string' ? value.trim() : cellText(value);
    case 'phone':
      return isBlankCell(value) ? '' : (normalizePhone(value) ?? cellText(value));
    case 'email':
      return isBlankCell(value) ? '' : (normalizeEmail(value) ?? cellText(value).toLowerCase());
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
