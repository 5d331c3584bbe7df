/** WORKDAYS_RU: working days between two dates on the Russian calendar, like NETWORKDAYS. */
import { locateSettingsTables, parseSettings } from '../../workbook/settings';
import { UserError } from '../../errors';
import type { Day } from '../../time';
import { dayArg, isBlank, isGrid } from '../args';
import { WorkCalendar } from '../calendar';
import { runFunction, type FunctionContext, type FunctionRun } from './run';
import type { Table } from './table';

export function workdaysRu(
  ctx: FunctionContext,
  start: unknown,
  end: unknown,
  holidays?: unknown,
): Table | number {
  return runFunction(ctx, [], (run) => {
    const a = dayArg(run, 'start', start);
    if (a === null)
      throw new UserError('error.badArgument', {
        name: 'start',
        problem: run.problem('an.arg.date', { value: '' }),
      });
    const b = dayArg(run, 'end', end);
    if (b === null)
      throw new UserError('error.badArgument', {
        name: 'end',
        problem: run.problem('an.arg.date', { value: '' }),
      });
    const calendar = new WorkCalendar(holidayList(run, holidays));
    // Like NETWORKDAYS: a reversed range counts negative.
    return b >= a ? calendar.workingDaysBetween(a, b) : -calendar.workingDaysBetween(b, a);
  });
}

function holidayList(
  run: FunctionRun,
  holidays: unknown,
): { day: Day; dayOff: boolean; note: string }[] {
  if (isBlank(holidays)) return [];
  const grid: unknown[][] = isGrid(holidays) ? holidays : [[holidays]];
  if (locateSettingsTables(grid).calendar) return parseSettings(grid, run.zone, run.lang).calendar;
  const out: { day: Day; dayOff: boolean; note: string }[] = [];
  for (const row of grid) {
    for (const cell of row) {
      if (isBlank(cell) || typeof cell === 'boolean') continue;
      const d = dayArg(run, 'holidays', cell);
      if (d !== null) out.push({ day: d, dayOff: true, note: '' });
    }
  }
  return out;
}
