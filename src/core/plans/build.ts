/**
 * The plan builder: a company target for a year, quarter or month (or last year's fact ± growth)
 * spread over months, then split to teams and managers month by month with ramp-up, and summed
 * back into quarters and the year, so every parent equals the sum of its children exactly.
 */
import { splitByWeights } from '../analytics/decompose';
import { calendarOf } from '../analytics/settings';
import {
  monthsOf,
  parsePeriod,
  periodContaining,
  shiftPeriod,
  type Period,
} from '../workbook/period';
import { type Day, type Zone } from '../time';
import type { Manager, PlanLevel, PlanMetric, WorkbookData } from '../types';
import { salesCapacity, planPeople } from './capacity';
import { monthlyFact } from './history';
import { DEFAULT_RAMP, rampShare } from './ramp';
import { monthWeights, respread, type SpreadMethod } from './spread';

export type SplitMethod = 'equal' | 'share' | 'capacity' | 'none';

export interface PlanDraft {
  metric: PlanMetric;
  /** "2027", "2027-Q1" or "2027-03". */
  period: string;
  /** The target (kopecks for revenue), or null to start from last year's fact + growth. */
  target: number | null;
  growthPercent: number;
  spread: SpreadMethod;
  /** Typed weights, one per month of the period (spread 'weights'). */
  weights?: number[];
  split: SplitMethod;
  /** Re-spread the closed months' shortfall over the open ones (as of `asOf`). */
  respread?: boolean;
}

export interface BuiltRow {
  level: PlanLevel;
  target: string;
  name: string;
  period: string;
  metric: PlanMetric;
  value: number;
}

export interface BuiltMonth {
  period: string;
  value: number;
  lastYear: number | null;
  /** Fact so far (closed and current months), for the re-spread. */
  fact: number;
  closed: boolean;
}

export interface BuiltPlan {
  period: string;
  metric: PlanMetric;
  total: number;
  months: BuiltMonth[];
  rows: BuiltRow[];
  /** Closed months' plan - fact, when re-spread (negative: a surplus). */
  shortfall: number | null;
  /** Months nobody can carry (everyone left or not yet hired): their plan stays at company. */
  uncarried: string[];
}

export interface BuildContext {
  data: WorkbookData;
  zone: Zone;
  asOf: Day;
  curve?: readonly number[];
}

const monthIndexOf = (months: readonly Period[], asOf: Day): number => {
  const i = months.findIndex((m) => asOf <= m.end);
  return i < 0 ? months.length : i;
};

