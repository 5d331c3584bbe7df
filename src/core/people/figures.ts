/**
 * The figures people decisions rest on, from the sales data (read once): per manager and finished
 * month the KPIs the training rule watches, and per grade the figures its criteria check. Built
 * on the analytics the dashboard uses (plan-fact, win rates, activity norms, response times) and
 * on the stage playbooks' process compliance (Stage history's «Критерий выполнен»).
 */
import { asOfDay } from '../analytics/context';
import { activityNorms } from '../analytics/discipline';
import { winRatesByManager } from '../analytics/kpi';
import { planFact } from '../analytics/planfact';
import { responseTimes } from '../analytics/response';
import { complianceByManager, type CheckedMove } from '../playbooks/compliance';
import { periodContaining, shiftPeriod, type Period } from '../workbook/period';
import { dayOfInstant, type Day, type Zone } from '../time';
import type { Manager, WorkbookData } from '../types';
import { addMonths, monthsBetween } from './months';
import type { GradeFigures } from './grades';
import { kpisUnderTwice, type KpiKey, type KpiMonth } from './training';
import type { GradeDef, Training } from './types';

/** The `n` finished months before today's, oldest first. */
export function lastMonths(today: Day, n: number): Period[] {
  const current = periodContaining(today, 'month');
  return Array.from({ length: n }, (_, i) => shiftPeriod(current, i - n));
}

function kpiMonths(
  data: WorkbookData,
  period: Period,
  zone: Zone,
  norms: ReadonlyMap<string, number | null>,
): Map<string, KpiMonth> {
  const rates = winRatesByManager(data.deals, period.start, period.end, data.settings);
  const activity = new Map(
    activityNorms(data, period, period.end, zone).map((r) => [r.manager, r.callsCompliance]),
  );
  const response = responseTimes(data, period, asOfDay(period.end, zone)).byManager;
  const out = new Map<string, KpiMonth>();
  for (const m of data.managers) {
    const k = m.email.trim().toLowerCase();
    out.set(k, {
      conversion: rates.byManager.get(k) ?? null,
      conversionNorm: norms.get(k) ?? rates.total,
      activity: activity.get(k) ?? null,
      responseMinutes: response.get(k)?.medianMinutes ?? null,
      responseLimit: data.settings.responseLimitMinutes,
    });
  }
  return out;
}

