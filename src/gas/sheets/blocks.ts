/**
 * Rectangular reads and writes of one sheet, for code that must not read a sheet whole (the edit
 * trigger on a 50,000-row Deals sheet): each function is one spreadsheet call, or two for notes.
 * Rows and columns are 1-based, as on the sheet.
 */
import type { Cell } from '../../core/workbook/cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function sheetName(sheet: Sheet): string {
  return sheet.getName();
}

/** The last row and column with content (0 for an empty sheet). */
export function sheetExtent(sheet: Sheet): { lastRow: number; lastCol: number } {
  return { lastRow: sheet.getLastRow(), lastCol: sheet.getLastColumn() };
}

export function readValues(
  sheet: Sheet,
  row: number,
  col: number,
  rows: number,
  cols: number,
): unknown[][] {
  return sheet.getRange(row, col, rows, cols).getValues() as unknown[][];
}

/** Values and formulas of one block from the same range (a getValues and a getFormulas). */
export function readValuesAndFormulas(
  sheet: Sheet,
  row: number,
  col: number,
  rows: number,
  cols: number,
): { values: unknown[][]; formulas: string[][] } {
  const range = sheet.getRange(row, col, rows, cols);
  return { values: range.getValues() as unknown[][], formulas: range.getFormulas() };
}

/** One column's cells from `row` down to the sheet's last row (one getValues). */
export function readColumnDown(sheet: Sheet, row: number, col: number): unknown[] {
  const last = sheet.getLastRow();
  if (last < row) return [];
  return sheet
    .getRange(row, col, last - row + 1, 1)
    .getValues()
    .map((r) => r[0] as unknown);
}

export function writeValues(sheet: Sheet, row: number, col: number, values: Cell[][]): void {
  if (!values.length || !values[0].length) return;
  sheet.getRange(row, col, values.length, values[0].length).setValues(values);
}

/**
 * Rewrites the notes of one column block: one getNotes, then one setNotes when `next` changed any.
 * `next` gets the current notes and returns the wanted ones, or null to leave them all.
 */
export function updateNotes(
  sheet: Sheet,
  row: number,
  col: number,
  rows: number,
  next: (current: string[][]) => string[][] | null,
): void {
  const range = sheet.getRange(row, col, rows, 1);
  const wanted = next(range.getNotes());
  if (wanted) range.setNotes(wanted);
}

/** The whole data range (one getValues). */
export function readDataRange(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues() as unknown[][];
}

/** Adds rows at the bottom so the sheet has at least `rows` (a write past the end would fail). */
export function ensureMaxRows(sheet: Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (rows > max) sheet.insertRowsAfter(max, rows - max);
}