export function buildPlan(draft: PlanDraft, ctx: BuildContext): BuiltPlan {
  const period = parsePeriod(draft.period);
  if (!period) throw new RangeError(`bad period ${draft.period}`);
  const { data } = ctx;
  const months = monthsOf(period);
  const lastYearMonths = months.map((m) => shiftPeriod(m, -12));
  const thisMonth = periodContaining(ctx.asOf, 'month').start;
  const lastYear = monthlyFact(data, lastYearMonths, draft.metric, ctx.zone, thisMonth);
  const calendar = calendarOf(data.settings);
  const total =
    draft.target ?? Math.round(yearBase(lastYear.companyOrNull) * (1 + draft.growthPercent / 100));
  const basis = { calendar, lastYear: lastYear.companyOrNull, weights: draft.weights };
  const weights = monthWeights(months, draft.spread, basis);
  let values = splitByWeights(total, weights);

  const now = monthlyFact(data, months, draft.metric, ctx.zone);
  const firstOpen = monthIndexOf(months, ctx.asOf);
  let shortfall: number | null = null;
  if (draft.respread && firstOpen > 0) {
    const r = respread(
      existingCompany(data, months, draft.metric) ?? values,
      now.company,
      firstOpen,
      weights,
    );
    values = r.plans;
    shortfall = r.shortfall;
  }

  const rows: BuiltRow[] = [];
  const row = (level: PlanLevel, target: string, name: string, p: string, value: number): void => {
    rows.push({ level, target, name, period: p, metric: draft.metric, value });
  };
  const people = draft.split === 'none' ? [] : planPeople(data.managers, period);
  const base = baseWeights(draft.split, people, lastYear.byManager, ctx, period, draft.metric);
  const curve = ctx.curve ?? DEFAULT_RAMP;
  const byTeam = new Map<string, number[]>();
  const byManager = new Map<string, number[]>();
  const uncarried: string[] = [];
  months.forEach((m, i) => {
    const w = people.map((p, k) => base[k] * rampShare(p, m, curve));
    if (people.length && w.every((x) => x <= 0)) {
      if (values[i] !== 0) uncarried.push(m.label);
      return;
    }
    if (!people.length) return;
    const teams = [...new Set(people.map((p) => p.team))];
    const teamW = teams.map((t) => people.reduce((s, p, k) => s + (p.team === t ? w[k] : 0), 0));
    const teamV = splitByWeights(values[i], teamW);
    teams.forEach((t, j) => {
      put(byTeam, t, months.length, i, teamV[j]);
      const members = people.map((p, k) => ({ p, w: w[k] })).filter((x) => x.p.team === t);
      const parts = splitByWeights(
        teamV[j],
        members.map((x) => x.w),
      );
      members.forEach((x, k) =>
        put(byManager, x.p.email.toLowerCase(), months.length, i, parts[k]),
      );
    });
  });

  const emit = (
    level: PlanLevel,
    target: string,
    name: string,
    series: readonly number[],
  ): void => {
    months.forEach((m, i) => row(level, target, name, m.label, series[i]));
    if (period.kind === 'year') {
      for (let q = 0; q < 4; q++) {
        row(level, target, name, `${period.year}-Q${q + 1}`, sum(series.slice(q * 3, q * 3 + 3)));
      }
    }
    if (period.kind !== 'month') row(level, target, name, period.label, sum(series));
  };
  emit('company', '', '', values);
  for (const [t, s] of byTeam) if (t) emit('team', t, t, s);
  for (const p of people) {
    const s = byManager.get(p.email.toLowerCase());
    if (s) emit('manager', p.email.toLowerCase(), p.name, s);
  }
  return {
    period: period.label,
    metric: draft.metric,
    total: sum(values),
    months: months.map((m, i) => ({
      period: m.label,
      value: values[i],
      lastYear: lastYear.companyOrNull[i],
      fact: now.company[i],
      closed: i < firstOpen,
    })),
    rows,
    shortfall,
    uncarried,
  };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * Last year's total for "last year + growth": the known months as they were, a month not known
 * (before the first record, or not closed yet) at the known months' mean.
 */
export function yearBase(months: ReadonlyArray<number | null>): number {
  const known = months.filter((v): v is number => v !== null);
  if (!known.length) return 0;
  return sum(known) + (sum(known) / known.length) * (months.length - known.length);
}

function put(map: Map<string, number[]>, key: string, n: number, i: number, v: number): void {
  let s = map.get(key);
  if (!s) map.set(key, (s = new Array<number>(n).fill(0)));
  s[i] += v;
}

/**
 * Each person's weight before ramp-up: 1 (equal), last year's fact (share) or the monthly rate
 * at current conversion (capacity). Someone without a figure of their own (a new hire) takes the
 * mean of those with one, so the split never hands a newcomer nothing or everything.
 */
function baseWeights(
  split: SplitMethod,
  people: readonly Manager[],
  lastYear: ReadonlyMap<string, number[]>,
  ctx: BuildContext,
  period: Period,
  metric: PlanMetric,
): number[] {
  if (split === 'equal' || split === 'none') return people.map(() => 1);
  let own: Array<number | null>;
  if (split === 'share') {
    own = people.map((p) => {
      const s = sum(lastYear.get(p.email.toLowerCase()) ?? []);
      return s > 0 ? s : null;
    });
  } else {
    const cap = salesCapacity(ctx.data, {
      period,
      historyMonths: 12,
      asOf: ctx.asOf,
      zone: ctx.zone,
    });
    const rate = new Map(cap.rows.filter((r) => r.level === 'manager').map((r) => [r.key, r]));
    own = people.map((p) => {
      const r = rate.get(p.email.toLowerCase());
      if (!r || r.estimated) return null;
      return metric === 'revenue' ? r.monthlyRate : r.leadsPerMonth * (r.conversion ?? 0);
    });
  }
  const known = own.filter((x): x is number => x !== null && x > 0);
  const mean = known.length ? sum(known) / known.length : 1;
  return own.map((x) => (x !== null && x > 0 ? x : mean));
}

/** The company's month plans already on the Plans sheet, when every month has one. */
function existingCompany(
  data: WorkbookData,
  months: readonly Period[],
  metric: PlanMetric,
): number[] | null {
  const by = new Map<string, number>();
  for (const p of data.plans) {
    if (p.level === 'company' && (p.metric || 'revenue') === metric) by.set(p.period, p.value);
  }
  const out = months.map((m) => by.get(m.label));
  return out.every((v) => v !== undefined) ? (out as number[]) : null;
}
