/** A1 notation: column letters, cell and range references, sheet-qualified names. */

export function columnLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed reference; open-ended parts (A:A, 1:1, A2:C) are null and filled by the caller. */
export interface A1Ref {
  sheet: string | null;
  row: number | null;
  col: number | null;
  lastRow: number | null;
  lastCol: number | null;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

export function splitSheet(a1: string): { sheet: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: a1.slice(bang + 1) };
}

export function parseA1(a1: string): A1Ref | null {
  const { sheet, ref } = splitSheet(a1.trim());
  const [from, to = from] = ref.split(':');
  const a = PART.exec(from);
  const b = PART.exec(to);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) return null;
  const row = a[2] ? Number(a[2]) : null;
  const col = a[1] ? columnNumber(a[1]) : null;
  const lastRow = b[2] ? Number(b[2]) : null;
  const lastCol = b[1] ? columnNumber(b[1]) : null;
  if (row === 0 || lastRow === 0) return null;
  return {
    sheet,
    row: row ?? (lastRow === null ? null : 1),
    col: col ?? (lastCol === null ? null : 1),
    lastRow,
    lastCol,
  };
}

export function a1Of(row: number, col: number, numRows: number, numCols: number): string {
  const first = `${columnLetter(col)}${row}`;
  if (numRows === 1 && numCols === 1) return first;
  return `${first}:${columnLetter(col + numCols - 1)}${row + numRows - 1}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
