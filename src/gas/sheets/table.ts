/**
 * A ROP Desk sheet read by header: ONE getValues for the whole data range, the header row found by
 * the schema, records parsed into core values. Writes go back by row: one setValues per block of
 * appended rows, one per run of adjacent changed cells of an updated row. Columns ROP Desk does not
 * know (the user's own) are never written.
 */
import { UserError } from '../../core/errors';
import type { ColumnDef, SheetDef } from '../../core/workbook/schema';
import type { Zone } from '../../core/time';
import type { Lang } from '../../core/types';
import { recordToRow, updateRuns, type Cell } from '../../core/workbook/cells';
import { IdAllocator, type IdPrefix } from '../../core/workbook/ids';
import {
  locateHeader,
  readRecords,
  type HeaderFound,
  type RawRecord,
} from '../../core/workbook/tables';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface FoundSheet {
  sheet: Sheet;
  /** The language of the sheet's name, which is also the language of its headers. */
  lang: Lang;
}

/** The sheet by its Russian or English name (setup names it in the workbook's language). */
export function findSheet(ss: Spreadsheet, def: SheetDef): FoundSheet | null {
  const ru = ss.getSheetByName(def.ru);
  if (ru) return { sheet: ru, lang: 'ru' };
  const en = ss.getSheetByName(def.en);
  return en ? { sheet: en, lang: 'en' } : null;
}

export interface Table {
  def: SheetDef;
  sheet: Sheet;
  lang: Lang;
  zone: Zone;
  /** The data range's values, row 1 first. */
  values: unknown[][];
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** Column key -> 0-based column index. */
  index: Record<string, number>;
  /** Number of columns with content (the data range's width). */
  width: number;
  /** Last sheet row with content. */
  lastRow: number;
  /** Where the header was found (for typed readers over `values`). */
  header: HeaderFound;
  /** Raw records by column key, parsed on first use (CRM operations look rows up by id). */
  readonly records: RawRecord[];
  /** Whether `records` was parsed yet. */
  readonly recordsParsed: boolean;
}

/**
 * What a cell written with setValues reads back as: Sheets keeps a leading apostrophe out of the
 * value (it only marks the rest as literal text).
 */
function readBack(c: Cell): unknown {
  return typeof c === 'string' && c.startsWith("'") ? c.slice(1) : c;
}

export function missingSheetError(def: SheetDef, lang: Lang): UserError {
  return new UserError('error.missingSheet', { sheet: def[lang] });
}

export function missingColumnError(sheetName: string, c: ColumnDef, lang: Lang): UserError {
  return new UserError('error.missingColumn', { sheet: sheetName, column: c[lang] }, [
    { field: c.key, key: 'error.missingColumn', params: { sheet: sheetName, column: c[lang] } },
  ]);
}

/** Reads a sheet into a Table; a missing sheet or required column is a UserError naming it. */
export function openTable(ss: Spreadsheet, def: SheetDef, zone: Zone, lang: Lang = 'ru'): Table {
  const found = findSheet(ss, def);
  if (!found) throw missingSheetError(def, lang);
  return readSheet(found.sheet, def, zone, found.lang);
}

export function readSheet(sheet: Sheet, def: SheetDef, zone: Zone, lang: Lang): Table {
  const values = sheet.getDataRange().getValues() as unknown[][];
  const header = locateHeader(values, def.columns);
  if ('missing' in header) throw missingColumnError(def[lang], header.missing[0], lang);
  let records: RawRecord[] | null = null;
  return {
    def,
    sheet,
    lang,
    zone,
    values,
    headerRow: header.headerRow + 1,
    index: header.map.index,
    width: values.length ? values[0].length : 0,
    lastRow: rowsWithContent(values),
    header,
    // Parsing every cell is most of a large read's cost: only operations that need raw records
    // pay for it; typed lists come straight from `values` (see Workbook.list).
    get records() {
      records ??= readRecords(values, def.columns, header, zone);
      return records;
    },
    get recordsParsed() {
      return records !== null;
    },
  };
}

function rowsWithContent(values: unknown[][]): number {
  // getDataRange of an empty sheet is A1 holding ''.
  if (values.length === 1 && values[0].every((v) => v === '')) return 0;
  return values.length;
}

/** Appends records below the last row with content: one setValues (plus growing the sheet). */
export function appendRecords(
  table: Table,
  records: ReadonlyArray<Record<string, unknown>>,
): number {
  if (!records.length) return table.lastRow;
  const width = Math.max(table.width, ...Object.values(table.index).map((i) => i + 1));
  const rows: Cell[][] = records.map((r) =>
    recordToRow(r, table.def.columns, table.index, width, table.zone),
  );
  const start = Math.max(table.lastRow, table.headerRow) + 1;
  ensureRows(table.sheet, start + rows.length - 1);
  table.sheet.getRange(start, 1, rows.length, width).setValues(rows);
  table.lastRow = start + rows.length - 1;
  table.width = width;
  // Keep what was read in step with what was written, so the execution never reads it again:
  // the values as getValues would now return them, and the raw records if they were parsed.
  rows.forEach((row, i) => (table.values[start - 1 + i] = row.map(readBack)));
  if (table.recordsParsed) {
    records.forEach((r, i) => table.records.push({ row: start + i, cells: { ...r } }));
  }
  return start;
}

/** Writes the given fields of the record at `row` (one setValues per run of adjacent columns). */
export function updateRecord(table: Table, row: number, changes: Record<string, unknown>): void {
  const line = table.values[row - 1];
  for (const run of updateRuns(changes, table.def.columns, table.index, table.zone)) {
    table.sheet.getRange(row, run.start + 1, 1, run.values.length).setValues([run.values]);
    if (line) run.values.forEach((v, i) => (line[run.start + i] = readBack(v)));
  }
  const raw = table.recordsParsed ? table.records.find((r) => r.row === row) : undefined;
  if (raw) {
    for (const [k, v] of Object.entries(changes)) {
      if (table.index[k] !== undefined) raw.cells[k] = v;
    }
  }
}

