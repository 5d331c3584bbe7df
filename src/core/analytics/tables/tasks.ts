/** SALES_TASKS: completion on time of the tasks due in a period, per manager. */
import type { MessageKey } from '../../i18n';
import { toTask } from '../../tasks/read';
import { completionOnTime } from '../../tasks/rules';
import { TASKS } from '../../workbook/schema';
import { periodArg, tableArg, textArg } from '../args';
import { pct } from '../format';
import { runFunction, type FunctionContext } from './run';
import type { Table } from './table';

const HEADER: readonly MessageKey[] = [
  'tasks.fn.manager',
  'tasks.fn.due',
  'tasks.fn.onTime',
  'tasks.fn.late',
  'tasks.fn.overdue',
  'tasks.fn.share',
];

export function salesTasks(
  ctx: FunctionContext,
  tasks: unknown,
  period: unknown,
  manager?: unknown,
): Table | number {
  return runFunction(ctx, [[tasks, TASKS]], (run) => {
    const list = tableArg(run, 'tasks', tasks, TASKS).map((r) => toTask(r, run.zone));
    const p = periodArg(run, 'period', period);
    const who = textArg(manager).toLowerCase();
    const range = { from: p.start, to: p.end };
    const rows = completionOnTime(list, ctx.managers, range, ctx.now, run.zone)
      .map((r) => ({ ...r, name: run.managerName(r.manager) }))
      .filter((r) => !who || r.manager === who || r.name.toLowerCase() === who)
      .sort((a, b) => a.name.localeCompare(b.name));
    return [
      HEADER.map((k) => run.h(k)),
      ...rows.map((r) => [r.name, r.due, r.onTime, r.late, r.overdue, pct(r.share)]),
    ];
  });
}
