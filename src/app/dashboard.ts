/**
 * The dashboard refresh: reads the workbook (one getValues per sheet), computes the model in the
 * core, and hands it to the Dashboard sheet's writer (gas/dashboard-sheet.ts: one setValues per
 * block, charts synced). The period is read from the cell B2 ("2026-11", "2026-Q4", "2026";
 * blank = current month) unless the sidebar chose one.
 */
import {
  asOfInstant,
  blockFormats,
  blockValues,
  buildDashboard,
  periodContaining,
  parsePeriod,
  type DashboardSummary,
  type Period,
} from '../core/analytics';
import { parseDay } from '../core/crm/normalize';
import { sheetDef } from '../core/schema';
import type { Zone } from '../core/time';
import { DashboardSheet, sheetNames } from '../gas/dashboard-sheet';
import { withDocumentLock } from '../gas/lock';
import { formatInZone } from '../gas/runtime';
import { spreadsheetTimeZone } from '../gas/spreadsheet';
import { DATA_SHEETS, readWorkbook } from '../gas/workbook';
import { zoneOf } from '../gas/zone';

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

/** Refreshes the Dashboard of `ss` (the caller's spreadsheet). */
export function refreshDashboardSheet(ss: Spreadsheet, opts: RefreshOptions): DashboardSummary {
  const timeZone = spreadsheetTimeZone(ss);
  const zone = zoneOf(timeZone);
  // Read only the sheets that exist: a fresh workbook still gets a dashboard of zeros and hints.
  const names = sheetNames(ss);
  const present = DATA_SHEETS.filter((k) => {
    const def = sheetDef(k);
    return names.has(def.ru) || names.has(def.en);
  });
  const data = readWorkbook(ss, present);
  const lang = data.settings.lang;
  const asOf = asOfInstant(opts.now, zone);

  return withDocumentLock(() => {
    const dash = new DashboardSheet(ss, lang);
    const raw = opts.period !== undefined ? opts.period : dash.periodValue();
    const { period, bad } = resolvePeriod(raw, zone, asOf.day);
    const updatedAt = formatInZone(opts.now, timeZone, 'dd.MM.yyyy HH:mm');
    const model = buildDashboard(data, period, asOf, lang, { badPeriod: bad, updatedAt });
    dash.write({
      width: Math.max(3, model.width),
      header: [
        [model.title, '', ''],
        [model.periodLabel, period.label, ''],
        [model.status, '', ''],
        [model.hint, '', ''],
      ],
      blocks: model.blocks.map((b) => ({
        row: b.row,
        column: b.column,
        width: b.header.length,
        values: blockValues(b),
        formats: blockFormats(b, data.settings.currency),
      })),
      charts: model.charts,
      chartBlocks: model.blocks,
    });
    return model.summary;
  });
}
