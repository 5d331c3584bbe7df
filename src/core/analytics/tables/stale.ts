/** SALES_STALE: deals without activity beyond their stage's limit, snoozed ones last. */
import { locateSettingsTables, parseSettings } from '../../workbook/settings';
import { UserError } from '../../errors';
import type { MessageKey } from '../../i18n';
import { ACTIVITIES, DEALS } from '../../workbook/schema';
import type { Deal } from '../../types';
import { activityTouchesArg, isGrid } from '../args';
import { forgottenDeals, type AttentionItem } from '../forgotten';
import { readDeals, workbook } from './inputs';
import { runFunction, type FunctionContext } from './run';
import type { Cell, Table } from './table';

export function salesStale(
  ctx: FunctionContext,
  deals: unknown,
  activities: unknown,
  settings: unknown,
  asOf?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [activities, ACTIVITIES],
    ],
    (run) => {
      const list = readDeals(run, deals, 'stale');
      const acts = activityTouchesArg(run, 'activities', activities, ACTIVITIES);
      if (!isGrid(settings))
        throw new UserError('error.badArgument', {
          name: 'settings',
          problem: run.problem('an.arg.notRange'),
        });
      if (!locateSettingsTables(settings).stages) {
        throw new UserError('error.badArgument', {
          name: 'settings',
          problem: run.problem('an.arg.missingColumns', {
            columns:
              run.lang === 'en'
                ? 'Stage», «Probability», «Stage kind'
                : 'Этап», «Вероятность», «Тип этапа',
          }),
        });
      }
      const parsed = parseSettings(settings, run.zone, run.lang);
      const at = run.asOf('asOf', asOf);
      const data = workbook(run, {
        settings: { ...ctx.settings, stages: parsed.stages },
        deals: list,
        activities: acts,
      });
      const sel = forgottenDeals(data, at);
      const header = [
        'an.col.dealId',
        'an.col.client',
        'an.col.deal',
        'an.col.manager',
        'an.col.stage',
        'an.col.daysSince',
        'an.col.limit',
        'an.col.daysOverdue',
        'an.col.severity',
        'an.col.status',
        'an.col.snoozedUntil',
        'an.col.reason',
      ].map((k) => run.h(k as MessageKey));
      const line = (i: AttentionItem<Deal>, snoozed: boolean): Cell[] => [
        i.record.id,
        i.record.clientName,
        i.record.title,
        run.managerName(i.manager),
        i.record.stage,
        i.days,
        i.limit,
        i.daysOverdue,
        run.h(`an.severity.${i.severity}` as MessageKey),
        run.h(snoozed ? 'an.status.snoozed' : 'an.status.active'),
        run.date(i.snoozedUntil),
        i.snoozeReason,
      ];
      return [
        header,
        ...sel.items.map((i) => line(i, false)),
        ...sel.snoozed.map((i) => line(i, true)),
      ];
    },
  );
}
