/**
 * Reading a sheet's 2-D values (one getValues) as records: the header row is found by the schema
 * (Russian, English or alias headers, any order, within the first rows), blank rows are skipped,
 * user columns are left alone. Pure, so custom functions that receive a range can use it too.
 */
import type { ColumnDef, SheetDef } from '../schema';
import { mapHeaders, type HeaderMap } from '../table';
import type { Zone } from '../time';
import { isBlankCell, readCell } from './cells';

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

/** Records (core values by column key) below the header; blank rows skipped. */
export function readRecords(
  values: readonly (readonly unknown[])[],
  columns: readonly ColumnDef[],
  found: HeaderFound,
  zone: Zone,
  firstRow = 1,
): RawRecord[] {
  const out: RawRecord[] = [];
  const mapped = columns.filter((c) => found.map.index[c.key] !== undefined);
  for (let r = found.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    let blank = true;
    for (const c of mapped) {
      if (!isBlankCell(row[found.map.index[c.key]])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    const cells: Record<string, unknown> = {};
    for (const c of mapped)
      cells[c.key] = readCell(c.kind, row[found.map.index[c.key]], zone, c.key);
    out.push({ row: r + firstRow, cells });
  }
  return out;
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
