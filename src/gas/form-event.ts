/**
 * What the form-submit trigger needs from its event: the spreadsheet, the sheet the response
 * landed on, and the answers by question title (multiple choices joined).
 */
type Event = GoogleAppsScript.Events.SheetsOnFormSubmit;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface FormSubmission {
  ss: Spreadsheet;
  /** The responses sheet's name ('' when the event has no range). */
  sheetName: string;
  /** Non-empty answers by question title. */
  answers: Record<string, string>;
  /** The response's row on its sheet (0 when the event has no range). */
  row: number;
  /** The response's timestamp as the event carries it (first value), '' when absent. */
  timestamp: string;
  /** The trigger that fired ('' when the event names none). */
  triggerUid: string;
}

export function formSubmission(e: Event | undefined): FormSubmission {
  const sheet = e?.range ? e.range.getSheet() : null;
  const answers: Record<string, string> = {};
  const named = (e?.namedValues ?? {}) as Record<string, string[] | string>;
  for (const [q, v] of Object.entries(named)) {
    const text = (Array.isArray(v) ? v.join(', ') : String(v ?? '')).trim();
    if (text) answers[q] = text;
  }
  const values = (e?.values ?? []) as unknown[];
  return {
    ss: sheet ? sheet.getParent() : SpreadsheetApp.getActiveSpreadsheet(),
    sheetName: sheet ? sheet.getName() : '',
    answers,
    row: e?.range ? e.range.getRow() : 0,
    timestamp: values.length ? String(values[0] ?? '') : '',
    triggerUid: e?.triggerUid ? String(e.triggerUid) : '',
  };
}
