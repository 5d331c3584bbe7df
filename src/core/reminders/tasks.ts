/**
 * Tasks in the mail (issue #14): the manager's open tasks in their daily digest, the team's
 * overdue tasks with days overdue in the head's summary, and the escalation mail: a task overdue
 * past the setting goes to the head once. "Once" holds across reruns twice over: the job writes
 * the task's Escalated time before planning, and the day's escalation mail lists the tasks
 * escalated that day under its own Sent-mail key (day, head, "escalation"), so a rerun finds the
 * key final and a later day's mail names other tasks.
 */
import { t } from '../i18n';
import { dayOfInstant, formatDay, minuteOfDay, type Day, type Instant, type Zone } from '../time';
import type { Lang, Manager } from '../types';
import { assigneesOf, byUrgency, daysOverdue, isOverdue } from '../tasks/rules';
import type { Task } from '../tasks/types';
import { escapeHtml, plain } from './escape';
import type { Digest, ExtraSection, HeadSummary, RenderedMail } from './types';
import { SECTIONS } from './types';

function when(at: Instant | null, zone: Zone): string {
  if (at === null) return '';
  const m = minuteOfDay(at, zone);
  const hm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${formatDay(dayOfInstant(at, zone))} ${hm}`;
}

function nameOf(managers: readonly Manager[], email: string): string {
  return managers.find((m) => m.email === email)?.name || email;
}

export interface TaskMailInput {
  tasks: readonly Task[];
  managers: readonly Manager[];
  now: Instant;
  zone: Zone;
  lang: Lang;
}

/** The manager's open tasks, overdue first; null when they have none. */
export function digestTasks(x: TaskMailInput, manager: string): ExtraSection | null {
  const mine = x.tasks
    .filter((k) => k.status === 'open' && assigneesOf(k, x.managers).includes(manager))
    .sort(byUrgency(x.now));
  if (!mine.length) return null;
  return {
    title: t(x.lang, 'tasks.digest.title'),
    lines: mine.map((k) => {
      const due = when(k.due, x.zone);
      const days = daysOverdue(k, x.now, x.zone);
      const tail = isOverdue(k, x.now)
        ? t(x.lang, 'tasks.digest.overdue', { days, when: due })
        : t(x.lang, 'tasks.digest.due', { when: due });
      return `${k.what}${k.clientName ? ` (${k.clientName})` : ''}: ${tail}`;
    }),
  };
}

/** The team's overdue tasks with days overdue, most overdue first; null when none. */
export function summaryTasks(x: TaskMailInput): ExtraSection | null {
  const late = x.tasks
    .filter((k) => isOverdue(k, x.now))
    .sort((a, b) => daysOverdue(b, x.now, x.zone) - daysOverdue(a, x.now, x.zone));
  if (!late.length) return null;
  return {
    title: t(x.lang, 'tasks.summary.title'),
    lines: late.map((k) =>
      t(x.lang, 'tasks.summary.row', {
        who:
          assigneesOf(k, x.managers)
            .map((e) => nameOf(x.managers, e))
            .join(', ') || k.whom,
        what: k.what,
        days: daysOverdue(k, x.now, x.zone),
      }),
    ),
  };
}

/** Adds the tasks sections; a manager with tasks and nothing else still gets a digest. */
export function withTaskSections(x: TaskMailInput, day: Day, digests: readonly Digest[]): Digest[] {
  const out = digests.map((d) => {
    const s = digestTasks(x, d.manager);
    return s ? { ...d, extra: [...(d.extra ?? []), s] } : d;
  });
  const have = new Set(out.map((d) => d.manager));
  for (const m of x.managers) {
    if (!m.active || m.role !== 'manager' || !m.email || have.has(m.email)) continue;
    const s = digestTasks(x, m.email);
    if (!s) continue;
    const sections = Object.fromEntries(
      SECTIONS.map((k) => [k, []]),
    ) as unknown as Digest['sections'];
    out.push({
      manager: m.email,
      managerName: m.name,
      day,
      sections,
      plan: null,
      urgency: s.lines.length,
      total: s.lines.length,
      more: 0,
      extra: [s],
    });
  }
  return out;
}

export function withSummaryTasks(x: TaskMailInput, s: HeadSummary): HeadSummary {
  const extra = summaryTasks(x);
  return extra ? { ...s, extra: [...(s.extra ?? []), extra] } : s;
}

/** Tasks whose escalation belongs to `day` (the job stamped them that day). */
export function escalatedOn(tasks: readonly Task[], day: Day, zone: Zone): Task[] {
  return tasks.filter((k) => k.escalatedAt !== null && dayOfInstant(k.escalatedAt, zone) === day);
}

/** One email per day and head listing that day's escalations; null when there are none. */
export function renderEscalation(x: TaskMailInput, day: Day): RenderedMail | null {
  const list = escalatedOn(x.tasks, day, x.zone);
  if (!list.length) return null;
  const rows = list.map((k) => {
    const who =
      assigneesOf(k, x.managers)
        .map((e) => nameOf(x.managers, e))
        .join(', ') || k.whom;
    const days = Math.max(daysOverdue(k, x.now, x.zone), 0);
    return {
      who,
      days,
      text: t(x.lang, 'tasks.escalation.body', {
        what: k.what,
        who,
        days,
        when: when(k.due, x.zone),
        by: nameOf(x.managers, k.setBy),
      }),
    };
  });
  const worst = rows.reduce((a, b) => (b.days > a.days ? b : a));
  return {
    subject: t(x.lang, 'tasks.escalation.subject', { days: worst.days, who: worst.who }),
    text: rows.map((r) => `• ${plain(r.text)}`).join('\n') + '\n',
    html:
      '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif;font-size:14px">' +
      rows.map((r) => `<p>${escapeHtml(r.text)}</p>`).join('') +
      '</body></html>',
  };
}
