/**
 * What the job sends on a given day: which kinds are due (by the workbook calendar), to whom,
 * in which order, plus what earlier runs left owed. Content is built lazily per email, so a run
 * that stops early never renders what it will not send.
 */
import { isoDay, parseIsoDay, weekday, ymdFromDay, dayFromYmd, type Day } from '../time';
import type { Manager } from '../types';
import { normEmail, splitByEmail } from './digest';
import type { Envelope } from './engine';
import { isValidEmail } from './escape';
import { fitToSize, renderDigest, renderReport, renderSummary } from './render';
import { isOpen, keyString, type MailKey, type SentEntry } from './sentlog';
import type {
  Digest,
  HeadSummary,
  MailKind,
  PeriodReport,
  RenderContext,
  RenderedMail,
} from './types';

export interface WorkingDays {
  isWorkingDay(day: Day): boolean;
}

/** The first working day of the days [from, to], or null. */
function firstWorking(cal: WorkingDays, from: Day, to: Day): Day | null {
  for (let d = from; d <= to; d++) if (cal.isWorkingDay(d)) return d;
  return null;
}

/**
 * Daily mail on working days (every day when `workingDaysOnly` is off); the weekly report on the
 * first working day of the ISO week (Monday, unless it is a holiday); the monthly results on the
 * first working day of the month.
 */
export function kindsForDay(day: Day, cal: WorkingDays, workingDaysOnly: boolean): MailKind[] {
  const working = cal.isWorkingDay(day);
  if (workingDaysOnly && !working) return [];
  const kinds: MailKind[] = ['summary', 'digest'];
  const monday = day - (weekday(day) - 1);
  const weekStart = workingDaysOnly ? firstWorking(cal, monday, monday + 6) : monday;
  if (weekStart === day) kinds.push('weekly');
  const { year, month } = ymdFromDay(day);
  const first = dayFromYmd(year, month, 1);
  if (firstWorking(cal, first, first + 27) === day) kinds.push('monthly');
  return kinds;
}

/** Where the content of each kind comes from (built from the workbook by source.ts). */
export interface ContentSource {
  digestFor(recipient: string): Digest | null;
  summary(): HeadSummary;
  /** The report due on `day` (weekly: the week before it; monthly: the month before it). */
  report(kind: 'weekly' | 'monthly', day: Day): PeriodReport;
  /** The escalation mail of `day` to a head (tasks overdue past the setting); null = none. */
  escalation?(day: Day, recipient: string): RenderedMail | null;
}

export interface Recipients {
  heads: string[];
  /** Heads plus the director address(es) from Settings, without duplicates. */
  reports: string[];
  /** People the job could not mail (no valid email): reported in the log and the summary. */
  invalid: Manager[];
}

export function recipientsOf(
  managers: readonly Manager[],
  reportRecipients: readonly string[],
): Recipients {
  const { valid, invalid } = splitByEmail(managers);
  const heads = unique(valid.filter((m) => m.role === 'head').map((m) => normEmail(m.email)));
  const directors = valid.filter((m) => m.role === 'director').map((m) => normEmail(m.email));
  const extra = reportRecipients.map(normEmail).filter(isValidEmail);
  return { heads, reports: unique([...heads, ...directors, ...extra]), invalid };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs.filter(Boolean))];
}

export interface PlanInput {
  today: Day;
  kinds: readonly MailKind[];
  /** Digests with something to say, most urgent first. */
  digests: readonly Digest[];
  recipients: Recipients;
  /** Sent-log entries as read at the start of the run. */
  entries: readonly SentEntry[];
  content: ContentSource;
  ctx: RenderContext;
  /** How far back owed mail is still worth sending. */
  carryDays?: number;
}

const DAILY: ReadonlySet<MailKind> = new Set(['digest', 'summary']);

