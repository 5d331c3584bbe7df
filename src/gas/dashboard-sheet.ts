/**
 * The Dashboard sheet's reads and writes: the period cell (B2), then the whole refresh written in
 * a fixed number of calls: the old content cleared below the header rows, the header, each block
 * with ONE setValues plus its number formats and bold header, and the charts synced. The number
 * of spreadsheet calls depends on the number of blocks, never on rows.
 */
import { PERIOD_CELL } from '../core/analytics';
import type { ChartModel, DashBlock } from '../core/analytics/dashboard';
import { DASHBOARD } from '../core/workbook/schema';
import type { Lang } from '../core/types';
import { syncCharts } from './dashboard-charts';
import { findSheet } from './sheets/table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** One block as it is written: its cells, their number formats and its header's width. */
export interface BlockWrite {
  row: number;
  column: number;
  width: number;
  values: unknown[][];
  formats: string[][];
}

export interface DashboardWrite {
  /** Columns to clear at least (the model's width). */
  width: number;
  /** Rows 1-4, columns A-C: title, period label and period, status, hint. */
  header: unknown[][];
  blocks: BlockWrite[];
  charts: readonly ChartModel[];
  /** The model's blocks, where the charts find their data. */
  chartBlocks: readonly DashBlock[];
  /** Pixel widths: column A (names), and every other block column. */
  widths: { first: number; rest: number };
}

export class DashboardSheet {
  private readonly sheet: Sheet;
  private readonly periodCell: Range;

  /** The Dashboard sheet, created in `lang` when missing. Callers hold the document lock. */
  constructor(ss: Spreadsheet, lang: Lang) {
    const found = findSheet(ss, DASHBOARD);
    this.sheet = found ? found.sheet : ss.insertSheet(DASHBOARD[lang]);
    this.periodCell = this.sheet.getRange(PERIOD_CELL.row, PERIOD_CELL.column);
  }

  /** What the user typed into the period cell (a Date when Sheets read it as one). */
  periodValue(): unknown {
    return this.periodCell.getValue();
  }

  write(w: DashboardWrite): void {
    const sheet = this.sheet;
    // Clear what the previous refresh wrote below the header rows (content and formats).
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    if (lastRow >= 4 && lastCol >= 1)
      sheet.getRange(4, 1, lastRow - 3, Math.max(lastCol, w.width)).clear();

    // The period cell is plain text, so "2026-11" stays a period, not a date.
    this.periodCell.setNumberFormat('@');
    sheet.getRange(1, 1, w.header.length, 3).setValues(w.header);
    sheet.getRange(1, 1).setFontWeight('bold').setFontSize(14);
    // Fixed widths: long titles and notes overflow into the empty cells beside them instead of
    // widening column A and pushing the figures off screen.
    sheet.setColumnWidth(1, w.widths.first);
    if (w.width > 1) sheet.setColumnWidths(2, w.width - 1, w.widths.rest);

    for (const b of w.blocks) {
      const range = sheet.getRange(b.row, b.column, b.values.length, b.width);
      range.setNumberFormats(b.formats);
      range.setValues(b.values);
      sheet.getRange(b.row, b.column, 2, b.width).setFontWeight('bold');
    }
    syncCharts(sheet, w.charts, w.chartBlocks);
  }
}

/** The names of the spreadsheet's sheets (one call). */
export function sheetNames(ss: Spreadsheet): Set<string> {
  return new Set(ss.getSheets().map((s) => s.getName()));
}