export function ensureRows(sheet: Sheet, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow > max) sheet.insertRowsAfter(max, lastRow - max);
}

/** The record with this id (ids compare upper-case), or undefined; parses that row only. */
export function findById(table: Table, id: string): RawRecord | undefined {
  const key = id.trim().toUpperCase();
  if (table.recordsParsed) return table.records.find((r) => r.cells.id === key);
  const col = table.index.id;
  if (col === undefined) return undefined;
  const first = table.header.headerRow + 1;
  for (let r = first; r < table.values.length; r++) {
    const v = table.values[r][col];
    if (typeof v === 'string' && v.trim().toUpperCase() === key) return rowRecord(table, r);
  }
  return undefined;
}

/** The ids in the id column, as read (and as written by this execution). */
export function idsOf(table: Table): unknown[] {
  if (table.recordsParsed) return table.records.map((r) => r.cells.id);
  const col = table.index.id;
  if (col === undefined) return [];
  const out: unknown[] = [];
  for (let r = table.header.headerRow + 1; r < table.values.length; r++) {
    out.push(table.values[r][col]);
  }
  return out;
}

/** One row of the values (0-based index) as a raw record. */
function rowRecord(table: Table, r: number): RawRecord | undefined {
  const h = table.header.headerRow;
  const mini = [...table.values.slice(0, h + 1), table.values[r]];
  return readRecords(mini, table.def.columns, table.header, table.zone, r - h)[0];
}

/**
 * Appends records to a sheet without reading its data: the header (first rows) locates the
 * columns, getLastRow the end. For logs and histories that only grow (StageHistory from onEdit).
 */
export function appendByHeader(
  ss: Spreadsheet,
  def: SheetDef,
  zone: Zone,
  records: ReadonlyArray<Record<string, unknown>>,
  lang: Lang = 'ru',
): void {
  if (!records.length) return;
  const found = findSheet(ss, def);
  if (!found) throw missingSheetError(def, lang);
  const sheet = found.sheet;
  const lastRow = sheet.getLastRow();
  const width = sheet.getLastColumn();
  const head = width
    ? sheet.getRange(1, 1, Math.min(20, Math.max(lastRow, 1)), width).getValues()
    : [[]];
  const header = locateHeader(head, def.columns);
  if ('missing' in header) throw missingColumnError(sheet.getName(), header.missing[0], found.lang);
  const rows = records.map((r) => recordToRow(r, def.columns, header.map.index, width, zone));
  const start = Math.max(lastRow, header.headerRow + 1) + 1;
  ensureRows(sheet, start + rows.length - 1);
  sheet.getRange(start, 1, rows.length, width).setValues(rows);
}

/**
 * Appends records that need new ids (activities) reading only the header and the id column: the
 * ids continue after the highest one present. Call under the document lock. Returns the ids.
 */
export function appendWithIds(
  ss: Spreadsheet,
  def: SheetDef,
  zone: Zone,
  prefix: IdPrefix,
  records: ReadonlyArray<Record<string, unknown>>,
  lang: Lang = 'ru',
): string[] {
  if (!records.length) return [];
  const found = findSheet(ss, def);
  if (!found) throw missingSheetError(def, lang);
  const sheet = found.sheet;
  const lastRow = sheet.getLastRow();
  const width = sheet.getLastColumn();
  const head = width
    ? sheet.getRange(1, 1, Math.min(20, Math.max(lastRow, 1)), width).getValues()
    : [[]];
  const header = locateHeader(head, def.columns);
  if ('missing' in header) throw missingColumnError(sheet.getName(), header.missing[0], found.lang);
  const idCol = header.map.index.id;
  const dataRows = lastRow - (header.headerRow + 1);
  const existing =
    dataRows > 0
      ? sheet
          .getRange(header.headerRow + 2, idCol + 1, dataRows, 1)
          .getValues()
          .map((r) => r[0])
      : [];
  const ids = new IdAllocator(prefix, existing);
  const withIds = records.map((r) => ({ ...r, id: ids.take() }));
  const rows = withIds.map((r) => recordToRow(r, def.columns, header.map.index, width, zone));
  const start = Math.max(lastRow, header.headerRow + 1) + 1;
  ensureRows(sheet, start + rows.length - 1);
  sheet.getRange(start, 1, rows.length, width).setValues(rows);
  return withIds.map((r) => r.id);
}

/**
 * Checks that a sheet exists with every required column, reading only its first rows. Operations
 * call it for every sheet they will append to before writing anything, so that a broken sheet
 * stops them before the first write rather than half-way.
 */
export function requireHeader(ss: Spreadsheet, def: SheetDef, lang: Lang = 'ru'): void {
  const found = findSheet(ss, def);
  if (!found) throw missingSheetError(def, lang);
  const sheet = found.sheet;
  const width = sheet.getLastColumn();
  const head = width
    ? sheet.getRange(1, 1, Math.min(20, Math.max(sheet.getLastRow(), 1)), width).getValues()
    : [[]];
  const header = locateHeader(head, def.columns);
  if ('missing' in header) throw missingColumnError(sheet.getName(), header.missing[0], found.lang);
}

/**
 * Shows the user a record: its row is selected, which also makes its sheet active. From a sidebar
 * call Google honours Spreadsheet.setActiveRange; switching the sheet alone leaves the selection
 * where it was.
 */
export function showRecordRow(table: Table, row: number): void {
  table.sheet.getParent().setActiveRange(table.sheet.getRange(row, 1, 1, Math.max(1, table.width)));
}
