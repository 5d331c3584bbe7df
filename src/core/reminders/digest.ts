/**
 * Who gets what: splits the day's selections per manager (a manager sees ONLY their own items),
 * orders them most urgent first, and assembles the head's summary and the period reports.
 * Pure: the selections themselves come from the analytics core (see source.ts).
 */
import { sumKopecks, type Kopecks } from '../money';
import type { Day } from '../time';
import type { Manager, Settings } from '../types';
import { isValidEmail } from './escape';
import {
  SECTIONS,
  type Digest,
  type HeadSummary,
  type ManagerLine,
  type PlanStatus,
  type ReminderItem,
  type SectionKey,
} from './types';

/** The day's raw material, for every manager at once. */
export interface Selections {
  day: Day;
  items: ReminderItem[];
  /** Plan status per manager email (lower-case). */
  plans: Map<string, PlanStatus>;
  /** The department (company level). */
  team: PlanStatus | null;
}

/** How much a section weighs when deciding whose email goes first under a short quota. */
const WEIGHT: Record<SectionKey, number> = {
  unprocessedLeads: 3,
  forgottenDeals: 2,
  nextSteps: 1.5,
  overdueInvoices: 1.5,
  forgottenClients: 1,
};

export const normEmail = (s: string): string => s.trim().toLowerCase();

