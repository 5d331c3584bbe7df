/**
 * The rules of tasks, pure: who a task is for, whether it is overdue and by how many days, which
 * tasks escalate to the head (once), and completion on time per manager and period.
 */
import { normalizeHeader } from '../workbook/headers';
import { dayOfInstant, type Day, type Instant, type Zone } from '../time';
import type { Manager } from '../types';
import type { DayRange, OnTime, Task } from './types';

/** Words that mean "everyone" in the For whom column. */
const EVERYONE = new Set(['все', 'всем', 'всех', 'everyone', 'all', '*'].map(normalizeHeader));

export function isEveryone(whom: string): boolean {
  return EVERYONE.has(normalizeHeader(whom));
}

/** The active sales managers a task is for: one email, a team's members, or everyone. */
export function assigneesOf(task: Pick<Task, 'whom'>, managers: readonly Manager[]): string[] {
  const whom = task.whom.trim();
  if (!whom) return [];
  if (whom.includes('@')) return [whom.toLowerCase()];
  const sellers = managers.filter((m) => m.active && m.role === 'manager' && m.email);
  const all = isEveryone(whom);
  const team = normalizeHeader(whom);
  return sellers.filter((m) => all || normalizeHeader(m.team) === team).map((m) => m.email);
}

export function isAssignee(task: Pick<Task, 'whom'>, email: string, managers: readonly Manager[]) {
  return !!email && assigneesOf(task, managers).includes(email.toLowerCase());
}

export function isOverdue(task: Pick<Task, 'status' | 'due'>, now: Instant): boolean {
  return task.status === 'open' && task.due !== null && task.due < now;
}

/** Whole calendar days past the due day (0 on the due day itself, or when not overdue). */
export function daysOverdue(task: Pick<Task, 'status' | 'due'>, now: Instant, zone: Zone): number {
  if (!isOverdue(task, now) || task.due === null) return 0;
  return Math.max(0, dayOfInstant(now, zone) - dayOfInstant(task.due, zone));
}

/**
 * Tasks to escalate now: open, overdue by more than `afterDays` days, and not escalated before
 * (the Escalated column remembers it, so a rerun of the daily job escalates nothing twice).
 */
export function toEscalate(
  tasks: readonly Task[],
  now: Instant,
  zone: Zone,
  afterDays: number,
): Task[] {
  return tasks.filter((t) => t.escalatedAt === null && daysOverdue(t, now, zone) >= afterDays);
}

/** Open tasks first (overdue, then by due time), then the rest newest first. */
export function byUrgency(now: Instant): (a: Task, b: Task) => number {
  const rank = (t: Task) => (isOverdue(t, now) ? 0 : t.status === 'open' ? 1 : 2);
  const high = (t: Task) => (t.priority === 'high' ? 0 : 1);
  return (a, b) =>
    rank(a) - rank(b) ||
    (rank(a) < 2
      ? (a.due ?? Infinity) - (b.due ?? Infinity) || high(a) - high(b)
      : (b.doneAt ?? 0) - (a.doneAt ?? 0));
}

/**
 * Completion on time per manager over the days `range` (tasks due in it, cancelled ones aside).
 * A shared row (a team, everyone) counts for whoever completed it, or for each member while open.
 */
export function completionOnTime(
  tasks: readonly Task[],
  managers: readonly Manager[],
  range: DayRange,
  now: Instant,
  zone: Zone,
): OnTime[] {
  const by = new Map<string, OnTime>();
  const row = (email: string): OnTime => {
    let r = by.get(email);
    if (!r)
      by.set(email, (r = { manager: email, due: 0, onTime: 0, late: 0, overdue: 0, share: null }));
    return r;
  };
  for (const m of managers) if (m.active && m.role === 'manager' && m.email) row(m.email);
  for (const t of tasks) {
    if (t.status === 'cancelled' || t.due === null) continue;
    const day: Day = dayOfInstant(t.due, zone);
    if (day < range.from || day > range.to) continue;
    const who = t.status === 'done' && t.doneBy ? [t.doneBy] : assigneesOf(t, managers);
    for (const email of who) {
      const r = row(email);
      r.due++;
      if (t.status === 'done') {
        if (t.doneAt !== null && t.doneAt <= t.due) r.onTime++;
        else r.late++;
      } else if (isOverdue(t, now)) r.overdue++;
    }
  }
  for (const r of by.values()) r.share = r.due ? r.onTime / r.due : null;
  return [...by.values()];
}
