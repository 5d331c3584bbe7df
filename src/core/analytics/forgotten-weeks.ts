/**
 * How many forgotten deals a manager had at the same moment of each of the last weeks, for the
 * trend on Today. Nothing stores yesterday's list: each past point is reconstructed from what the
 * sheets keep dated, and then counted with the one definition (forgotten.ts), so the last point is
 * exactly today's Today list. What a past moment sees (also in docs/sidebar-pictures.md):
 * - deals created by then (a deal without a creation date always counts as existing);
 * - the stage the deal stood in then, from the stage history (no history: its stage now);
 * - activities logged up to then, and the next step the last of them set (logging an activity is
 *   how the product sets a next step); a deal with no activity since keeps its next step now;
 * - snoozes leave no dated trace (a deal keeps only its last one), so past points apply none: a
 *   deal snoozed then counts as forgotten then. Only the last point (today) honours snoozes.
 * As in the Today list, a deal that is an unprocessed lead is counted there, not here.
 */
import { startOfDay, type Day, type Instant } from '../time';
import type { Activity, Deal, StageChange, WorkbookData } from '../types';
import type { AsOf } from './context';
import { forgottenDeals, unprocessedLeads } from './forgotten';
import { stagesOf } from './settings';
import { indexActivities } from './activity-index';

export interface WeekPoint {
  /** The as-of day of the point (today for the last one). */
  day: Day;
  count: number;
}

interface DealPast {
  changes: StageChange[];
  activities: Activity[];
}

function pastOf(data: WorkbookData): Map<string, DealPast> {
  const out = new Map<string, DealPast>();
  const get = (id: string): DealPast => {
    let p = out.get(id);
    if (!p) out.set(id, (p = { changes: [], activities: [] }));
    return p;
  };
  for (const c of data.stageHistory) if (c.at !== null) get(c.dealId).changes.push(c);
  for (const a of data.activities) if (a.at !== null && a.dealId) get(a.dealId).activities.push(a);
  for (const p of out.values()) {
    p.changes.sort((x, y) => (x.at ?? 0) - (y.at ?? 0));
    p.activities.sort((x, y) => (x.at ?? 0) - (y.at ?? 0));
  }
  return out;
}

/** The deal as it stood at `now`, as far as the sheets tell (see the rules above). */
function dealAt(deal: Deal, past: DealPast | undefined, now: Instant): Deal {
  if (!past) return { ...deal, snoozedUntil: null };
  let stage = deal.stage;
  const before = past.changes.filter((c) => (c.at ?? 0) <= now);
  if (before.length) stage = before[before.length - 1].toStage;
  else if (past.changes.length) stage = past.changes[0].fromStage || deal.stage;
  const done = past.activities.filter((a) => (a.at ?? 0) <= now);
  let nextStep = deal.nextStep;
  let nextStepDate = deal.nextStepDate;
  if (done.length < past.activities.length) {
    // Something was logged since: the next step then is the one the last activity before set.
    const setter = [...done].reverse().find((a) => a.nextStep || a.nextStepDate !== null);
    nextStep = setter?.nextStep ?? '';
    nextStepDate = setter?.nextStepDate ?? null;
  }
  return { ...deal, stage, nextStep, nextStepDate, snoozedUntil: null };
}

function countAt(data: WorkbookData, asOf: AsOf): number {
  const opts = {
    stages: stagesOf(data.settings),
    index: indexActivities(data.activities, asOf.now),
  };
  const leads = new Set(unprocessedLeads(data, asOf, opts).items.map((it) => it.record.id));
  return forgottenDeals(data, asOf, opts).items.filter((it) => !leads.has(it.record.id)).length;
}

/**
 * Forgotten deals at the moment `asOf` and at the same time of day 1..weeks-1 weeks before,
 * oldest first. Pass the caller's own slice of the data for a manager's trend.
 */
export function forgottenWeeks(data: WorkbookData, asOf: AsOf, weeks = 8): WeekPoint[] {
  const past = pastOf(data);
  const sinceMidnight = asOf.now - startOfDay(asOf.day, asOf.zone);
  const out: WeekPoint[] = [];
  for (let k = weeks - 1; k >= 0; k--) {
    if (k === 0) {
      out.push({ day: asOf.day, count: countAt(data, asOf) });
      continue;
    }
    const day = asOf.day - 7 * k;
    const now = startOfDay(day, asOf.zone) + sinceMidnight;
    const deals = data.deals
      .filter((d) => d.createdAt === null || d.createdAt <= now)
      .map((d) => dealAt(d, past.get(d.id), now));
    out.push({ day, count: countAt({ ...data, deals }, { day, now, zone: asOf.zone }) });
  }
  return out;
}
