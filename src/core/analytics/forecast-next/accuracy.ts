/** How far a method's forecasts were from the fact: MAPE, bias and the band they stayed within. */
import { percentile } from '../stats';

export interface Accuracy {
  /** Months with a fact above zero that the figures are measured on. */
  months: number;
  /** Mean absolute percentage error, a fraction; null without measured months. */
  mape: number | null;
  /** Σ(forecast − fact) / Σ fact: below zero when the method undershot. */
  bias: number | null;
  /** The absolute error 80 % of the months stayed within (nearest rank), a fraction. */
  within: number | null;
  /** Months whose error was within `within`. */
  withinMonths: number;
}

export interface Pair {
  forecast: number;
  fact: number;
}

export const MIN_MEASURED = 3;
const COVERAGE = 0.8;

export function accuracyOf(pairs: readonly Pair[]): Accuracy {
  const measured = pairs.filter((p) => p.fact > 0);
  if (!measured.length) return { months: 0, mape: null, bias: null, within: null, withinMonths: 0 };
  const errors = measured.map((p) => Math.abs(p.forecast - p.fact) / p.fact);
  let diff = 0;
  let fact = 0;
  for (const p of measured) {
    diff += p.forecast - p.fact;
    fact += p.fact;
  }
  const within = measured.length >= MIN_MEASURED ? percentile(errors, COVERAGE) : null;
  return {
    months: measured.length,
    mape: errors.reduce((s, e) => s + e, 0) / errors.length,
    bias: diff / fact,
    within,
    withinMonths: within === null ? 0 : errors.filter((e) => e <= within + 1e-12).length,
  };
}

/**
 * The blend's weights: inverse MAPE of each method over the months measured so far (at least
 * MIN_MEASURED), else half and half.
 */
export function blendWeights(
  history: readonly Pair[],
  pipeline: readonly Pair[] | null,
): { history: number; pipeline: number } {
  // No pipeline, or one that never held anything for the months tested: nothing to blend with.
  if (!pipeline || pipeline.every((x) => x.forecast === 0)) return { history: 1, pipeline: 0 };
  const h = accuracyOf(history);
  const p = accuracyOf(pipeline);
  if (h.mape === null || p.mape === null || h.months < MIN_MEASURED || p.months < MIN_MEASURED)
    return { history: 0.5, pipeline: 0.5 };
  const wh = 1 / Math.max(h.mape, 1e-3);
  const wp = 1 / Math.max(p.mape, 1e-3);
  return { history: wh / (wh + wp), pipeline: wp / (wh + wp) };
}
