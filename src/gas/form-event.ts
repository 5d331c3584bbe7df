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
}

export function formSubmission(e: Event | undefined): FormSubmission {
  const sheet = e?.range ? e.range.getSheet() : null;
  const answers: Record<string, string> = {};
  const named = (e?.namedValues ?? {}) as Record<string, string[] | string>;
  for (const [q, v] of Object.entries(named)) {
    const text = (Array.isArray(v) ? v.join(', ') : String(v ?? '')).trim();
    if (text) answers[q] = text;
  }
  return {
    ss: sheet ? sheet.getParent() : SpreadsheetApp.getActiveSpreadsheet(),
    sheetName: sheet ? sheet.getName() : '',
    answers,
  };
}
