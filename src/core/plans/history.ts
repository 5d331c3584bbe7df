/**
 * Last year's fact month by month and manager, the basis of the seasonal spread and of the split
 * by share. Revenue is won deals' amount by close date in the workbook currency (the plan is set
 * in it); won deals by count; new clients by creation day; activities by day.
 */
import { dealAmount } from '../analytics/planfact';
import { directoryOf } from '../analytics/managers';
import { converterOf, stagesOf } from '../analytics/settings';
import type { Period } from '../workbook/period';
import { dayOfInstant, ymdFromDay, type Day, type Zone } from '../time';
import type { PlanMetric, WorkbookData } from '../types';

export interface MonthlyFact {
  /** Manager email -> fact per month (months in the order asked). */
  byManager: Map<string, number[]>;
  company: number[];
  /** Per month: null when the workbook holds nothing that early (no history), else the fact. */
  companyOrNull: Array<number | null>;
}

const monthKey = (d: Day): number => {
  const { year, month } = ymdFromDay(d);
  return year * 12 + month;
};

/**
 * `known`: the first day not yet known in full (the current month's first): a month ending on or
 * after it has no history yet (null), like a month before the workbook's first record.
 */
export function monthlyFact(
  data: WorkbookData,
  months: readonly Period[],
  metric: PlanMetric,
  zone: Zone,
  known = Infinity,
): MonthlyFact {
  const index = new Map<number, number>();
  months.forEach((m, i) => index.set(monthKey(m.start), i));
  const who = directoryOf(data.managers);
  const byManager = new Map<string, number[]>();
  const company = months.map(() => 0);
  let first = Infinity;
  const add = (manager: string, day: Day | null, v: number): void => {
    if (day === null) return;
    if (day < first) first = day;
    const i = index.get(monthKey(day));
    if (i === undefined) return;
    const key = who.keyOf(manager);
    let row = byManager.get(key);
    if (!row) byManager.set(key, (row = months.map(() => 0)));
    row[i] += v;
    company[i] += v;
  };
  const created = (at: number | null): Day | null => (at === null ? null : dayOfInstant(at, zone));
  if (metric === 'revenue' || metric === 'wonDeals') {
    const stages = stagesOf(data.settings);
    const conv = converterOf(data.settings);
    for (const d of data.deals) {
      const c = created(d.createdAt);
      if (c !== null && c < first) first = c;
      if (stages.kindOf(d.stage) !== 'won') continue;
      const v = metric === 'wonDeals' ? 1 : (dealAmount(d, conv) ?? 0);
      add(d.manager, d.closedAt, v);
    }
  } else if (metric === 'newClients') {
    for (const c of data.clients) add(c.manager, created(c.createdAt), 1);
  } else {
    for (const a of data.activities) add(a.manager, created(a.at), 1);
  }
  const companyOrNull = months.map((m, i) => (m.end < first || m.end >= known ? null : company[i]));
  return { byManager, company, companyOrNull };
}
