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
import type { Zone } from '../core/time';
import { DashboardSheet } from '../gas/dashboard-sheet';
import { formatInZone } from '../gas/runtime';
import type { Workbook } from '../gas/workbook';
import { writeToday } from './setup/today';
import { taskBlockFor } from './tasks/dashboard';
import { readLines, readMoney } from './money/read';
import { complianceBlockFor } from './playbooks/dashboard';

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
  // A date in the period cell means its month, read in the spreadsheet's zone.
  const p = parsePeriod(value, zone);
  return p ? { period: p } : { period: fallback, bad: String(value) };
}

/** Refreshes the Dashboard of `ss` (the caller's spreadsheet). */
export function refreshDashboardSheet(wb: Workbook, opts: RefreshOptions): DashboardSummary {
  const ss = wb.ss;
  const timeZone = wb.timeZone;
  const zone = wb.zone;
  // Read only the sheets that exist: a fresh workbook still gets a dashboard of zeros and hints.
  const data = wb.data(wb.present());
  const lang = data.settings.lang;
  const asOf = asOfInstant(opts.now, zone);
  const tasks = taskBlockFor(wb, data.managers, opts.now);
  const compliance = complianceBlockFor(wb, data);

  return wb.locked(() => {
    // A new day for every formula that takes ROP_TODAY as asOf (src/app/setup/today.ts).
    writeToday(ss, zone, opts.now);
    const dash = new DashboardSheet(ss, lang);
    const raw = opts.period !== undefined ? opts.period : dash.periodValue();
    const { period, bad } = resolvePeriod(raw, zone, asOf.day);
    const updatedAt = formatInZone(opts.now, timeZone, 'dd.MM.yyyy HH:mm');
    const extra = [tasks(period), compliance(period)];
    const model = buildDashboard(data, period, asOf, lang, {
      badPeriod: bad,
      updatedAt,
      extra,
      money: { ...readMoney(wb, true), lines: readLines(wb) },
    });
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
      widths: { first: 200, rest: 130 },
    });
    return model.summary;
  });
}
