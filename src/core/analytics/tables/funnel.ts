/** SALES_FUNNEL: the stage funnel of the deals created between two dates. */
import { toStageChange } from '../../workbook/records';
import { UserError } from '../../errors';
import { t, type MessageKey } from '../../i18n';
import { DEALS, STAGE_HISTORY } from '../../workbook/schema';
import { dayArg, tableArg } from '../args';
import { pct, roubles } from '../format';
import { stageFunnel } from '../funnel';
import { readDeals } from './inputs';
import { runFunction, type FunctionContext } from './run';
import { rect } from './shape';
import type { Cell, Table } from './table';

export function salesFunnel(
  ctx: FunctionContext,
  deals: unknown,
  stageHistory: unknown,
  from?: unknown,
  to?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [stageHistory, STAGE_HISTORY],
    ],
    (run) => {
      const list = readDeals(run, deals, 'funnel');
      const history = tableArg(run, 'stageHistory', stageHistory, STAGE_HISTORY, ['fromStage']).map(
        toStageChange,
      );
      const start = dayArg(run, 'from', from);
      const end = dayArg(run, 'to', to);
      if (start !== null && end !== null && end < start) {
        throw new UserError('error.badArgument', {
          name: 'to',
          problem: run.problem('an.arg.order'),
        });
      }
      const f = stageFunnel(list, history, ctx.settings, run.zone, start, end);
      const header = [
        'an.col.stage',
        'an.col.reached',
        'an.col.conversion',
        'an.col.dropOff',
        'an.col.fromFirst',
        'an.col.amount',
      ].map((k) => run.h(k as MessageKey));
      return rect([
        header,
        ...f.rows.map((r): Cell[] => [
          r.stage,
          r.reached,
          pct(r.conversion),
          pct(r.dropOff),
          pct(r.fromFirst),
          roubles(r.amount),
        ]),
        [
          t(run.lang, 'an.funnel.cohort', {
            cohort: f.cohort,
            won: f.won,
            lost: f.lost,
            open: f.open,
          }),
        ],
      ]);
    },
  );
}
