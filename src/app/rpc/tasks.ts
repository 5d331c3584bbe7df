/**
 * Tasks from the sidebar: the caller's tasks (the head and director: every task, and who is
 * late), setting one (head and director; one manager, a team or everyone, optionally from a deal),
 * completing one with a result (only whoever it is for), cancelling one (whoever set it, or the
 * head). Every ownership rule is checked here, under the lock, on what the write is based on.
 */
import { UserError } from '../../core/errors';
import { canCancel, canComplete, canSee, isLeader } from '../../core/tasks/access';
import { taskCells } from '../../core/tasks/read';
import {
  assigneesOf,
  byUrgency,
  completionOnTime,
  daysOverdue,
  isEveryone,
  isOverdue,
} from '../../core/tasks/rules';
import type { Task } from '../../core/tasks/types';
import { normalizeHeader } from '../../core/workbook/headers';
import { parseIsoDay, startOfDay } from '../../core/time';
import { parsePeriod } from '../../core/workbook/period';
import type { Manager } from '../../core/types';
import type { Request } from '../../shared/contract';
import type { TaskItem, TaskLate, TasksView } from '../../shared/contract-tasks';
import { readTasks } from '../tasks/store';
import type { Ctx } from './context';
import { requireFields } from './fields';

/** Closed tasks stay in the lists this long, so a manager sees what they just did. */
const RECENT_MS = 7 * 86_400_000;

function nameOf(managers: readonly Manager[], email: string): string {
  return managers.find((m) => m.email === email)?.name || email;
}

function item(ctx: Ctx, t: Task, managers: readonly Manager[]): TaskItem {
  return {
    id: t.id,
    what: t.what,
    whom: t.whom.includes('@') ? nameOf(managers, t.whom) : t.whom,
    dealId: t.dealId,
    clientName: t.clientName,
    due: t.due === null ? null : new Date(t.due).toISOString(),
    priority: t.priority,
    setBy: nameOf(managers, t.setBy),
    status: t.status,
    result: t.result,
    daysOverdue: daysOverdue(t, ctx.now, ctx.zone),
    overdue: isOverdue(t, ctx.now),
    canComplete: canComplete(t, ctx.me, managers),
    canCancel: canCancel(t, ctx.me),
  };
}

/** Managers with overdue tasks, most overdue first. */
function lateOf(ctx: Ctx, tasks: readonly Task[], managers: readonly Manager[]): TaskLate[] {
  const by = new Map<string, TaskLate>();
  for (const t of tasks) {
    if (!isOverdue(t, ctx.now)) continue;
    const days = daysOverdue(t, ctx.now, ctx.zone);
    for (const email of assigneesOf(t, managers)) {
      const r = by.get(email) ?? { email, name: nameOf(managers, email), overdue: 0, maxDays: 0 };
      r.overdue++;
      r.maxDays = Math.max(r.maxDays, days);
      by.set(email, r);
    }
  }
  return [...by.values()].sort((a, b) => b.maxDays - a.maxDays || b.overdue - a.overdue);
}

export function tasksView(ctx: Ctx, dealId = '', period = ''): TasksView {
  const managers = ctx.wb.list('managers');
  const all = readTasks(ctx.wb);
  const shown = all
    .filter((t) => canSee(t, ctx.me, managers))
    .filter((t) => !dealId || t.dealId === dealId)
    .filter((t) => t.status === 'open' || (t.doneAt ?? t.createdAt ?? 0) > ctx.now - RECENT_MS)
    .sort(byUrgency(ctx.now));
  const leader = isLeader(ctx.me);
  const sellers = managers.filter((m) => m.active && m.role === 'manager' && m.email);
  return {
    tasks: shown.map((t) => item(ctx, t, managers)),
    late: leader ? lateOf(ctx, all, managers) : [],
    people: leader ? sellers.map((m) => ({ email: m.email, name: m.name })) : [],
    teams: leader ? [...new Set(sellers.map((m) => m.team).filter(Boolean))] : [],
    onTime: leader ? onTimeOf(ctx, all, managers, period) : [],
  };
}

function onTimeOf(
  ctx: Ctx,
  tasks: readonly Task[],
  managers: readonly Manager[],
  period: string,
): TasksView['onTime'] {
  const p = period ? parsePeriod(period) : null;
  if (!p) return [];
  const range = { from: p.start, to: p.end };
  return completionOnTime(tasks, managers, range, ctx.now, ctx.zone).map((r) => ({
    email: r.manager,
    name: nameOf(managers, r.manager),
    due: r.due,
    onTime: r.onTime,
    share: r.share,
  }));
}

/** For Today: the caller's tasks, or nothing in a workbook whose Setup has not made the sheet. */
export function todayTasks(ctx: Ctx): TasksView | undefined {
  try {
    return tasksView(ctx);
  } catch (e) {
    if (e instanceof UserError) return undefined;
    throw e;
  }
}

