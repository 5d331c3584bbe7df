/**
 * A basic filter on a table's header ("Data -> Create a filter" in Sheets): every column gets the
 * drop-down that shows only some values, so the head can look at one period of the Plans sheet
 * while the email stays its key. Range.createFilter()
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#createFilter()) allows one
 * filter per sheet and throws on a second, so an existing one (ours or the user's) is left alone.
 * It covers every row of the sheet, so rows added later are filtered too.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** True when a filter was created now. */
export function ensureFilter(sheet: Sheet, headerRow: number, width: number): boolean {
  if (sheet.getFilter() || width < 1) return false;
  const rows = Math.max(1, sheet.getMaxRows() - headerRow + 1);
  sheet.getRange(headerRow, 1, rows, width).createFilter();
  return true;
}
