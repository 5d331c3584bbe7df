/** SALES_CAPACITY: the plan defence (src/core/plans/capacity.ts) for a period and a target. */
import { UserError } from '../../errors';
import { t } from '../../i18n';
import { toKopecks } from '../../money';
import { salesCapacity } from '../../plans/capacity';
import { defenceTable } from '../../plans/defence';
import { DEFAULT_RAMP } from '../../plans/ramp';
import { toManager } from '../../workbook/records';
import { DEALS, MANAGERS } from '../../workbook/schema';
import { isBlank, periodArg, tableArg } from '../args';
import { readDeals } from './inputs';
import { workbook } from './inputs';
import { runFunction, type FunctionContext } from './run';
import type { Table } from './table';

function numberArg(value: unknown): number | null {
  if (isBlank(value)) return null;
  const n =
    typeof value === 'number' ? value : Number(String(value).replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : NaN;
}

export function salesCapacityTable(
  ctx: FunctionContext,
  deals: unknown,
  managers: unknown,
  period: unknown,
  historyMonths?: unknown,
  target?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [managers, MANAGERS],
    ],
    (run) => {
      const list = readDeals(run, deals, 'kpi');
      const people = tableArg(run, 'managers', managers, MANAGERS).map(toManager);
      const p = periodArg(run, 'period', period);
      const months = numberArg(historyMonths) ?? 12;
      if (!Number.isInteger(months) || months < 1 || months > 36) {
        throw new UserError('error.badArgument', {
          name: 'history_months',
          problem: t(run.lang, 'pl.arg.months'),
        });
      }
      const goal = numberArg(target);
      if (goal !== null && !(goal >= 0)) {
        throw new UserError('error.badArgument', {
          name: 'target',
          problem: t(run.lang, 'pl.arg.target'),
        });
      }
      const result = salesCapacity(workbook(run, { deals: list, managers: people }), {
        period: p,
        historyMonths: months,
        asOf: run.asOf('asOf', '').day,
        zone: run.zone,
        curve: ctx.settings.rampCurve ?? DEFAULT_RAMP,
        target: goal === null ? null : toKopecks(goal),
      });
      return defenceTable(run.lang, result);
    },
  );
}