/** The team's median of a KPI in one month (managers with a figure). */
function teamMedian(
  month: ReadonlyMap<string, KpiMonth>,
  pick: (m: KpiMonth) => number | null,
): number | null {
  const xs = [...month.values()]
    .map(pick)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/**
 * Per manager, the KPIs under their norm in both of the last two finished months and, in the
 * latest, also behind the team's median: a norm the whole team misses is a norm or process
 * question for the head, not one person's training need. The conversion norm is the manager's
 * grade's minimum when it sets one, else the team's rate that month.
 */
export function kpiFlags(
  data: WorkbookData,
  today: Day,
  zone: Zone,
  conversionNorm: (m: Manager) => number | null,
): Map<string, KpiKey[]> {
  const norms = new Map(
    data.managers.map((m) => [m.email.trim().toLowerCase(), conversionNorm(m)]),
  );
  const [older, newer] = lastMonths(today, 2).map((p) => kpiMonths(data, p, zone, norms));
  const conv = teamMedian(newer, (m) => m.conversion);
  const act = teamMedian(newer, (m) => m.activity);
  const resp = teamMedian(newer, (m) => m.responseMinutes);
  const behind = (b: KpiMonth, k: KpiKey): boolean =>
    k === 'conversion'
      ? conv === null || (b.conversion ?? 0) < conv
      : k === 'activity'
        ? act === null || (b.activity ?? 0) < act
        : resp === null || (b.responseMinutes ?? 0) > resp;
  const out = new Map<string, KpiKey[]>();
  for (const [k, a] of older) {
    const b = newer.get(k);
    const under = b ? kpisUnderTwice(a, b).filter((key) => behind(b, key)) : [];
    if (under.length) out.set(k, under);
  }
  return out;
}

/** Trainings and attestations passed in the twelve months up to today. */
export function trainingsPassed(
  trainings: readonly Training[],
  manager: string,
  today: Day,
): number {
  const from = addMonths(today, -12);
  return trainings.filter(
    (t) =>
      t.manager === manager &&
      t.passed === true &&
      t.date !== null &&
      t.date > from &&
      t.date <= today,
  ).length;
}

/**
 * What figures of several managers share: one plan-fact, one win-rate and one compliance pass per
 * span. Stage moves count for the deal's owner (as in Team and the dashboard), on the move's day.
 */
export class TeamFigures {
  private readonly plans = new Map<string, Map<string, number | null>>();
  private readonly rates = new Map<string, Map<string, number | null>>();
  private readonly shares = new Map<string, Map<string, number | null>>();
  private moves: CheckedMove[] | null = null;
  constructor(
    readonly data: WorkbookData,
    readonly zone: Zone,
  ) {}

  completion(p: Period, email: string): number | null {
    let m = this.plans.get(p.label);
    if (!m) {
      m = new Map();
      for (const r of planFact(this.data, p, 'manager', p.end, { zone: this.zone })) {
        if (r.plan > 0) m.set(r.target.trim().toLowerCase(), r.completion);
      }
      this.plans.set(p.label, m);
    }
    return m.get(email) ?? null;
  }

  winRate(from: Day, to: Day, email: string): number | null {
    const key = `${from}:${to}`;
    let m = this.rates.get(key);
    if (!m) {
      m = winRatesByManager(this.data.deals, from, to, this.data.settings).byManager;
      this.rates.set(key, m);
    }
    return m.get(email) ?? null;
  }

  /** The share of checked stage moves with the exit criterion met; null: no such move. */
  compliance(from: Day, to: Day, email: string): number | null {
    const key = `${from}:${to}`;
    let m = this.shares.get(key);
    if (!m) {
      m = new Map();
      for (const c of complianceByManager(this.checkedMoves(), { from, to })) {
        m.set(c.manager, c.share);
      }
      this.shares.set(key, m);
    }
    return m.get(email) ?? null;
  }

  private checkedMoves(): CheckedMove[] {
    if (!this.moves) {
      const owner = new Map(this.data.deals.map((d) => [d.id, d.manager.trim().toLowerCase()]));
      this.moves = [];
      for (const h of this.data.stageHistory) {
        if (h.at === null) continue;
        this.moves.push({
          manager: owner.get(h.dealId) ?? '',
          day: dayOfInstant(h.at, this.zone),
          exitMet: h.exitMet ?? null,
        });
      }
    }
    return this.moves;
  }
}

/**
 * A function giving one manager's figures for a grade (memoised by the grade's months, as the
 * criteria of two grades may look back differently: plan, conversion and process compliance all
 * look back the grade's months). The grade is taken as given at the last passed attestation,
 * else at the hire date: the Managers sheet keeps no grade date of its own.
 */
export function gradeFigures(
  team: TeamFigures,
  trainings: readonly Training[],
  m: Manager,
  today: Day,
): (g: GradeDef) => GradeFigures {
  const email = m.email.trim().toLowerCase();
  const memo = new Map<number, GradeFigures>();
  let since: Day | null = m.hiredAt;
  for (const t of trainings) {
    if (t.manager === email && t.kind === 'attestation' && t.passed && t.date !== null) {
      if (since === null || t.date > since) since = t.date;
    }
  }
  const passed = trainingsPassed(trainings, email, today);
  return (g) => {
    let f = memo.get(g.planMonths);
    if (f) return f;
    const months = lastMonths(today, g.planMonths);
    const completions: number[] = [];
    for (const p of months) {
      const c = team.completion(p, email);
      if (c !== null) completions.push(c);
    }
    const from = months[0].start;
    const to = months[months.length - 1].end;
    f = {
      plan: completions.length ? completions.reduce((a, b) => a + b, 0) / completions.length : null,
      conversion: team.winRate(from, to, email),
      compliance: team.compliance(from, to, email),
      trainings: passed,
      months: since === null ? null : monthsBetween(since, today),
    };
    memo.set(g.planMonths, f);
    return f;
  };
}
