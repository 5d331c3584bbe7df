/**
 * Structural edits of a sheet: inserting and deleting rows and columns (everything attached to
 * rows and columns moves with them: named ranges, row/column metadata, recorded formatting),
 * and sorting a block of rows.
 */
import type { Range } from './range';
import type { Sheet } from './sheet';
import type { Cell } from './values';

type Row<T> = Array<T | undefined>;

/** Inserts n fresh items at index `at` without spreading huge argument lists. */
function spliceIn(arr: unknown[], at: number, n: number, make: () => unknown): void {
  const tail = arr.splice(at);
  for (let i = 0; i < n; i++) arr.push(make());
  for (let i = 0; i < tail.length; i++) arr.push(tail[i]);
}

export function sortRect(
  sh: Sheet,
  range: Range,
  specs: Array<number | { column: number; ascending?: boolean }>,
): void {
  const keys = specs.map((s) =>
    typeof s === 'number' ? { column: s, ascending: true } : { ascending: true, ...s },
  );
  const r0 = range._r - 1;
  const rows: Array<{ v: Cell[]; f: Row<string> | undefined; m: Row<string> | undefined }> = [];
  for (let i = 0; i < range._nr; i++) {
    const v = sh._rowOf(r0 + i);
    rows.push({
      v: v.slice(),
      f: sh._formulas[r0 + i]?.slice(),
      m: sh._formats[r0 + i]?.slice(),
    });
  }
  const cmp = (a: Cell, b: Cell): number => {
    if (a === b) return 0;
    if (a === '') return 1;
    if (b === '') return -1;
    const rank = (x: Cell) =>
      typeof x === 'number' || typeof x === 'object' ? 0 : typeof x === 'string' ? 1 : 2;
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (typeof a === 'string') return a.localeCompare(b as string);
    return Number(a) - Number(b);
  };
  rows.sort((x, y) => {
    for (const k of keys) {
      const d = cmp(x.v[k.column - 1] ?? '', y.v[k.column - 1] ?? '');
      if (d !== 0) return k.ascending === false ? -d : d;
    }
    return 0;
  });
  const c0 = range._c - 1;
  rows.forEach((src, i) => {
    const row = sh._rowOf(r0 + i);
    for (let j = c0; j < c0 + range._nc; j++) {
      row[j] = src.v[j] ?? '';
      sh._setFormula(r0 + i, j, src.f?.[j]);
      sh._setFormat(r0 + i, j, src.m?.[j]);
    }
  });
  sh._touched();
}

function shiftRows(sh: Sheet, at0: number, delta: number): void {
  // Everything at or below row index at0 (0-based) moves by delta rows.
  const book = sh._book;
  for (const m of book._meta)
    if (m.location.sheetId === sh._id && m.location.type === 'ROW' && m.location.index !== null) {
      if (m.location.index - 1 >= at0) m.location.index += delta;
    }
  for (const n of book._named.values())
    if (n.sheetId === sh._id && n.row - 1 >= at0) n.row += delta;
  for (const s of sh._styles) if (s.r - 1 >= at0) s.r += delta;
}
function shiftCols(sh: Sheet, at0: number, delta: number): void {
  for (const m of sh._book._meta)
    if (
      m.location.sheetId === sh._id &&
      m.location.type === 'COLUMN' &&
      m.location.index !== null
    ) {
      if (m.location.index - 1 >= at0) m.location.index += delta;
    }
  for (const n of sh._book._named.values())
    if (n.sheetId === sh._id && n.col - 1 >= at0) n.col += delta;
  for (const s of sh._styles) if (s.c - 1 >= at0) s.c += delta;
}

export function insertRows(sh: Sheet, at0: number, n: number): void {
  const grids = [sh._values, sh._formulas, sh._formats, sh._validations] as unknown[][];
  for (const g of grids)
    if (g.length > at0) spliceIn(g, at0, n, g === sh._values ? () => [] : () => undefined);
  sh._maxRows += n;
  shiftRows(sh, at0, n);
  sh._touched();
}
export function deleteRows(sh: Sheet, at0: number, n: number): void {
  for (let i = at0; i < at0 + n; i++) {
    const row = sh._validations[i];
    if (row) for (const v of row) if (v !== undefined) sh._validationCount--;
  }
  for (const g of [sh._values, sh._formulas, sh._formats, sh._validations] as unknown[][])
    if (g.length > at0) g.splice(at0, n);
  sh._maxRows -= n;
  const book = sh._book;
  book._meta.splice(
    0,
    book._meta.length,
    ...book._meta.filter(
      (m) =>
        !(
          m.location.sheetId === sh._id &&
          m.location.type === 'ROW' &&
          m.location.index !== null &&
          m.location.index - 1 >= at0 &&
          m.location.index - 1 < at0 + n
        ),
    ),
  );
  shiftRows(sh, at0 + n, -n);
  sh._touched();
}
export function insertCols(sh: Sheet, at0: number, n: number): void {
  for (const g of [sh._values, sh._formulas, sh._formats, sh._validations] as unknown[][][])
    for (const row of g)
      if (row !== undefined && row.length > at0)
        spliceIn(row, at0, n, g === (sh._values as unknown) ? () => '' : () => undefined);
  sh._maxCols += n;
  shiftCols(sh, at0, n);
  sh._touched();
}
export function deleteCols(sh: Sheet, at0: number, n: number): void {
  for (const row of sh._validations)
    if (row)
      for (let j = at0; j < at0 + n && j < row.length; j++)
        if (row[j] !== undefined) sh._validationCount--;
  for (const g of [sh._values, sh._formulas, sh._formats, sh._validations] as unknown[][][])
    for (const row of g) if (row !== undefined && row.length > at0) row.splice(at0, n);
  sh._maxCols -= n;
  shiftCols(sh, at0 + n, -n);
  sh._touched();
}
