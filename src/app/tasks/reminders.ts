/**
 * The daily job's part for tasks: before anything else, under the lock, stamp the tasks that
 * escalate today (once: the Escalated column), then add the tasks sections to the digests and the
 * head's summary and offer the day's escalation mail. A workbook without a Tasks sheet (Setup not
 * run since the update) simply has no tasks in its mail.
 */
import { isUserError } from '../../core/errors';
import { toEscalate } from '../../core/tasks/rules';
import type { ContentSource } from '../../core/reminders/plan';
import type { DayContent } from '../../core/reminders/source';
import {
  escalatedOn,
  renderEscalation,
  withSummaryTasks,
  withTaskSections,
  type TaskMailInput,
} from '../../core/reminders/tasks';
import type { Day } from '../../core/time';
import type { Workbook } from '../../gas/workbook';
import { readTasks } from './store';

export function prepareTaskMail(wb: Workbook, now: number): TaskMailInput | null {
  try {
    return wb.locked(() => {
      const zone = wb.zone;
      const tasks = readTasks(wb);
      const due = new Set(toEscalate(tasks, now, zone, wb.settings.taskEscalationDays ?? 2));
      for (const k of due) wb.update('tasks', k.row, { escalatedAt: now });
      return {
        tasks: tasks.map((k) => (due.has(k) ? { ...k, escalatedAt: now } : k)),
        managers: wb.list('managers'),
        now,
        zone,
        lang: wb.lang,
      };
    });
  } catch (e) {
    if (isUserError(e)) return null;
    throw e;
  }
}

export function withTaskMail(x: TaskMailInput, dc: DayContent, day: Day): DayContent {
  const base = dc.content;
  const content: ContentSource = {
    digestFor: (r) => {
      const d = base.digestFor(r);
      return withTaskSections(x, day, d ? [d] : []).find((m) => m.manager === r) ?? null;
    },
    summary: () => withSummaryTasks(x, base.summary()),
    report: (kind, on) => base.report(kind, on),
    escalation: (on) => renderEscalation(x, on),
  };
  return { ...dc, digests: withTaskSections(x, day, dc.digests), content };
}

export function escalatesOn(x: TaskMailInput | null, day: Day): boolean {
  return !!x && escalatedOn(x.tasks, day, x.zone).length > 0;
}
