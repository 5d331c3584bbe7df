/**
 * The history models over a monthly series (oldest first, one value per month, no gaps). Which
 * model runs depends on how much history there is (docs/forecasting.md explains the thresholds):
 * - 24+ months: additive Holt-Winters (level, trend, 12-month season), smoothing constants picked
 *   on a small grid by the one-step-ahead squared error inside the series;
 * - 13-23 months: seasonal naive with trend: the same month a year ago plus the year-on-year
 *   change of the months both years have (the floor every seasonal model must beat);
 * - 2-12 months: simple exponential smoothing (a level, no season: a year is not seen yet);
 * - fewer: the last value (or 0).
 * Forecasts are never below zero: revenue is not negative.
 */

export type HistoryMethod = 'holtWinters' | 'seasonalNaive' | 'smoothing' | 'naive';

export interface HistoryForecast {
  method: HistoryMethod;
  /** values[h - 1] is the forecast h months after the series' last month. */
  values: number[];
}

export const SEASON = 12;
export const HOLT_WINTERS_MIN = 2 * SEASON;
export const SEASONAL_MIN = SEASON + 1;
export const SMOOTHING_MIN = 2;

const floor0 = (xs: number[]): number[] => xs.map((x) => (x > 0 ? x : 0));

export function historyForecast(y: readonly number[], horizon: number): HistoryForecast {
  const n = y.length;
  if (n >= HOLT_WINTERS_MIN) return { method: 'holtWinters', values: holtWinters(y, horizon) };
  if (n >= SEASONAL_MIN) return { method: 'seasonalNaive', values: seasonalNaiveTrend(y, horizon) };
  if (n >= SMOOTHING_MIN) {
    const level = smoothingLevel(y);
    return { method: 'smoothing', values: floor0(new Array<number>(horizon).fill(level)) };
  }
  const last = n ? y[n - 1] : 0;
  return { method: 'naive', values: floor0(new Array<number>(horizon).fill(last)) };
}

/**
 * Same month last year + the mean year-on-year change over the last k months that have a month a
 * year before them (k ≤ 12). A pure seasonal series repeats exactly; a flat one stays flat.
 */
export function seasonalNaiveTrend(y: readonly number[], horizon: number): number[] {
  const n = y.length;
  const k = Math.min(SEASON, n - SEASON);
  let change = 0;
  for (let i = n - k; i < n; i++) change += y[i] - y[i - SEASON];
  change /= k;
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    // The same month a year before the forecast month, from the data or from the forecast itself.
    const back = n - SEASON + ((h - 1) % SEASON);
    const years = Math.floor((h - 1) / SEASON) + 1;
    out.push(y[back] + change * years);
  }
  return floor0(out);
}

const ALPHAS = [0.1, 0.2, 0.3, 0.5, 0.7, 0.9];

/** Simple exponential smoothing's last level, alpha picked by one-step squared error. */
export function smoothingLevel(y: readonly number[]): number {
  let best = Infinity;
  let bestLevel = y[y.length - 1];
  for (const a of ALPHAS) {
    let level = y[0];
    let sse = 0;
    for (let i = 1; i < y.length; i++) {
      const e = y[i] - level;
      sse += e * e;
      level += a * e;
    }
    if (sse < best - 1e-9) {
      best = sse;
      bestLevel = level;
    }
  }
  return bestLevel;
}

const HW_ALPHAS = [0.1, 0.3, 0.5, 0.8];
const HW_BETAS = [0, 0.05, 0.2];
const HW_GAMMAS = [0.05, 0.2, 0.5];
/** A trend damped like this keeps a six-month forecast from running away on one good quarter. */
const PHI = 0.9;

interface HwState {
  level: number;
  trend: number;
  season: number[];
  sse: number;
}

/**
 * Additive Holt-Winters with a damped trend, started from the first two years (level = the first
 * year's mean, trend = the change of the yearly means / 12, season = the first year's deviations),
 * so a series that repeats one year exactly has zero error and is forecast exactly.
 */
function runHoltWinters(y: readonly number[], a: number, b: number, g: number): HwState {
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < SEASON; i++) {
    m1 += y[i];
    m2 += y[i + SEASON];
  }
  m1 /= SEASON;
  m2 /= SEASON;
  let trend = (m2 - m1) / SEASON;
  // The level at the end of the first year, so the first step forecasts month 13.
  let level = m1 + trend * ((SEASON - 1) / 2);
  const season = new Array<number>(SEASON);
  for (let i = 0; i < SEASON; i++) season[i] = y[i] - (m1 + trend * (i - (SEASON - 1) / 2));
  let sse = 0;
  for (let t = SEASON; t < y.length; t++) {
    const s = season[t % SEASON];
    const f = level + PHI * trend + s;
    const e = y[t] - f;
    sse += e * e;
    const prev = level;
    level = a * (y[t] - s) + (1 - a) * (prev + PHI * trend);
    trend = b * (level - prev) + (1 - b) * PHI * trend;
    season[t % SEASON] = g * (y[t] - level) + (1 - g) * s;
  }
  return { level, trend, season, sse };
}

export function holtWinters(y: readonly number[], horizon: number): number[] {
  let best: HwState | null = null;
  for (const a of HW_ALPHAS)
    for (const b of HW_BETAS)
      for (const g of HW_GAMMAS) {
        const s = runHoltWinters(y, a, b, g);
        if (!best || s.sse < best.sse - 1e-9) best = s;
      }
  const { level, trend, season } = best as HwState;
  const n = y.length;
  const out: number[] = [];
  let damp = 0;
  for (let h = 1; h <= horizon; h++) {
    damp += PHI ** h;
    out.push(level + damp * trend + season[(n + h - 1) % SEASON]);
  }
  return floor0(out);
}
