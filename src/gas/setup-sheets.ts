/**
 * What setup does to the spreadsheet, one Google call (or one small fixed group) per function:
 * sheets created, counted and removed, rows and columns added, header rows shaded, frozen and
 * protected, number formats and dropdowns per column, our conditional formats, named ranges.
 * What to create or repair is decided in src/app/setup/*; ranges travel there as opaque handles.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Range = GoogleAppsScript.Spreadsheet.Range;

/** A dropdown: a fixed list, the cells of a range, or a checkbox. Invalid input is allowed. */
export type ValidationSpec =
  { kind: 'list'; values: string[] } | { kind: 'range'; range: Range } | { kind: 'checkbox' };

/** One of our conditional formats: a background where the formula holds. */
export interface ConditionalRule {
  formula: string;
  range: Range;
  color: string;
}

export function sheetsOf(ss: Spreadsheet): Sheet[] {
  return ss.getSheets();
}

export function sheetCount(ss: Spreadsheet): number {
  return ss.getSheets().length;
}

/** A new sheet after the last one. */
export function appendSheet(ss: Spreadsheet, name: string): Sheet {
  return ss.insertSheet(name, ss.getSheets().length);
}

/** A new sheet where Sheets puts it (after the active one). */
export function insertSheet(ss: Spreadsheet, name: string): Sheet {
  return ss.insertSheet(name);
}

export function deleteSheet(ss: Spreadsheet, sheet: Sheet): void {
  ss.deleteSheet(sheet);
}

export function rangeOf(sheet: Sheet, row: number, col: number, rows: number, cols: number): Range {
  return sheet.getRange(row, col, rows, cols);
}

/** Adds columns at the right so the sheet has at least `cols`. */
export function ensureMaxColumns(sheet: Sheet, cols: number): void {
  const max = sheet.getMaxColumns();
  if (cols > max) sheet.insertColumnsAfter(max, cols - max);
}

/**
 * The rows below a header row up to the sheet's end; a sheet whose header is its last row gets
 * 999 more, so formats and dropdowns have cells to go on.
 */
export function dataRowCount(sheet: Sheet, headerRow: number): number {
  const max = sheet.getMaxRows();
  if (max - headerRow < 1) {
    sheet.insertRowsAfter(max, 999);
    return max + 999 - headerRow;
  }
  return max - headerRow;
}

/** Bold on grey, wrapped when asked (a data sheet's header; the Settings tables keep one line). */
export function shadeHeader(
  sheet: Sheet,
  row: number,
  col: number,
  width: number,
  wrap: boolean,
): void {
  const range = sheet.getRange(row, col, 1, width).setFontWeight('bold').setBackground('#e8eaed');
  if (wrap) range.setWrap(true);
}

export function frozenRows(sheet: Sheet): number {
  return sheet.getFrozenRows();
}

export function setFrozenRows(sheet: Sheet, rows: number): void {
  sheet.setFrozenRows(rows);
}

export function setNumberFormat(
  sheet: Sheet,
  row: number,
  col: number,
  rows: number,
  cols: number,
  format: string,
): void {
  sheet.getRange(row, col, rows, cols).setNumberFormat(format);
}

function built(spec: ValidationSpec): GoogleAppsScript.Spreadsheet.DataValidation {
  const b = SpreadsheetApp.newDataValidation();
  switch (spec.kind) {
    case 'checkbox':
      return b.requireCheckbox().build();
    case 'list':
      return b.requireValueInList(spec.values, true).setAllowInvalid(true).build();
    case 'range':
      return b.requireValueInRange(spec.range, true).setAllowInvalid(true).build();
  }
}

/** One column's data cells: its number format and its dropdown, each when given. */
export function formatColumn(
  sheet: Sheet,
  row: number,
  col: number,
  rows: number,
  format: string | null,
  rule: ValidationSpec | null,
): void {
  const range = sheet.getRange(row, col, rows, 1);
  if (format) range.setNumberFormat(format);
  if (rule) range.setDataValidation(built(rule));
}

/** A warning-only protection of the header row, once: a rerun finds it by its description. */
export function protectHeaderOnce(
  sheet: Sheet,
  row: number,
  width: number,
  description: string,
): void {
  const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  if (protections.some((p) => p.getDescription() === description)) return;
  sheet.getRange(row, 1, 1, width).protect().setDescription(description).setWarningOnly(true);
}

/**
 * Replaces our conditional formats on the sheet (their formulas contain `mark`) and keeps the
 * user's own; writes nothing when ours are already exactly these.
 */
export function replaceConditionalRules(sheet: Sheet, ours: ConditionalRule[], mark: string): void {
  const existing = sheet.getConditionalFormatRules();
  const formulaOf = (r: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string => {
    const c = r.getBooleanCondition();
    const v = c ? c.getCriteriaValues() : [];
    return typeof v[0] === 'string' ? v[0] : '';
  };
  const mine = existing.filter((r) => formulaOf(r).includes(mark));
  const same =
    mine.length === ours.length &&
    ours.every((o, i) => {
      const r = mine[i];
      const ranges = r.getRanges();
      return (
        formulaOf(r) === o.formula &&
        ranges.length === 1 &&
        ranges[0].getA1Notation() === o.range.getA1Notation()
      );
    });
  if (same) return;
  const kept = existing.filter((r) => !formulaOf(r).includes(mark));
  const fresh = ours.map((o) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(o.formula)
      .setBackground(o.color)
      .setRanges([o.range])
      .build(),
  );
  sheet.setConditionalFormatRules([...kept, ...fresh]);
}

/** Where a named range points, or null when there is none by that name. */
export function namedRange(
  ss: Spreadsheet,
  name: string,
): { sheetName: string; a1: string } | null {
  const r = ss.getRangeByName(name);
  return r ? { sheetName: r.getSheet().getName(), a1: r.getA1Notation() } : null;
}

/** Points `name` at `a1` of the sheet (removing the old one of that name first when `replace`). */
export function setNamedRange(
  ss: Spreadsheet,
  name: string,
  sheet: Sheet,
  a1: string,
  replace: boolean,
): void {
  if (replace) ss.removeNamedRange(name);
  ss.setNamedRange(name, sheet.getRange(a1));
}
