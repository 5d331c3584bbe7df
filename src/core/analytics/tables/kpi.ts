/** SALES_KPI: the deal KPIs of a period, one metric per row. */
import type { MessageKey } from '../../i18n';
import { DEALS } from '../../workbook/schema';
import { periodArg, textArg } from '../args';
import { excludedNote, orBlank, pct, roubles } from '../format';
import { managerNotes } from '../managers';
import { dealKpis } from '../kpi';
import { readDeals } from './inputs';
import { runFunction, type FunctionContext } from './run';
import type { Cell, Table } from './table';

export function salesKpi(
  ctx: FunctionContext,
  deals: unknown,
  period: unknown,
  manager?: unknown,
): Table | number {
  return runFunction(ctx, [[deals, DEALS]], (run) => {
    const list = readDeals(run, deals, 'kpi');
    const p = periodArg(run, 'period', period);
    const k = dealKpis(list, p, ctx.settings, run.zone, textArg(manager), ctx.managers);
    const rows: Array<[MessageKey, Cell]> = [
      ['an.kpi.won', k.won],
      ['an.kpi.lost', k.lost],
      ['an.kpi.winRate', pct(k.winRate)],
      ['an.kpi.winRateValue', pct(k.winRateValue)],
      ['an.kpi.wonAmount', roubles(k.wonAmount)],
      ['an.kpi.averageDeal', k.averageDeal === null ? '' : roubles(k.averageDeal)],
      ['an.kpi.cycleMedian', orBlank(k.cycleMedianDays)],
      ['an.kpi.cycleMean', orBlank(k.cycleMeanDays)],
      ['an.kpi.openQualified', k.openQualified],
      ['an.kpi.velocity', k.velocityPerDay === null ? '' : roubles(k.velocityPerDay)],
      ['an.kpi.pushed', k.pushedDeals.length],
      ['an.kpi.noAmount', k.dealsWithoutAmount],
    ];
    const table: Table = [
      [run.h('an.col.metric'), run.h('an.col.value')],
      ...rows.map(([key, v]) => [run.h(key), v]),
    ];
    const ex = excludedNote(k.excluded, run.lang);
    if (ex) table.push([ex, '']);
    for (const note of managerNotes(k.managers, run.lang)) table.push([note, '']);
    return table;
  });
}
