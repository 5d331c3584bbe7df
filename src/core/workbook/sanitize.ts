/**
 * Formula-injection defence for every free-text value ROP Desk writes into a cell (OWASP's
 * CSV-injection advice). Sheets parses written strings like typing: "=HYPERLINK(...)" would
 * become a live formula, "-1" a number, "01.02" a date. A leading apostrophe makes Sheets keep the
 * rest as literal text and is not part of the stored value, so the cell reads back as exactly the
 * typed text. Used for cells in General format; plain-text ('@') cells (ids, phones, INN) are not
 * parsed by Sheets and take the text as it is (see `plainTextCell`).
 */

/** Characters that start a formula or a DDE payload, plus the apostrophe itself (it would vanish). */
const LEADING = /^[=+\-@\t\r\n']/;
/** Text Sheets would turn into a number, percent, date, time or boolean when typed. */
const PARSED_AS_VALUE =
  /^\s*(?:[-+]?[\d\s\u00a0.,]*\d[\d\s\u00a0.,]*\s*[%₽$€]?|[\d]{1,4}[./-][\d]{1,2}(?:[./-][\d]{1,4})?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?|true|false|истина|ложь|[$€₽]\s*[\d\s.,]+)\s*$/i;

/** The value to write for a text typed by a person, so that it stays that text. */
export function safeCellText(text: string): string {
  if (text === '') return '';
  return LEADING.test(text) || PARSED_AS_VALUE.test(text) ? `'${text}` : text;
}

/** True when a string would be taken as a formula (the dangerous case, for checks and tests). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/**
 * The value for a plain-text formatted cell: Sheets stores it verbatim, so only control
 * characters that could still confuse an export (tab, CR at the start) are dropped.
 */
export function plainTextCell(text: string): string {
  return text.replace(/^[\t\r\n]+/, '');
}