/** Most urgent first: severity, then days past the limit, waiting time, amount; id breaks ties. */
export function compareItems(a: ReminderItem, b: ReminderItem): number {
  return (
    b.severity - a.severity ||
    b.daysOverdue - a.daysOverdue ||
    b.minutes - a.minutes ||
    (b.amount ?? 0) - (a.amount ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A snoozed item stays out until its snooze day; on that day it nags again. */
export function isSnoozed(item: ReminderItem, day: Day): boolean {
  return item.snoozedUntil !== null && item.snoozedUntil > day;
}

function emptySections(): Record<SectionKey, ReminderItem[]> {
  return {
    forgottenDeals: [],
    unprocessedLeads: [],
    nextSteps: [],
    forgottenClients: [],
    overdueInvoices: [],
  };
}

/**
 * Groups items by owner and section. A lead still waiting for its first contact is not also
 * listed for a missing next step (nobody sets one before the first call), and each record
 * appears at most once per section.
 */
export function groupByManager(sel: Selections): Map<string, Record<SectionKey, ReminderItem[]>> {
  const out = new Map<string, Record<SectionKey, ReminderItem[]>>();
  const unprocessed = new Set(
    sel.items.filter((i) => i.section === 'unprocessedLeads').map((i) => i.id),
  );
  const seen = new Set<string>();
  for (const item of sel.items) {
    if (isSnoozed(item, sel.day)) continue;
    if (item.section === 'nextSteps' && unprocessed.has(item.id)) continue;
    const owner = normEmail(item.manager);
    if (!owner) continue;
    const key = `${item.section}|${item.id}|${owner}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let sections = out.get(owner);
    if (!sections) out.set(owner, (sections = emptySections()));
    sections[item.section].push(item);
  }
  for (const sections of out.values()) for (const s of SECTIONS) sections[s].sort(compareItems);
  return out;
}

/** Severity weighted by section; days past the limit break ties within a severity. */
export function urgencyOf(sections: Record<SectionKey, ReminderItem[]>): number {
  let u = 0;
  for (const s of SECTIONS) {
    for (const i of sections[s]) u += WEIGHT[s] * (i.severity + Math.min(i.daysOverdue, 30) / 31);
  }
  return u;
}

/** People who can receive mail: active, with a usable address. Others are reported. */
export function splitByEmail(managers: readonly Manager[]): {
  valid: Manager[];
  invalid: Manager[];
} {
  const valid: Manager[] = [];
  const invalid: Manager[] = [];
  for (const m of managers) {
    if (!m.active) continue;
    (isValidEmail(normEmail(m.email)) ? valid : invalid).push(m);
  }
  return { valid, invalid };
}

/** At most this many items in a daily digest (Settings default); the rest is "and N more". */
export const DIGEST_LIMIT = 15;
/** A long-forgotten item is listed again once per this many days (Settings default). */
export const DIGEST_REPEAT_DAYS = 7;

/** How a day's digests are cut (Settings «Пунктов в сводке менеджера», «Повтор давно забытых»). */
export interface DigestRules {
  limit: number;
  repeatDays: number;
  /** Whether the daily mail goes out on a day: a repeat due on another day waits for the next. */
  sends: (day: Day) => boolean;
}

export function digestRules(
  settings: Pick<Settings, 'digestLimit' | 'digestRepeatDays' | 'workingDaysOnly'>,
  isWorkingDay: (day: Day) => boolean,
): DigestRules {
  return {
    limit: settings.digestLimit ?? DIGEST_LIMIT,
    repeatDays: settings.digestRepeatDays ?? DIGEST_REPEAT_DAYS,
    sends: settings.workingDaysOnly ? isWorkingDay : () => true,
  };
}

const EVERY_DAY: DigestRules = {
  limit: DIGEST_LIMIT,
  repeatDays: DIGEST_REPEAT_DAYS,
  sends: () => true,
};

/** The first day on or after `from` that has mail (a year ahead at most: a calendar of holidays). */
function nextSending(from: Day, sends: (day: Day) => boolean): Day {
  for (let d = from; d < from + 366; d++) if (sends(d)) return d;
  return from;
}

/**
 * Something forgotten is news once (0: on the first mail day since it became forgotten); after
 * that it is repeated (1) on the first mail day at least `repeatDays` after its previous listing,
 * and held back (2) on the days between, so it appears at most once in any `repeatDays` days
 * whatever the weekends and holidays. Stateless: the schedule follows from the day it became
 * forgotten (its first day past the limit) and the mail calendar. The day being built counts as a
 * mail day (mail owed from a working day may go out on a weekend).
 */
export function freshness(item: ReminderItem, day: Day, rules: DigestRules = EVERY_DAY): 0 | 1 | 2 {
  const forgotten = item.reason === 'forgotten' || item.reason === 'forgottenClient';
  if (!forgotten) return 0;
  const sends = (d: Day) => d === day || rules.sends(d);
  let shown = nextSending(day - Math.max(item.daysOverdue, 1) + 1, sends);
  if (shown >= day) return 0;
  const step = Math.max(1, rules.repeatDays);
  for (;;) {
    shown = nextSending(shown + step, sends);
    if (shown === day) return 1;
    if (shown > day) return 2;
  }
}

/**
 * Lists at most `limit` items: news first (what is not a forgotten record, and the newly
 * forgotten), then forgotten ones on their repeat day, most urgent first within each; forgotten
 * ones held back today are never listed. What is not listed is counted as "and N more".
 */
export function shorten(
  sections: Record<SectionKey, ReminderItem[]>,
  day: Day,
  rules: DigestRules = EVERY_DAY,
): { sections: Record<SectionKey, ReminderItem[]>; more: number } {
  const all = SECTIONS.flatMap((s) => sections[s]);
  const fresh = new Map(all.map((i) => [i, freshness(i, day, rules)]));
  const listed = all.filter((i) => fresh.get(i) !== 2);
  const keep = new Set(
    listed
      .sort((a, b) => (fresh.get(a) ?? 0) - (fresh.get(b) ?? 0) || compareItems(a, b))
      .slice(0, rules.limit),
  );
  const out = emptySections();
  for (const s of SECTIONS) out[s] = sections[s].filter((i) => keep.has(i));
  return { sections: out, more: all.length - keep.size };
}

/**
 * One digest per active manager with something to list, most urgent manager first. Only the
 * manager's own items are in it; nothing listed today (only held-back repeats) means no digest.
 */
export function buildDigests(
  sel: Selections,
  managers: readonly Manager[],
  rules: DigestRules = EVERY_DAY,
): Digest[] {
  const grouped = groupByManager(sel);
  const { valid } = splitByEmail(managers);
  const out: Digest[] = [];
  for (const m of valid) {
    const email = normEmail(m.email);
    const sections = grouped.get(email);
    if (!sections) continue;
    const short = shorten(sections, sel.day, rules);
    if (SECTIONS.every((s) => short.sections[s].length === 0)) continue;
    out.push({
      manager: email,
      managerName: m.name,
      day: sel.day,
      sections: short.sections,
      plan: sel.plans.get(email) ?? null,
      urgency: urgencyOf(sections),
      total: SECTIONS.reduce((n, s) => n + sections[s].length, 0),
      more: short.more,
    });
  }
  return out.sort((a, b) => b.urgency - a.urgency || (a.manager < b.manager ? -1 : 1));
}

function countsOf(
  sections: Record<SectionKey, ReminderItem[]> | undefined,
): Record<SectionKey, number> {
  const counts = {
    forgottenDeals: 0,
    unprocessedLeads: 0,
    nextSteps: 0,
    forgottenClients: 0,
    overdueInvoices: 0,
  };
  if (sections) for (const s of SECTIONS) counts[s] = sections[s].length;
  return counts;
}

/** One line per active manager-role person, in the order of the Managers sheet. */
export function managerLines(sel: Selections, managers: readonly Manager[]): ManagerLine[] {
  const grouped = groupByManager(sel);
  return managers
    .filter((m) => m.active && m.role === 'manager')
    .map((m) => {
      const email = normEmail(m.email);
      const sections = grouped.get(email);
      const overdue: Kopecks = sumKopecks(
        (sections?.overdueInvoices ?? []).map((i) => i.amount ?? 0),
      );
      return {
        manager: email,
        name: m.name,
        counts: countsOf(sections),
        overdueReceivables: overdue,
        plan: sel.plans.get(email) ?? null,
      };
    });
}

/** Largest open deals that are forgotten or whose next step is overdue or missing. */
export function dealsAtRisk(sel: Selections, limit = 10): ReminderItem[] {
  const best = new Map<string, ReminderItem>();
  const unprocessed = new Set(
    sel.items.filter((i) => i.section === 'unprocessedLeads').map((i) => i.id),
  );
  for (const i of sel.items) {
    if (i.section !== 'forgottenDeals' && i.section !== 'nextSteps') continue;
    // A new lead is the SLA column's business until its first contact, not a missing step.
    if (i.section === 'nextSteps' && unprocessed.has(i.id)) continue;
    if (isSnoozed(i, sel.day)) continue;
    const prev = best.get(i.id);
    if (!prev || compareItems(i, prev) < 0) best.set(i.id, i);
  }
  return [...best.values()]
    .filter((i) => (i.amount ?? 0) > 0)
    .sort((a, b) => (b.amount ?? 0) - (a.amount ?? 0) || compareItems(a, b))
    .slice(0, limit);
}

export function buildSummary(sel: Selections, managers: readonly Manager[]): HeadSummary {
  const receivables = sel.items
    .filter((i) => i.section === 'overdueInvoices' && !isSnoozed(i, sel.day))
    .sort((a, b) => (b.amount ?? 0) - (a.amount ?? 0) || compareItems(a, b));
  return {
    day: sel.day,
    team: sel.team,
    managers: managerLines(sel, managers),
    atRisk: dealsAtRisk(sel),
    receivables,
    receivablesTotal: sumKopecks(receivables.map((i) => i.amount ?? 0)),
    invalidManagers: splitByEmail(managers).invalid.map((m) => m.name || m.email || `#${m.row}`),
  };
}
