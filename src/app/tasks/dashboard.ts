/** The Dashboard's tasks block: read the Tasks sheet once (none in a workbook without it). */
import { tasksBlock } from '../../core/analytics/dashboard/tasks';
import type { BlockDraft } from '../../core/analytics/dashboard/model';
import type { Period } from '../../core/analytics/period';
import { isUserError } from '../../core/errors';
import { t } from '../../core/i18n';
import { completionOnTime } from '../../core/tasks/rules';
import type { Task } from '../../core/tasks/types';
import type { Manager } from '../../core/types';
import type { Workbook } from '../../gas/workbook';
import { readTasks } from './store';

export function taskBlockFor(
  wb: Workbook,
  managers: readonly Manager[],
  now: number,
): (period: Period) => BlockDraft | null {
  let tasks: Task[] = [];
  try {
    tasks = readTasks(wb);
  } catch (e) {
    if (!isUserError(e)) throw e;
  }
  const zone = wb.zone;
  const lang = wb.lang;
  const name = (email: string) => managers.find((m) => m.email === email)?.name || email;
  return (period) =>
    tasksBlock(
      { h: (k) => t(lang, k) },
      completionOnTime(tasks, managers, { from: period.start, to: period.end }, now, zone),
      name,
    );
}
