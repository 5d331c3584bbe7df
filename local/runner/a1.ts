/**
 * A1 references as a custom function's cell would pass them: `Счета!A1:J500`, `'Stage history'!A:E`,
 * `Deals!A2:X` (open-ended: to the last row with content), `Deals!B3`. Sheets resolves a reference
 * into values before the function runs; the runner does the same. The sheet name is required, so
 * that arguments like "Q4" or "AB12" stay text.
 */
export interface A1Ref {
  sheet: string;
  row: number;
  col: number;
  /** null: to the last row / column with content. */
  lastRow: number | null;
  lastCol: number | null;
  /** A lone cell arrives as its value, a range as a 2-D array. */
  single: boolean;
}

const REF =
  /^(?:(?:'((?:[^']|'')+)'|([^'!][^!]*))!)?(\$?[A-Za-z]{1,3})?(\$?\d+)?(?::(\$?[A-Za-z]{1,3})?(\$?\d+)?)?$/;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.replace(/\$/g, '').toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Parses an A1 reference, or returns null when the text is not one (so it stays a string). */
export function parseA1(text: string): A1Ref | null {
  const m = REF.exec(text.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  if (sheet === undefined) return null;
  const [c1, r1, c2, r2] = [m[3], m[4], m[5], m[6]];
  const hasRange = text.includes(':');
  if (!hasRange) {
    if (!c1 || !r1) return null;
    return {
      sheet,
      row: num(r1),
      col: columnNumber(c1),
      lastRow: num(r1),
      lastCol: columnNumber(c1),
      single: true,
    };
  }
  // A:C (whole columns), 2:5 (whole rows), A2:C (open-ended), A1:C10.
  if (!c1 && !r1) return null;
  if ((c1 && !c2) || (!c1 && c2) || (!r1 && r2)) return null;
  const row = r1 ? num(r1) : 1;
  const col = c1 ? columnNumber(c1) : 1;
  const lastRow = r2 ? num(r2) : null;
  const lastCol = c2 ? columnNumber(c2) : null;
  if ((lastRow !== null && lastRow < row) || (lastCol !== null && lastCol < col)) return null;
  return { sheet, row, col, lastRow, lastCol, single: false };
}

function num(s: string): number {
  return Number(s.replace(/\$/g, ''));
}
