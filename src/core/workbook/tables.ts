/**
 * Reading a sheet's 2-D values (one getValues) as records: the header row is found by the schema
 * (Russian, English or alias headers, any order, within the first rows), blank rows are skipped,
 * user columns are left alone. Pure, so custom functions that receive a range can use it too.
 */
import type { ColumnDef, SheetDef } from './schema';
import { mapHeaders, type HeaderMap } from './headers';
import type { Zone } from '../time';
import { cellReader, isBlankCell, type CellReader } from './cells';

/** How far down a header row may sit (title rows, notes above the table). */
const HEADER_SCAN_ROWS = 20;

export interface HeaderFound {
  /** 0-based index of the header row within the values. */
  headerRow: number;
  map: HeaderMap;
}

/** The header row: the first row where every required column is found; else the best miss. */
export function locateHeader(
  values: readonly (readonly unknown[])[],
  columns: readonly ColumnDef[],
  scan = HEADER_SCAN_ROWS,
): HeaderFound | { missing: ColumnDef[] } {
  let best: { hits: number; missing: ColumnDef[] } | null = null;
  const limit = Math.min(values.length, scan);
  for (let r = 0; r < limit; r++) {
    const row = values[r];
    if (row.every(isBlankCell)) continue;
    const map = mapHeaders(row, columns);
    const hits = Object.keys(map.index).length;
    if (hits > 0 && map.missing.length === 0) return { headerRow: r, map };
    if (hits > 0 && (!best || hits > best.hits)) best = { hits, missing: map.missing };
  }
  return { missing: best ? best.missing : columns.filter((c) => c.required) };
}

export interface RawRecord {
  /** 1-based sheet row, given the values started at sheet row `firstRow`. */
  row: number;
  cells: Record<string, unknown>;
}

export interface TableData extends HeaderFound {
  records: RawRecord[];
  width: number;
}

/** The columns of one read, resolved once from the header: key, position, parser. */
interface Resolved {
  keys: string[];
  at: number[];
  read: CellReader[];
}

function resolve(
  columns: readonly ColumnDef[],
  found: HeaderFound,
  zone: Zone,
  only?: readonly string[],
): Resolved {
  const r: Resolved = { keys: [], at: [], read: [] };
  for (const c of columns) {
    const i = found.map.index[c.key];
    if (i === undefined || (only && !c.required && !only.includes(c.key))) continue;
    r.keys.push(c.key);
    r.at.push(i);
    r.read.push(cellReader(c.kind, zone, c.key));
  }
  return r;
}

function blankRow(row: readonly unknown[], at: readonly number[]): boolean {
  for (let j = 0; j < at.length; j++) if (!isBlankCell(row[at[j]])) return false;
  return true;
}

/** Records (core values by column key) below the header; blank rows skipped. */
export function readRecords(
  values: readonly (readonly unknown[])[],
  columns: readonly ColumnDef[],
  found: HeaderFound,
  zone: Zone,
  firstRow = 1,
): RawRecord[] {
  const out: RawRecord[] = [];
  const { keys, at, read } = resolve(columns, found, zone);
  for (let r = found.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (blankRow(row, at)) continue;
    const cells: Record<string, unknown> = {};
    for (let j = 0; j < keys.length; j++) cells[keys[j]] = read[j](row[at[j]]);
    out.push({ row: r + firstRow, cells });
  }
  return out;
}

export interface ReadOptions {
  /** Parse only these columns (the required ones are always read); all when absent. */
  keys?: readonly string[];
  /**
   * Parse only `keys` (readers built on `locate`; readTyped ignores it): the required columns
   * not among them must still be in the header and still count for blank rows, so the rows are
   * the same, but their fields keep the empty value.
   */
  only?: boolean;
  /** The header when already located (a sheet read in parts); found in the values otherwise. */
  found?: HeaderFound;
  /** Sheet row of values[0] (1 when the values start at the top of the sheet). */
  firstRow?: number;
}

/**
 * Typed records straight from a sheet's values: the header is resolved once into a parser per
 * column, and each row goes to `to` without a records array in between. `to` receives one
 * scratch `cells` object, refilled for every row, so it must copy what it needs (every `toX` in
 * records.ts does). Throws MissingColumns like readTable; rows for which `to` returns null are
 * dropped.
 */
export function readTyped<T>(
  values: readonly (readonly unknown[])[],
  def: SheetDef,
  zone: Zone,
  to: (record: RawRecord) => T | null,
  opts: ReadOptions = {},
): T[] {
  const found = opts.found ?? locateHeader(values, def.columns);
  if ('missing' in found) throw new MissingColumns(def, found.missing);
  const firstRow = opts.firstRow ?? 1;
  const { keys, at, read } = resolve(def.columns, found, zone, opts.keys);
  const cells: Record<string, unknown> = {};
  for (const k of keys) cells[k] = undefined;
  const record: RawRecord = { row: 0, cells };
  const out: T[] = [];
  for (let r = found.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (blankRow(row, at)) continue;
    for (let j = 0; j < keys.length; j++) cells[keys[j]] = read[j](row[at[j]]);
    record.row = r + firstRow;
    const t = to(record);
    if (t !== null) out.push(t);
  }
  return out;
}

/** Where a single-pass reader finds its columns (records.ts `readDeals`). */
export interface Located {
  headerRow: number;
  /** Sheet row of values[0]. */
  firstRow: number;
  /** Position of each column to parse; -1 when the sheet lacks it or it was not asked for. */
  at: (key: string) => number;
  /** True when all the row's cells in the columns read (and the required ones) are blank. */
  blank: (row: readonly unknown[]) => boolean;
}

/** The header and columns readTyped would resolve, for a reader that parses rows itself. */
export function locate(
  values: readonly (readonly unknown[])[],
  def: SheetDef,
  opts: ReadOptions = {},
): Located {
  const found = opts.found ?? locateHeader(values, def.columns);
  if ('missing' in found) throw new MissingColumns(def, found.missing);
  const index = new Map<string, number>();
  const at: number[] = [];
  for (const c of def.columns) {
    const i = found.map.index[c.key];
    if (i === undefined || (opts.keys && !c.required && !opts.keys.includes(c.key))) continue;
    at.push(i);
    if (!opts.only || opts.keys?.includes(c.key)) index.set(c.key, i);
  }
  return {
    headerRow: found.headerRow,
    firstRow: opts.firstRow ?? 1,
    at: (key) => index.get(key) ?? -1,
    blank: (row) => blankRow(row, at),
  };
}

/** Thrown by `readTable` with what was missing; the shell turns it into a UserError. */
export class MissingColumns extends Error {
  constructor(
    readonly sheet: SheetDef | null,
    readonly missing: ColumnDef[],
  ) {
    super(`Missing columns: ${missing.map((c) => c.en).join(', ')}`);
    this.name = 'MissingColumns';
  }
}

export function readTable(
  values: readonly (readonly unknown[])[],
  def: SheetDef,
  zone: Zone,
): TableData {
  const found = locateHeader(values, def.columns);
  if ('missing' in found) throw new MissingColumns(def, found.missing);
  return {
    ...found,
    width: values.length ? values[0].length : 0,
    records: readRecords(values, def.columns, found, zone),
  };
}