/** The due instant of the form: a day and an optional HH:MM (none = the end of that day). */
function dueOf(ctx: Ctx, day: string, time: string): number {
  const d = parseIsoDay(day.trim());
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  const bad = () => new UserError('tasks.badDue', {}, [{ field: 'due', key: 'tasks.badDue' }]);
  if (d === null || (time.trim() && (!m || +m[1] > 23 || +m[2] > 59))) throw bad();
  const due = m
    ? startOfDay(d, ctx.zone) + (+m[1] * 60 + +m[2]) * 60_000
    : startOfDay(d + 1, ctx.zone) - 60_000;
  if (due < ctx.now) throw bad();
  return due;
}

/** The people a task is for: one manager, a team's managers, or every manager. */
function whomOf(whom: string, managers: readonly Manager[]): string[] {
  const w = whom.trim();
  const people = assigneesOf({ whom: isEveryone(w) ? '*' : w }, managers);
  const known = w.includes('@')
    ? managers.some((m) => m.active && m.email === w.toLowerCase())
    : isEveryone(w) || managers.some((m) => normalizeHeader(m.team) === normalizeHeader(w));
  if (!known || !people.length) {
    throw new UserError('tasks.noAssignee', { whom: w }, [
      { field: 'whom', key: 'tasks.noAssignee', params: { whom: w } },
    ]);
  }
  return people;
}

export function setTask(r: Request<'setTask'>, ctx: Ctx): TasksView {
  requireFields(ctx, [
    ['what', r.what, 'tasks.f.what'],
    ['whom', r.whom, 'tasks.f.whom'],
    ['due', r.due, 'tasks.f.due'],
  ]);
  const due = dueOf(ctx, r.due, r.time);
  ctx.write(() => {
    const managers = ctx.wb.list('managers');
    const people = whomOf(r.whom, managers);
    const dealId = r.dealId.trim().toUpperCase();
    const deal = dealId ? ctx.wb.list('deals').find((d) => d.id === dealId) : undefined;
    if (dealId && !deal) throw new UserError('error.notFound', { id: dealId });
    // Read whole (it is shown in the answer): a missing sheet or column stops it before writing.
    ctx.wb.table('tasks');
    // One row per person, so that each one's completion (and lateness) is their own.
    const rows = people.map((email) =>
      taskCells(
        {
          id: '',
          what: r.what.trim(),
          whom: email,
          dealId,
          clientName: deal?.clientName ?? '',
          due,
          priority: r.priority,
          setBy: ctx.me.email,
          status: 'open',
          result: '',
          doneAt: null,
          doneBy: '',
          escalatedAt: null,
          createdAt: ctx.now,
        },
        ctx.lang,
      ),
    );
    ctx.wb.appendWithIds(
      'tasks',
      'T',
      rows.map(({ id: _id, ...rest }) => rest),
    );
  }, ['managers']);
  return tasksView(ctx, r.dealId.trim().toUpperCase());
}

function taskOf(ctx: Ctx, id: string): Task {
  const managers = ctx.wb.list('managers');
  const task = readTasks(ctx.wb).find((t) => t.id === id);
  // A task the caller may not see answers like a missing one.
  if (!task || !canSee(task, ctx.me, managers)) throw new UserError('error.notFound', { id });
  return task;
}

export function completeTask(r: Request<'completeTask'>, ctx: Ctx): TasksView {
  requireFields(ctx, [['result', r.result, 'tasks.f.result']]);
  ctx.write(() => {
    const task = taskOf(ctx, r.id);
    if (task.status !== 'open') throw new UserError('tasks.closed', { id: r.id });
    if (!canComplete(task, ctx.me, ctx.wb.list('managers')))
      throw new UserError('tasks.notYours', { id: r.id });
    ctx.wb.update('tasks', task.row, {
      status: taskCells({ ...task, status: 'done' }, ctx.lang).status,
      result: r.result.trim(),
      doneAt: ctx.now,
      doneBy: ctx.me.email,
    });
  }, ['managers']);
  return tasksView(ctx, r.dealId);
}

export function cancelTask(r: Request<'cancelTask'>, ctx: Ctx): TasksView {
  ctx.write(() => {
    const task = taskOf(ctx, r.id);
    if (task.status !== 'open') throw new UserError('tasks.closed', { id: r.id });
    if (!canCancel(task, ctx.me)) throw new UserError('tasks.cannotCancel', { id: r.id });
    ctx.wb.update('tasks', task.row, {
      status: taskCells({ ...task, status: 'cancelled' }, ctx.lang).status,
    });
  }, ['managers']);
  return tasksView(ctx, r.dealId);
}
