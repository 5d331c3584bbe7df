/** SALES_PLAN_FACT: plan, fact, forecast and pace per manager, team or the company. */
import { DEALS, PLANS } from '../../workbook/schema';
import { levelArg, periodArg } from '../args';
import { pct, roubles } from '../format';
import { planFact, type PlanFactRow } from '../planfact';
import { basisInputs } from './basis';
import { planData } from './inputs';
import { runFunction, type FunctionContext } from './run';
import { notes, rect, rowName } from './shape';
import type { Cell, Table } from './table';

export function salesPlanFact(
  ctx: FunctionContext,
  plans: unknown,
  deals: unknown,
  period: unknown,
  level?: unknown,
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
      const lvl = levelArg(run, 'level', level, 'manager');
      const at = run.asOf('asOf', asOf);
      const opts = { zone: run.zone };
      const rows = planFact(data, p, lvl, at, opts);
      const [company] = lvl === 'company' ? rows : planFact(data, p, 'company', at, opts);
      const header: Cell[] = [
        run.h(
          lvl === 'manager' ? 'an.col.manager' : lvl === 'team' ? 'an.col.team' : 'an.col.name',
        ),
        run.h('an.col.plan'),
        run.h('an.col.fact'),
        run.h('an.col.completion'),
        run.h('an.col.deviation'),
        run.h('an.col.runRate'),
        run.h('an.col.pace'),
        run.h('an.col.weighted'),
        run.h('an.col.forecast'),
        run.h('an.col.coverage'),
        run.h('an.col.daysElapsed'),
        run.h('an.col.daysTotal'),
      ];
      const line = (r: PlanFactRow, name: string): Cell[] => [
        name,
        roubles(r.plan),
        roubles(r.fact),
        pct(r.completion),
        roubles(r.deviation),
        r.runRateForecast === null ? '' : roubles(r.runRateForecast),
        r.requiredDailyPace === null ? '' : roubles(r.requiredDailyPace),
        roubles(r.weightedPipeline),
        roubles(r.forecast),
        r.coverage === null ? '' : Math.round(r.coverage * 100) / 100,
        r.workingDaysElapsed,
        r.workingDaysTotal,
      ];
      const table: Table = [header, ...rows.map((r) => line(r, rowName(run, r)))];
      if (lvl !== 'company') table.push(line(company, run.h('an.total')));
      return rect([...table, ...notes(run, company, lvl === 'company' ? [] : rows)]);
    },
  );
}
