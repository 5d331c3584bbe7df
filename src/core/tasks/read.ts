/**
 * Tasks rows <-> typed tasks. Status and priority are read in either language (and common
 * spellings) and written in the workbook's; a blank status is open, a blank priority normal.
 */
import type { Lang } from '../types';
import { makeEnum } from '../workbook/enums';
import type { RawRecord } from '../workbook/tables';
import { startOfDay, type Zone } from '../time';
import type { Task, TaskPriority, TaskStatus } from './types';

export const TASK_STATUSES = makeEnum<TaskStatus>({
  values: ['open', 'done', 'cancelled'],
  ru: { open: 'Открыта', done: 'Выполнена', cancelled: 'Отменена' },
  en: { open: 'Open', done: 'Done', cancelled: 'Cancelled' },
  aliases: {
    open: ['в работе', 'новая', 'открыто', 'to do'],
    done: ['готово', 'сделано', 'выполнено', 'closed'],
    cancelled: ['отменено', 'отмена', 'canceled'],
  },
});

export const TASK_PRIORITIES = makeEnum<TaskPriority>({
  values: ['high', 'normal', 'low'],
  ru: { high: 'Высокий', normal: 'Обычный', low: 'Низкий' },
  en: { high: 'High', normal: 'Normal', low: 'Low' },
  aliases: {
    high: ['срочно', 'высокая', 'urgent'],
    normal: ['средний', 'medium'],
    low: ['низкая'],
  },
});

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * A due cell typed as a bare date reads as midnight; a task due "on the 3rd" is due by the end of
 * that day, so a midnight due counts from the day's last minute.
 */
export function dueOf(at: number | null, zone: Zone): number | null {
  if (at === null) return null;
  const day = Math.floor((at + zone.offsetMinutes(at) * 60_000) / 86_400_000);
  return startOfDay(day, zone) === at ? startOfDay(day + 1, zone) - 60_000 : at;
}

export function toTask({ row, cells: c }: RawRecord, zone: Zone): Task {
  const whom = str(c.whom).trim();
  return {
    row,
    id: str(c.id),
    what: str(c.what),
    whom: whom.includes('@') ? whom.toLowerCase() : whom,
    dealId: str(c.dealId),
    clientName: str(c.clientName),
    due: dueOf(num(c.due), zone),
    priority: TASK_PRIORITIES.parse(c.priority) ?? 'normal',
    setBy: str(c.setBy).toLowerCase(),
    status: TASK_STATUSES.parse(c.status) ?? 'open',
    result: str(c.result),
    doneAt: num(c.doneAt),
    doneBy: str(c.doneBy).toLowerCase(),
    escalatedAt: num(c.escalatedAt),
    createdAt: num(c.createdAt),
  };
}

/** The cells of a task as the sheet shows them (labels in the workbook's language). */
export function taskCells(t: Omit<Task, 'row'>, lang: Lang): Record<string, unknown> {
  return {
    ...t,
    priority: TASK_PRIORITIES.label(t.priority, lang),
    status: TASK_STATUSES.label(t.status, lang),
  };
}