/** Priority bands: the head's mail first, then reports to others, then managers by urgency. */
function priorityOf(kind: MailKind, isHead: boolean, rank: number): number {
  if (kind === 'summary' || kind === 'escalation') return 0;
  if (kind === 'monthly' || kind === 'weekly') return isHead ? 1 : 2;
  return 10 + rank;
}

export interface Planned {
  envelopes: Envelope[];
  /** Owed daily mail of earlier days replaced by today's (recorded as skipped). */
  superseded: MailKey[];
}

export function planEnvelopes(input: PlanInput): Planned {
  const { today, content, ctx } = input;
  const day = isoDay(today);
  const heads = new Set(input.recipients.heads);
  const envelopes: Envelope[] = [];
  const wanted = new Set<string>();
  const add = (key: MailKey, priority: number, render: Envelope['render']) => {
    const k = keyString(key);
    if (wanted.has(k)) return;
    wanted.add(k);
    envelopes.push({ key, priority, render });
  };
  const digestMail = (d: Digest | null) => {
    if (!d) return null;
    return fitToSize(ctx, (cap) => renderDigest(d, ctx, cap));
  };
  let summary: HeadSummary | null = null;
  const summaryMail = () =>
    fitToSize(ctx, (cap) => renderSummary((summary ??= content.summary()), ctx, cap));
  const reportMail = (kind: 'weekly' | 'monthly', on: Day) => {
    const r = content.report(kind, on);
    return fitToSize(ctx, (cap) => renderReport(r, ctx, cap));
  };

  for (const kind of input.kinds) {
    if (kind === 'summary') {
      for (const h of input.recipients.heads)
        add({ day, recipient: h, kind }, priorityOf(kind, true, 0), summaryMail);
    } else if (kind === 'escalation') {
      for (const h of input.recipients.heads)
        add({ day, recipient: h, kind }, priorityOf(kind, true, 0), () =>
          content.escalation ? content.escalation(today, h) : null,
        );
    } else if (kind === 'digest') {
      input.digests.forEach((d, rank) =>
        add({ day, recipient: d.manager, kind }, priorityOf(kind, false, rank), () =>
          digestMail(d),
        ),
      );
    } else {
      for (const r of input.recipients.reports) {
        add({ day, recipient: r, kind }, priorityOf(kind, heads.has(r), 0), () =>
          reportMail(kind, today),
        );
      }
    }
  }

  // Mail earlier runs still owe (deferred, or left 'sending' by a run that died).
  const superseded: MailKey[] = [];
  const oldest = today - (input.carryDays ?? 7);
  const runsToday = input.kinds.length > 0;
  const latest = new Map<string, SentEntry>();
  for (const e of input.entries) latest.set(keyString(e), e);
  for (const e of latest.values()) {
    if (!isOpen(e)) continue;
    const on = parseIsoDay(e.day);
    if (on === null || on < oldest || on > today) continue;
    const key: MailKey = { day: e.day, recipient: e.recipient, kind: e.kind };
    if (wanted.has(keyString(key))) continue;
    if (DAILY.has(e.kind)) {
      // Today's digest already carries everything still open: yesterday's is not sent twice over.
      if (runsToday && on < today) {
        superseded.push(key);
        continue;
      }
      if (e.kind === 'summary') {
        add(key, priorityOf('summary', true, 0), summaryMail);
      } else {
        const rank = envelopes.length;
        add(key, priorityOf('digest', false, rank), () =>
          digestMail(content.digestFor(e.recipient)),
        );
      }
    } else if (e.kind === 'escalation') {
      // Not superseded: each day's escalation names its own tasks, which no later mail repeats.
      const to = e.recipient;
      add(key, priorityOf('escalation', true, 0), () =>
        content.escalation ? content.escalation(on, to) : null,
      );
    } else {
      const kind = e.kind as 'weekly' | 'monthly';
      add(key, priorityOf(kind, heads.has(e.recipient), 0), () => reportMail(kind, on));
    }
  }
  envelopes.sort((a, b) => a.priority - b.priority);
  return { envelopes, superseded };
}
