/**
 * What the edit trigger needs from its event, as plain numbers and strings plus the sheet and
 * spreadsheet as handles for the gas readers and writers. Split in steps so an edit on a sheet
 * that is not ROP Desk's costs two calls and no more.
 */
type Event = GoogleAppsScript.Events.SheetsOnEdit;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The edited sheet and its name, or null for an event without a range. */
export function editedSheet(e: Event | undefined): { sheet: Sheet; name: string } | null {
  if (!e || !e.range) return null;
  const sheet = e.range.getSheet();
  return { sheet, name: sheet.getName() };
}

/** 1-based rows and columns of the edited block. */
export interface EditBounds {
  row: number;
  lastRow: number;
  column: number;
  lastColumn: number;
}

export function editBounds(e: Event): EditBounds {
  const r = e.range;
  return {
    row: r.getRow(),
    lastRow: r.getLastRow(),
    column: r.getColumn(),
    lastColumn: r.getLastColumn(),
  };
}

/** One cell edited: the event's old value; a paste or a fill (no old value) gives null. */
export function singleCellEdit(e: Event): { oldValue: unknown } | null {
  const r = e.range;
  return r.getNumRows() === 1 && r.getNumColumns() === 1 ? { oldValue: e.oldValue } : null;
}

export function editSpreadsheet(e: Event): Spreadsheet {
  return e.source ?? SpreadsheetApp.getActiveSpreadsheet();
}

/** The editor's email, lower-cased; '' when a simple trigger is not told. */
export function editUser(e: Event): string {
  try {
    const u = e.user as unknown as { getEmail?: () => string } | undefined;
    return (u && typeof u.getEmail === 'function' ? u.getEmail() : '').trim().toLowerCase();
  } catch {
    return '';
  }
}
