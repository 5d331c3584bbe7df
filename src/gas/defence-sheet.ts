/**
 * The "Plan defence" sheet: a title block and the defence table, written in one setValues, laid
 * out to print on A4 portrait (nine columns within about 740 px, wrapped header, frozen header,
 * money with thousands separators). Rewritten whole each time; the caller holds the lock.
 */
import type { Lang } from '../core/types';
import { safeCellText } from '../core/workbook/sanitize';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const WIDTHS = [170, 90, 62, 72, 88, 52, 96, 96, 88];
const FORMATS = ['@', '@', '0.0', '0.0', '#,##0', '0', '#,##0', '#,##0', '#,##0'];

export interface DefenceWrite {
  /** The sheet's name in both languages: an existing one in either is reused. */
  names: Record<Lang, string>;
  lang: Lang;
  title: string;
  subtitle: string;
  /** Header row first, every row as wide as WIDTHS. */
  table: ReadonlyArray<ReadonlyArray<string | number>>;
  /** Rows of `table` (after the header) that are the table proper (not the notes below it). */
  bodyRows: number;
}

export function writeDefenceSheet(ss: Spreadsheet, w: DefenceWrite): string {
  const sheet =
    ss.getSheetByName(w.names.ru) ??
    ss.getSheetByName(w.names.en) ??
    ss.insertSheet(w.names[w.lang]);
  sheet.clear();
  const width = WIDTHS.length;
  const blank = (): Array<string | number> => new Array<string | number>(width).fill('');
  const title = blank();
  title[0] = w.title;
  const sub = blank();
  sub[0] = w.subtitle;
  // Names and teams are typed by people: written as the text they are, never as a formula.
  const values = [title, sub, blank(), ...w.table].map((r) =>
    r.map((v) => (typeof v === 'string' ? safeCellText(v) : v)),
  );
  sheet.getRange(1, 1, values.length, width).setValues(values);
  WIDTHS.forEach((px, i) => sheet.setColumnWidth(i + 1, px));
  sheet.getRange(1, 1).setFontSize(14).setFontWeight('bold');
  const header = sheet.getRange(4, 1, 1, width);
  header.setFontWeight('bold').setWrap(true).setVerticalAlignment('top').setBackground('#eef2f7');
  sheet
    .getRange(5, 1, w.bodyRows, width)
    .setNumberFormats(Array.from({ length: w.bodyRows }, () => FORMATS));
  const notes = w.table.length - 1 - w.bodyRows;
  if (notes > 0) {
    const levers = w.table
      .slice(1 + w.bodyRows)
      .map((r) => [typeof r[1] === 'number' && !Number.isInteger(r[1]) ? '#,##0.0' : '#,##0']);
    sheet.getRange(5 + w.bodyRows, 2, notes, 1).setNumberFormats(levers);
  }
  sheet.setFrozenRows(4);
  return sheet.getName();
}
