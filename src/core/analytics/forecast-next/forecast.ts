/**
 * The next-period forecast: a history model on the monthly fact and the pipeline (open deals by
 * expected close month × probability, slipped deals discounted, plus the business a month wins
 * from deals it created), blended by their measured accuracy, with a band from the backtest.
 * Everything is in kopecks. docs/forecasting.md states each rule and why.
 */
import type { Day, Zone } from '../../time';
import type { FactBasis, PlanLevel, WorkbookData } from '../../types';
import { labelsOf } from '../managers';
import { accuracyOf, blendWeights, MIN_MEASURED, type Accuracy, type Pair } from './accuracy';
import { collect, emptyGroup, type EvalPoint, type SlipStats } from './collect';
import { historyForecast, type HistoryMethod } from './models';
import { monthLabel, monthOf, monthStart, type Month } from './months';

export interface ForecastNextOptions {
  /** The forecast is made on this day; it covers the months after this day's month. */
  asOf: Day;
  zone: Zone;
  /** Months to forecast (1-12). */
  periods?: number;
  /** Months of fact the history model may use (up to HISTORY_MAX). */
  historyMonths?: number;
  basis?: FactBasis;
  level?: PlanLevel;
}

export interface ForecastMonth {
  month: string;
  value: number;
  low: number;
  high: number;
  history: number;
  /** null when the pipeline is not used (payments basis). */
  pipeline: number | null;
}

export interface BacktestMonth {
  month: string;
  fact: number;
  history: number;
  pipeline: number | null;
  blend: number;
}

export interface ForecastNext {
  /** '' for the company, the team, or the manager's email. */
  target: string;
  name: string;
  method: HistoryMethod;
  /** Months of history the model had (from the first month with a fact). */
  historyLength: number;
  weights: { history: number; pipeline: number };
  months: ForecastMonth[];
  backtest: BacktestMonth[];
  accuracy: { history: Accuracy; pipeline: Accuracy | null; blend: Accuracy };
  /** The band's half-width one month ahead, a fraction; `measured` false when it is the default. */
  band: { width: number; measured: boolean };
  /** What a slipped deal's weight is multiplied by, and whether it was measured. */
  slip: { factor: number; measured: boolean };
}

export const PERIODS_DEFAULT = 3;
export const PERIODS_MAX = 12;
export const HISTORY_DEFAULT = 36;
export const HISTORY_MAX = 36;
export const BACKTEST_MONTHS = 12;
/** Months of in-month business averaged for the pipeline's run-in. */
export const RUN_IN_MONTHS = 6;
/** Band half-width when fewer than MIN_MEASURED months could be measured. */
export const DEFAULT_BAND = 0.3;
/** Slipped-deal factor when fewer than SLIP_MIN slipped deals have closed to measure it. */
export const DEFAULT_SLIP = 0.5;
export const SLIP_MIN = 10;

export function slipFactor(s: SlipStats): { factor: number; measured: boolean } {
  if (s.slippedClosed < SLIP_MIN || s.won === 0) return { factor: DEFAULT_SLIP, measured: false };
  const ratio = s.slippedWon / s.slippedClosed / (s.won / s.closed);
  return { factor: Math.min(1, ratio), measured: true };
}

