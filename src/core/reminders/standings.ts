/**
 * The head's morning question "who is behind, and why": every active manager with a plan gap and
 * the figures that explain it, ranked by the gap (largest first). Plan, fact, weighted pipeline and
 * working days come from the one definitions (planfact.ts, pace.ts), so the email agrees with the
 * panel and the reports sent the same minute.
 *
 * - Gap = max(0, plan - fact) for the month so far.
 * - Weighted share = weighted pipeline (open deals expected to close this month, amount x
 *   probability) / gap: how much of what is missing the funnel is likely to bring; null once the
 *   plan is met.
 * - Late-stage deals: open deals in the second half of the open funnel (with the default stages:
 *   proposal, contract, invoiced), counted and summed whatever their close date.
 * - Calls against the norm: calls logged in the month through the last finished working day, and
 *   the Managers sheet's calls a day x the working days finished so far (pace.ts: today counts
 *   once its working hours are over).
 * - Change since yesterday: fact now minus fact at the end of the day before yesterday (what
 *   yesterday and today so far added: a close date is a day, so a moment a day earlier would miss
 *   yesterday's closes).
 */
import {
  asOfDay,
  converterOf,
  dealAmount,
  planFact,
  stagesOf,
  workingDaysOf,
  type AsOf,
  type Period,
  type PlanFactRow,
} from '../analytics';
import { sumKopecks, type Kopecks } from '../money';
import { dayOfInstant } from '../time';
import type { WorkbookData } from '../types';

export interface Standing {
  manager: string;
  name: string;
  /** True when plan and fact are money (kopecks); counts otherwise. */
  money: boolean;
  /** 0 when no plan is set. */
  plan: number;
  fact: number;
  gap: number;
  completion: number | null;
  weightedPipeline: number;
  /** weightedPipeline / gap; null when nothing is missing. */
  weightedShare: number | null;
  late: { count: number; amount: Kopecks };
  calls: number;
  /** null when the Managers sheet sets no calls a day. */
  callsNorm: number | null;
  factDelta: number;
}

const key = (s: string): string => s.trim().toLowerCase();

export function standings(data: WorkbookData, asOf: AsOf, month: Period): Standing[] {
  const rowsAt = (at: AsOf): Map<string, PlanFactRow> =>
    new Map(
      planFact(data, month, 'manager', at, { zone: asOf.zone }).map((r) => [key(r.target), r]),
    );
  const now = rowsAt(asOf);
  const before = rowsAt(asOfDay(asOf.day - 2, asOf.zone));
  const stages = stagesOf(data.settings);
  const conv = converterOf(data.settings);
  const lateFrom = Math.floor(stages.open.length / 2);
  const days = workingDaysOf(month, asOf, data.settings);
  const late = new Map<string, Kopecks[]>();
  for (const d of data.deals) {
    if (stages.kindOf(d.stage) !== 'open' || stages.openPosition(d.stage) < lateFrom) continue;
    const list = late.get(key(d.manager)) ?? [];
    list.push(dealAmount(d, conv) ?? 0);
    late.set(key(d.manager), list);
  }
  // Calls through the last finished day, the days the norm counts: today only once it is over.
  const today = workingDaysOf({ ...month, start: asOf.day, end: asOf.day }, asOf, data.settings);
  const lastDone = today.total === 1 && today.elapsed === 1 ? asOf.day : asOf.day - 1;
  const calls = new Map<string, number>();
  for (const a of data.activities) {
    if (a.type !== 'call' || a.at === null) continue;
    const d = dayOfInstant(a.at, asOf.zone);
    if (d < month.start || d > lastDone) continue;
    calls.set(key(a.manager), (calls.get(key(a.manager)) ?? 0) + 1);
  }
  const out: Standing[] = [];
  for (const m of data.managers) {
    if (m.role !== 'manager' || !m.active) continue;
    const k = key(m.email);
    const row = now.get(k);
    const plan = row?.plan ?? 0;
    const fact = row?.fact ?? 0;
    const gap = Math.max(0, plan - fact);
    const weighted = row?.weightedPipeline ?? 0;
    const lateList = late.get(k) ?? [];
    out.push({
      manager: k,
      name: m.name || m.email,
      money: (row?.metric ?? 'revenue') === 'revenue',
      plan,
      fact,
      gap,
      completion: row?.completion ?? null,
      weightedPipeline: weighted,
      weightedShare: gap > 0 ? weighted / gap : null,
      late: { count: lateList.length, amount: sumKopecks(lateList) },
      calls: calls.get(k) ?? 0,
      callsNorm: m.callsPerDay !== null ? m.callsPerDay * days.elapsed : null,
      factDelta: fact - (before.get(k)?.fact ?? 0),
    });
  }
  // Largest gap first; without a plan last; then the lower completion, then by name.
  return out.sort(
    (a, b) =>
      Number(b.plan > 0) - Number(a.plan > 0) ||
      b.gap - a.gap ||
      (a.completion ?? 0) - (b.completion ?? 0) ||
      a.name.localeCompare(b.name),
  );
}
