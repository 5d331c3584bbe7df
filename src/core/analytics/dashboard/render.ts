/** A block as the shell writes it: one rectangle of values and one of number formats. */
import type { Cell } from '../tables/table';
import type { ColFormat, DashBlock } from './model';

/** A block's full rectangle of values: title row, header, data rows (or one blank), notes. */
export function blockValues(b: DashBlock): Cell[][] {
  const w = b.header.length;
  const pad = (r: Cell[]): Cell[] =>
    r.length >= w ? r.slice(0, w) : [...r, ...new Array<Cell>(w - r.length).fill('')];
  const rows = b.rows.length ? b.rows : [[]];
  return [pad([b.title]), pad(b.header), ...rows.map(pad), ...b.notes.map((n) => pad([n]))];
}

/** Number formats for a block's rectangle (money in the workbook's currency). */
export function blockFormats(b: DashBlock, currency: string): string[][] {
  const money = currency === 'RUB' || !currency ? '#,##0.00 "₽"' : `#,##0.00 "${currency}"`;
  const of: Record<ColFormat, string> = {
    text: '@',
    money,
    percent: '0.0%',
    int: '0',
    // Not '0.##': with nothing after the point Sheets still shows the separator («559,»).
    number: '0.0',
  };
  const values = blockValues(b);
  const last = b.formats.length - 1;
  return values.map((_, i) => {
    const dataRow = i >= 2 && i < 2 + b.rows.length;
    const rowFormat = dataRow ? b.rowFormats?.[i - 2] : undefined;
    return b.formats.map((f, c) => (!dataRow ? '@' : of[c === last && rowFormat ? rowFormat : f]));
  });
}
