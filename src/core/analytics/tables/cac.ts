/** SALES_CAC: spend, leads, won deals, revenue, cost per lead, CAC and ROMI by lead source. */
import { t, type MessageKey } from '../../i18n';
import { acquisition } from '../../money/acquisition';
import { readDeals as dealsFromValues } from '../../workbook/records';
import { DEALS, SPEND } from '../../workbook/schema';
import { periodArg, readArg, wordArg } from '../args';
import { excludedNote, formatMoney, orBlank, roubles } from '../format';
import { readSpend } from './budget';
import { runFunction, type FunctionContext } from './run';
import { rect } from './shape';
import type { Table } from './table';

const DEAL_KEYS = ['clientId', 'stage', 'source', 'amount', 'currency', 'createdAt', 'closedAt'];

const BY: Record<string, boolean> = {
  source: false,
  sources: false,
  источник: false,
  источники: false,
  month: true,
  months: true,
  месяц: true,
  месяцы: true,
};

export function salesCac(
  ctx: FunctionContext,
  deals: unknown,
  spend: unknown,
  period: unknown,
  by?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [spend, SPEND],
    ],
    (run) => {
      const p = periodArg(run, 'period', period);
      const byMonth = wordArg(run, 'by', by, BY, false, 'money.arg.by');
      const list = readArg(run, 'deals', deals, (grid) =>
        dealsFromValues(grid, run.zone, { keys: DEAL_KEYS, only: true }),
      );
      const report = acquisition({
        deals: list,
        spend: readSpend(run, spend),
        clients: ctx.clients,
        settings: ctx.settings,
        zone: run.zone,
        period: p,
        byMonth,
      });
      const keys: MessageKey[] = [
        'money.col.source',
        ...(byMonth ? (['money.col.month'] as const) : []),
        'money.col.spend',
        'money.col.leads',
        'money.col.won',
        'money.col.revenue',
        'money.col.cpl',
        'money.col.cac',
        'money.col.romi',
      ];
      const rows: Table = [keys.map((k) => run.h(k))];
      const all = [...report.rows, { ...report.total, source: run.h('money.total') }];
      for (const r of all) {
        rows.push([
          r.source || run.h('money.noSource'),
          ...(byMonth ? [r.month ? r.month.label : p.label] : []),
          roubles(r.spend),
          r.leads,
          r.won,
          roubles(r.revenue),
          r.costPerLead === null ? '' : roubles(r.costPerLead),
          r.cac === null ? '' : roubles(r.cac),
          orBlank(r.romi),
        ]);
      }
      const { leads, spend: unsourcedSpend } = report.unsourced;
      if (leads || unsourcedSpend) {
        rows.push([
          t(run.lang, 'money.note.unsourced', {
            leads,
            spend: formatMoney(unsourcedSpend, run.lang),
          }),
        ]);
      }
      const excluded = excludedNote(report.unconverted, run.lang);
      if (excluded) rows.push([excluded]);
      if (report.skippedSpend) {
        rows.push([t(run.lang, 'money.note.skippedSpend', { count: report.skippedSpend })]);
      }
      return rect(rows);
    },
  );
}
