/** One-cell named ranges the product rewrites (ROP_TODAY). */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Writes `value` into the named one-cell range; false when the workbook has no such range. */
export function writeNamedCell(ss: Spreadsheet, name: string, value: Date): boolean {
  const range = ss.getRangeByName(name);
  if (!range) return false;
  range.setValue(value);
  return true;
}
