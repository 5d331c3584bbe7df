/** Tasks done on time per manager over the dashboard's period (the figures: core/tasks/rules). */
import type { OnTime } from '../../tasks/types';
import type { BlockDraft, DashInput } from './model';

export function tasksBlock(
  { h }: Pick<DashInput, 'h'>,
  rows: readonly OnTime[],
  nameOf: (email: string) => string,
): BlockDraft | null {
  const shown = rows.filter((r) => r.due > 0);
  if (!shown.length) return null;
  return {
    key: 'tasks',
    title: h('tasks.dash.title'),
    header: [
      h('tasks.fn.manager'),
      h('tasks.fn.due'),
      h('tasks.fn.onTime'),
      h('tasks.fn.late'),
      h('tasks.fn.overdue'),
      h('tasks.fn.share'),
    ],
    rows: shown.map((r) => [nameOf(r.manager), r.due, r.onTime, r.late, r.overdue, r.share ?? '']),
    formats: ['text', 'int', 'int', 'int', 'int', 'percent'],
    notes: [],
  };
}