export function forecastNext(data: WorkbookData, opts: ForecastNextOptions): ForecastNext[] {
  const periods = Math.max(1, Math.min(PERIODS_MAX, Math.round(opts.periods ?? PERIODS_DEFAULT)));
  const window = Math.max(
    1,
    Math.min(HISTORY_MAX, Math.round(opts.historyMonths ?? HISTORY_DEFAULT)),
  );
  const basis = opts.basis ?? 'won';
  const level = opts.level ?? 'company';
  const current = monthOf(opts.asOf);
  const lastClosed = current - 1;
  const firstTested = lastClosed - BACKTEST_MONTHS + 1;
  const base = firstTested - window;
  const points: EvalPoint[] = [];
  for (let m = firstTested; m <= lastClosed; m++)
    points.push({ at: monthStart(m), first: m, count: 1 });
  // Live: everything up to asOf is known; the current month is not forecast (it is under way).
  points.push({ at: opts.asOf + 1, first: current + 1, count: periods });
  const c = collect(data, { base, last: current, points, basis, level, zone: opts.zone });
  const usePipeline = basis === 'won';
  const labels = labelsOf(data.managers);
  const live = points.length - 1;
  // The company always has a line, even before its first deal.
  if (level === 'company' && !c.groups.has(''))
    c.groups.set('', emptyGroup(points, current - base + 1));

  const out: ForecastNext[] = [];
  for (const [target, g] of c.groups) {
    const series = (upTo: Month): number[] =>
      trimmed(g.fact, upTo - window + 1 - base, upTo - base);
    const runIn = (before: Month): number => {
      let s = 0;
      for (let m = before - RUN_IN_MONTHS; m < before; m++) s += g.inMonth[m - base] ?? 0;
      return s / RUN_IN_MONTHS;
    };
    const pipelineAt = (i: number, h: number, before: Month): number => {
      const slip = slipFactor(c.slip[i]).factor;
      return (
        g.onTime[i][h] + (h === 0 ? Math.round(g.slipped[i] * slip) : 0) + Math.round(runIn(before))
      );
    };
    const hp: Pair[] = [];
    const pp: Pair[] = [];
    const bp: Pair[] = [];
    const backtest: BacktestMonth[] = [];
    for (let i = 0; i < live; i++) {
      const m = points[i].first;
      const known = series(m - 1);
      if (!known.length) continue;
      const fact = g.fact[m - base];
      const history = Math.round(historyForecast(known, 1).values[0]);
      const pipeline = usePipeline ? pipelineAt(i, 0, m) : null;
      // The blend of a past month uses only the errors measured before it.
      const w = blendWeights(hp, usePipeline ? pp : null);
      const blend = Math.round(w.history * history + w.pipeline * (pipeline ?? 0));
      hp.push({ forecast: history, fact });
      if (pipeline !== null) pp.push({ forecast: pipeline, fact });
      bp.push({ forecast: blend, fact });
      backtest.push({ month: monthLabel(m), fact, history, pipeline, blend });
    }
    const known = series(lastClosed);
    // The model forecasts from the last closed month: the current month is step one, skipped.
    const model = historyForecast(known, periods + 1);
    const weights = blendWeights(hp, usePipeline ? pp : null);
    const blendAccuracy = accuracyOf(bp);
    const measured = blendAccuracy.within !== null && blendAccuracy.months >= MIN_MEASURED;
    const width = measured ? (blendAccuracy.within as number) : DEFAULT_BAND;
    const months: ForecastMonth[] = [];
    for (let h = 0; h < periods; h++) {
      const history = Math.round(model.values[h + 1]);
      const pipeline = usePipeline ? pipelineAt(live, h, current) : null;
      const value = Math.round(weights.history * history + weights.pipeline * (pipeline ?? 0));
      // Errors grow with the horizon: the one-month band widened by √h.
      const q = width * Math.sqrt(h + 1);
      months.push({
        month: monthLabel(current + 1 + h),
        value,
        low: Math.max(0, Math.round(value * (1 - q))),
        high: Math.round(value * (1 + q)),
        history,
        pipeline,
      });
    }
    out.push({
      target,
      name: level === 'manager' ? labels.get(target) || target : target,
      method: model.method,
      historyLength: known.length,
      weights,
      months,
      backtest,
      accuracy: {
        history: accuracyOf(hp),
        pipeline: usePipeline ? accuracyOf(pp) : null,
        blend: blendAccuracy,
      },
      band: { width, measured },
      slip: slipFactor(c.slip[live]),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The window of the series from its first month with a fact (a newcomer's zeros are no history). */
function trimmed(fact: readonly number[], from: number, to: number): number[] {
  let start = Math.max(0, from);
  while (start <= to && !fact[start]) start++;
  return fact.slice(start, to + 1);
}
