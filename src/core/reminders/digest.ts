/**
 * Who gets what: splits the day's selections per manager (a manager sees ONLY their own items),
 * orders them most urgent first, and assembles the head's summary and the period reports.
 * Pure: the selections themselves come from the analytics core (see source.ts).
 */
import { sumKopecks, type Kopecks } from '../money';
import type { Day } from '../time';
import type { Manager } from '../types';
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

/** At most this many items in a daily digest; the rest is "and N more" in the panel. */
export const DIGEST_LIMIT = 15;

/**
 * Something forgotten since before yesterday is old news: it is repeated once a week (on the
 * 1st, 8th, 15th... day past its limit), while the newly forgotten come first.
 */
export function freshness(item: ReminderItem): 0 | 1 | 2 {
  const forgotten = item.reason === 'forgotten' || item.reason === 'forgottenClient';
  if (!forgotten || item.daysOverdue <= 1) return 0;
  return (item.daysOverdue - 1) % 7 === 0 ? 1 : 2;
}

/**
 * Keeps the most important `limit` items: new and non-forgotten ones first, then forgotten
 * ones on their weekly reminder day, then the rest; most urgent first within each.
 */
export function shorten(
  sections: Record<SectionKey, ReminderItem[]>,
  limit: number,
): { sections: Record<SectionKey, ReminderItem[]>; more: number } {
  const all = SECTIONS.flatMap((s) => sections[s]);
  if (all.length <= limit) return { sections, more: 0 };
  const keep = new Set(
    [...all].sort((a, b) => freshness(a) - freshness(b) || compareItems(a, b)).slice(0, limit),
  );
  const out = emptySections();
  for (const s of SECTIONS) out[s] = sections[s].filter((i) => keep.has(i));
  return { sections: out, more: all.length - keep.size };
}

/**
 * One digest per active manager with something to say, most urgent manager first. Only the
 * manager's own items are in it; no items means no digest (the plan alone is not news).
 */
export function buildDigests(
  sel: Selections,
  managers: readonly Manager[],
  limit = DIGEST_LIMIT,
): Digest[] {
  const grouped = groupByManager(sel);
  const { valid } = splitByEmail(managers);
  const out: Digest[] = [];
  for (const m of valid) {
    const email = normEmail(m.email);
    const sections = grouped.get(email);
    if (!sections || SECTIONS.every((s) => sections[s].length === 0)) continue;
    const short = shorten(sections, limit);
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
