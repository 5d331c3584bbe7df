/**
 * Tasks as the execution's Workbook holds them: the Tasks sheet read once (one getValues), typed
 * per call; writes go through the Workbook (one setValues per block), so a later read in the same
 * execution sees them.
 */
import { toTask } from '../../core/tasks/read';
import type { Task } from '../../core/tasks/types';
import type { Workbook } from '../../gas/workbook';

export function readTasks(wb: Workbook): Task[] {
  const zone = wb.zone;
  return wb
    .table('tasks')
    .records.filter((r) => r.cells.id || r.cells.what)
    .map((r) => toTask(r, zone));
}

/** Whether the workbook has a Tasks sheet (an older workbook before Setup ran again). */
export function hasTasks(wb: Workbook): boolean {
  try {
    wb.requireHeader('tasks');
    return true;
  } catch {
    return false;
  }
}
