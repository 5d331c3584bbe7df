/**
 * Plan decomposition helpers: split a total into parts that add up EXACTLY to it (largest
 * remainder on whole kopecks or whole units), so a decomposed plan never disagrees with its
 * parent by a rounding kopeck.
 */
import type { Day } from '../time';
import { ymdFromDay } from '../time';

/** Splits an integer total in proportion to non-negative weights; equal split when all are 0. */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  const w = sum > 0 ? clean : clean.map(() => 1);
  const wsum = sum > 0 ? sum : n;
  const sign = total < 0 ? -1 : 1;
  const abs = Math.round(Math.abs(total));
  const raw = w.map((x) => (abs * x) / wsum);
  const parts = raw.map(Math.floor);
  let rest = abs - parts.reduce((a, b) => a + b, 0);
  const order = raw
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0 && k < order.length; k++, rest--) parts[order[k].i]++;
  return parts.map((p) => p * sign);
}

export function splitEqually(total: number, n: number): number[] {
  return splitByWeights(total, new Array<number>(n).fill(1));
}

/** An annual plan into 12 months: equal, or by 12 seasonality coefficients (any scale). */
export function annualToMonths(total: number, seasonality?: readonly number[]): number[] {
  if (seasonality && seasonality.length !== 12) {
    throw new RangeError('seasonality needs 12 coefficients');
  }
  return splitByWeights(total, seasonality ?? new Array<number>(12).fill(1));
}

export interface CapacityInput {
  email: string;
  hiredAt: Day | null;
  /** Part-time or a lighter territory: 1 = full capacity. */
  capacity?: number;
}

/**
 * A new hire's share of a full plan in the period's month: month of hire 1/(r+1), the next
 * 2/(r+1) ... full from month r+1 (r = ramp-up months; 3 gives 25%, 50%, 75%, 100%). Someone
 * hired after the month gets nothing; an unknown hire date counts as fully ramped.
 */
export function rampFactor(hiredAt: Day | null, periodStart: Day, rampMonths = 3): number {
  if (hiredAt === null || rampMonths <= 0) return 1;
  const h = ymdFromDay(hiredAt);
  const p = ymdFromDay(periodStart);
  const month = (p.year - h.year) * 12 + (p.month - h.month) + 1;
  if (month <= 0) return 0;
  return Math.min(1, month / (rampMonths + 1));
}

export type TeamSplit =
  | { method: 'equal' }
  | { method: 'history'; history: ReadonlyMap<string, number> }
  | { method: 'capacity'; periodStart: Day; rampMonths?: number };

/** A team plan into its managers' plans; returns email -> plan, adding up to the total. */
export function teamToManagers(
  total: number,
  managers: readonly CapacityInput[],
  split: TeamSplit,
): Map<string, number> {
  let weights: number[];
  if (split.method === 'history') weights = managers.map((m) => split.history.get(m.email) ?? 0);
  else if (split.method === 'capacity') {
    weights = managers.map(
      (m) => (m.capacity ?? 1) * rampFactor(m.hiredAt, split.periodStart, split.rampMonths ?? 3),
    );
  } else weights = managers.map(() => 1);
  const parts = splitByWeights(total, weights);
  return new Map(managers.map((m, i) => [m.email, parts[i]]));
}

/**
 * Re-spreads what past months fell short of over the remaining months, in proportion to their
 * plans (equally when those are all 0). `facts[i]` is the fact of month i; months before
 * `firstOpen` are closed. With `net` (default) an over-performing month offsets a short one.
 * Closed months keep their plan; the total of the returned plan is the original total.
 */
export function respreadShortfall(
  plans: readonly number[],
  facts: readonly number[],
  firstOpen: number,
  net = true,
): number[] {
  let shortfall = 0;
  for (let i = 0; i < firstOpen && i < plans.length; i++) {
    const gap = plans[i] - (facts[i] ?? 0);
    shortfall += net ? gap : Math.max(0, gap);
  }
  const out = plans.slice();
  const rest = plans.slice(firstOpen);
  if (shortfall <= 0 || rest.length === 0) return out;
  const extra = splitByWeights(shortfall, rest);
  for (let i = 0; i < rest.length; i++) out[firstOpen + i] += extra[i];
  return out;
}
