/**
 * Writes the instructions sheet: found by either language's name or created, cleared, the text in
 * one setValues, then column widths, wrapping and bold for print on A4 portrait.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function writeInstructionsSheet(
  ss: Spreadsheet,
  names: readonly string[],
  create: string,
  rows: string[][],
  bold: readonly number[],
): string {
  const sheet = names.map((n) => ss.getSheetByName(n)).find((s) => s) ?? ss.insertSheet(create);
  sheet.clear();
  const range = sheet.getRange(1, 1, rows.length, 2);
  range.setValues(rows);
  range.setWrap(true).setVerticalAlignment('top');
  // About 17 cm of printable width on A4 portrait: a narrow label and a wide text column.
  sheet.setColumnWidth(1, 190);
  sheet.setColumnWidth(2, 460);
  for (const r of bold) sheet.getRange(r, 1).setFontWeight('bold');
  return sheet.getName();
}
