/** SALES_FORECAST: each manager's forecast and the pipeline coverage the period needs. */
import type { MessageKey } from '../../i18n';
import { DEALS, PLANS } from '../../schema';
import { periodArg } from '../args';
import { roubles } from '../format';
import { winRatesByManager } from '../kpi';
import { planFact, type PlanFactRow } from '../planfact';
import { planData } from './inputs';
import { runFunction, type FunctionContext } from './run';
import { notes, rect } from './shape';
import type { Cell, Table } from './table';

export function salesForecast(
  ctx: FunctionContext,
  deals: unknown,
  plans: unknown,
  period: unknown,
  asOf?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [plans, PLANS],
    ],
    (run) => {
      const data = planData(run, plans, deals);
      const p = periodArg(run, 'period', period);
      const at = run.asOf('asOf', asOf);
      const rows = planFact(data, p, 'manager', at.day, { zone: run.zone });
      const [company] = planFact(data, p, 'company', at.day, { zone: run.zone });
      // Win rate over the last 12 months up to the as-of day: the coverage a period needs.
      const rates = winRatesByManager(data.deals, at.day - 364, at.day, data.settings);
      const needed = (rate: number | null | undefined): Cell =>
        rate ? Math.round((1 / rate) * 100) / 100 : '';
      const header = [
        'an.col.manager',
        'an.col.plan',
        'an.col.fact',
        'an.col.weighted',
        'an.col.forecast',
        'an.col.runRate',
        'an.col.openPipeline',
        'an.col.coverage',
        'an.col.neededCoverage',
      ].map((k) => run.h(k as MessageKey));
      const line = (r: PlanFactRow, name: string, rate: number | null | undefined): Cell[] => [
        name,
        roubles(r.plan),
        roubles(r.fact),
        roubles(r.weightedPipeline),
        roubles(r.forecast),
        r.runRateForecast === null ? '' : roubles(r.runRateForecast),
        roubles(r.openPipeline),
        r.coverage === null ? '' : Math.round(r.coverage * 100) / 100,
        needed(rate),
      ];
      return rect([
        header,
        ...rows.map((r) => line(r, r.name, rates.byManager.get(r.target))),
        line(company, run.h('an.total'), rates.total),
        ...notes(run, company),
      ]);
    },
  );
}
