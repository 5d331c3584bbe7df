/**
 * Rewrites the Dashboard sheet: reads the workbook (one getValues per sheet), computes the model
 * in the core, then writes each block with ONE setValues (plus its number formats) and syncs the
 * charts. The number of spreadsheet calls depends on the number of blocks, never on rows.
 * The period is read from the cell B2 ("2026-11", "2026-Q4", "2026"; blank = current month).
 */
import {
  asOfInstant,
  blockFormats,
  blockValues,
  buildDashboard,
  PERIOD_CELL,
  periodContaining,
  parsePeriod,
  type DashboardSummary,
  type Period,
} from '../core/analytics';
import { parseDay } from '../core/crm/normalize';
import { DASHBOARD, sheetDef } from '../core/schema';
import type { Zone } from '../core/time';
import { syncCharts } from './dashboard-charts';
import { withDocumentLock } from './lock';
import { findSheet } from './sheets/table';
import { DATA_SHEETS, readWorkbook } from './workbook';
import { zoneOf } from './zone';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface RefreshOptions {
  now: number;
  /** A period chosen elsewhere (the sidebar); otherwise the period cell is read. */
  period?: string;
}

function resolvePeriod(
  value: unknown,
  zone: Zone,
  today: number,
): { period: Period; bad?: string } {
  const fallback = periodContaining(today, 'month');
  if (value === '' || value === null || value === undefined) return { period: fallback };
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const d = parseDay(value, zone);
    return d === null
      ? { period: fallback, bad: String(value) }
      : { period: periodContaining(d, 'month') };
  }
  const p = parsePeriod(typeof value === 'number' ? value : String(value));
  return p ? { period: p } : { period: fallback, bad: String(value) };
}

export function refreshDashboardSheet(ss: Spreadsheet, opts: RefreshOptions): DashboardSummary {
  const zone = zoneOf(ss.getSpreadsheetTimeZone());
  // Read only the sheets that exist: a fresh workbook still gets a dashboard of zeros and hints.
  const names = new Set(ss.getSheets().map((s) => s.getName()));
  const present = DATA_SHEETS.filter((k) => {
    const def = sheetDef(k);
    return names.has(def.ru) || names.has(def.en);
  });
  const data = readWorkbook(ss, present);
  const lang = data.settings.lang;
  const asOf = asOfInstant(opts.now, zone);

  return withDocumentLock(() => {
    const found = findSheet(ss, DASHBOARD);
    const sheet = found ? found.sheet : ss.insertSheet(DASHBOARD[lang]);
    const periodCell = sheet.getRange(PERIOD_CELL.row, PERIOD_CELL.column);
    const raw = opts.period !== undefined ? opts.period : periodCell.getValue();
    const { period, bad } = resolvePeriod(raw, zone, asOf.day);
    const updatedAt = Utilities.formatDate(
      new Date(opts.now),
      ss.getSpreadsheetTimeZone(),
      'dd.MM.yyyy HH:mm',
    );
    const model = buildDashboard(data, period, asOf, lang, { badPeriod: bad, updatedAt });
    const width = Math.max(3, model.width);

    // Clear what the previous refresh wrote below the header rows (content and formats).
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    if (lastRow >= 4 && lastCol >= 1)
      sheet.getRange(4, 1, lastRow - 3, Math.max(lastCol, width)).clear();

    // Header: title, the period cell (plain text, so "2026-11" stays a period, not a date), status.
    periodCell.setNumberFormat('@');
    sheet.getRange(1, 1, 4, 3).setValues([
      [model.title, '', ''],
      [model.periodLabel, period.label, ''],
      [model.status, '', ''],
      [model.hint, '', ''],
    ]);
    sheet.getRange(1, 1).setFontWeight('bold').setFontSize(14);

    for (const b of model.blocks) {
      const values = blockValues(b);
      const range = sheet.getRange(b.row, b.column, values.length, b.header.length);
      range.setNumberFormats(blockFormats(b, data.settings.currency));
      range.setValues(values);
      sheet.getRange(b.row, b.column, 2, b.header.length).setFontWeight('bold');
    }
    syncCharts(sheet, model.charts, model.blocks);
    return model.summary;
  });
}
