/** SALES_FORECAST: each manager's forecast and the pipeline coverage the period needs. */
import type { MessageKey } from '../../i18n';
import { DEALS, PLANS } from '../../workbook/schema';
import { periodArg } from '../args';
import { roubles } from '../format';
import { forecastReport, type ForecastLine } from '../forecast';
import { basisInputs } from './basis';
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
  basis?: unknown,
  invoices?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [plans, PLANS],
    ],
    (run) => {
      const b = basisInputs(run, basis, invoices);
      const data = planData(run, plans, deals, {
        settings: { factBasis: b.basis },
        invoices: b.invoices,
      });
      const p = periodArg(run, 'period', period);
      const at = run.asOf('asOf', asOf);
      const f = forecastReport(data, p, at, run.zone);
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
      const line = ({ row: r, neededCoverage }: ForecastLine, name: string): Cell[] => [
        name,
        roubles(r.plan),
        roubles(r.fact),
        roubles(r.weightedPipeline),
        roubles(r.forecast),
        r.runRateForecast === null ? '' : roubles(r.runRateForecast),
        roubles(r.openPipeline),
        r.coverage === null ? '' : Math.round(r.coverage * 100) / 100,
        neededCoverage === null ? '' : Math.round(neededCoverage * 100) / 100,
      ];
      return rect([
        header,
        ...f.managers.map((m) => line(m, m.row.name)),
        line(f.company, run.h('an.total')),
        ...notes(
          run,
          f.company.row,
          f.managers.map((m) => m.row),
        ),
      ]);
    },
  );
}
