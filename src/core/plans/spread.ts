/**
 * Spreading a target over months. Every spread goes through splitByWeights, so the months add up
 * to the target exactly (largest remainder on whole kopecks or whole units).
 */
import { splitByWeights } from '../analytics/decompose';
import type { WorkCalendar } from '../analytics/calendar';
import type { Period } from '../workbook/period';

export type SpreadMethod = 'equal' | 'workdays' | 'seasonal' | 'weights';

export interface SpreadBasis {
  calendar: WorkCalendar;
  /** Last year's fact of the same months; null where there is no history for that month. */
  lastYear: ReadonlyArray<number | null>;
  /** Weights the head typed, one per month (any scale). */
  weights?: readonly number[];
}

/**
 * Seasonality weights from last year's fact. Months without history take the mean of those with
 * it; with fewer than 12 months of history every month is pulled toward the mean by the missing
 * share (6 months known: halfway), so two lucky months of a young CRM do not shape the year.
 * No history at all, or a zero fact everywhere, is an equal spread.
 */
export function seasonalWeights(lastYear: ReadonlyArray<number | null>): number[] {
  const known = lastYear.filter((v): v is number => v !== null && Number.isFinite(v));
  const sum = known.reduce((a, b) => a + Math.max(0, b), 0);
  if (known.length === 0 || sum <= 0) return lastYear.map(() => 1);
  const mean = sum / known.length;
  const trust = Math.min(1, known.length / 12);
  return lastYear.map((v) => {
    const own = v === null || !Number.isFinite(v) ? mean : Math.max(0, v);
    return trust * own + (1 - trust) * mean;
  });
}

export function monthWeights(
  months: readonly Period[],
  method: SpreadMethod,
  basis: SpreadBasis,
): number[] {
  switch (method) {
    case 'workdays':
      return months.map((m) => basis.calendar.workingDaysBetween(m.start, m.end));
    case 'seasonal':
      return seasonalWeights(basis.lastYear);
    case 'weights':
      return months.map((_, i) => basis.weights?.[i] ?? 0);
    case 'equal':
      return months.map(() => 1);
  }
}

export function spreadTotal(
  total: number,
  months: readonly Period[],
  method: SpreadMethod,
  basis: SpreadBasis,
): number[] {
  return splitByWeights(total, monthWeights(months, method, basis));
}

/**
 * Re-spreads the closed months' shortfall (plan - fact; negative for a surplus) over the open
 * months: the open months' plans plus the shortfall, spread by `weights` (the open months' own
 * plans when absent). Closed months keep their plans (their completion stays as it was), so the
 * fact so far plus the open months' plans equals the original total, and the period's plan moves
 * by the shortfall; a surplus larger than what is left brings the open months to 0, never below.
 */
export function respread(
  plans: readonly number[],
  facts: readonly number[],
  firstOpen: number,
  weights?: readonly number[],
): { plans: number[]; shortfall: number } {
  let shortfall = 0;
  for (let i = 0; i < firstOpen && i < plans.length; i++) shortfall += plans[i] - (facts[i] ?? 0);
  const out = plans.slice();
  const open = plans.slice(firstOpen);
  if (open.length === 0) return { plans: out, shortfall };
  const left = Math.max(0, open.reduce((a, b) => a + b, 0) + shortfall);
  const parts = splitByWeights(left, weights ? weights.slice(firstOpen) : open);
  for (let i = 0; i < parts.length; i++) out[firstOpen + i] = parts[i];
  return { plans: out, shortfall };
}
