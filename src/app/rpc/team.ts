/**
 * The team view (head of sales, director): the analytics core's plan-fact at company and manager
 * level with run-rate forecast and required pace, the stage funnel of the period's cohort,
 * discipline counters per manager (forgotten deals, unprocessed leads, response-time breaches) and
 * receivables aging. Pure reads: one getValues per sheet for the whole view.
 */
import { asOfInstant, forgottenDeals, unprocessedLeads } from '../../core/analytics';
import {
  periodContaining,
  parsePeriod,
  shiftPeriod,
  type Period,
} from '../../core/analytics/period';
import { planFact, type PlanFactRow } from '../../core/analytics/planfact';
import { stageFunnel } from '../../core/analytics/funnel';
import { AGING_BUCKETS, receivables, type AgingRow } from '../../core/analytics/receivables';
import { responseTimes } from '../../core/analytics/response';
import { UserError } from '../../core/errors';
import type {
  AgingBucket,
  ManagerRow,
  TeamRequest,
  TeamView,
  WeeklyReportResult,
} from '../../shared/contract';
import * as analytics from '../analytics';
import * as reminders from '../reminders';
import type { Ctx } from './context';

type Figures = TeamView['company'];

/** How many periods the completion trend shows, the shown one last. */
const TREND = 6;

const agingOf = (row: AgingRow | undefined): AgingBucket[] =>
  AGING_BUCKETS.map((key) => ({ key, amount: row?.buckets[key] ?? 0 }));

function figures(
  r: PlanFactRow | undefined,
): Omit<
  Figures,
  | 'forgotten'
  | 'snoozed'
  | 'unprocessed'
  | 'responseBreaches'
  | 'overdueReceivables'
  | 'trend'
  | 'aging'
> {
  return {
    plan: r?.plan ?? 0,
    fact: r?.fact ?? 0,
    completion: r?.completion ?? null,
    forecast: r?.runRateForecast ?? r?.fact ?? 0,
    requiredDailyPace:
      r?.requiredDailyPace === null || r === undefined ? null : Math.round(r.requiredDailyPace),
  };
}

function count<T extends { manager: string }>(items: readonly T[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const it of items) out.set(it.manager, (out.get(it.manager) ?? 0) + 1);
  return out;
}

export function teamView(req: TeamRequest, ctx: Ctx): TeamView {
  const data = ctx.data();
  const asOf = asOfInstant(ctx.now, ctx.zone);
  let period: Period;
  if (req.period.trim()) {
    const p = parsePeriod(req.period);
    if (!p) throw new UserError('error.badArgument', { name: 'period', problem: req.period });
    period = p;
  } else {
    period = periodContaining(asOf.day, 'month');
  }
  const opts = { zone: ctx.zone };
  const company = planFact(data, period, 'company', asOf, opts)[0];
  const byManager = new Map(
    planFact(data, period, 'manager', asOf, opts).map((r) => [r.target, r]),
  );
  const stale = forgottenDeals(data, asOf);
  const forgotten = count(stale.items);
  // Snoozed next to forgotten: a snooze hides a deal from the count (SECURITY.md T11).
  const snoozed = count(stale.snoozed);
  const unprocessed = count(unprocessedLeads(data, asOf).items);
  const response = responseTimes(data, period, asOf);
  const money = receivables(data, asOf.day);
  const debts = new Map(money.byManager.map((r) => [r.key, r]));
  // The trend: the same plan-fact, for the shown period and the five before it.
  const periods = Array.from({ length: TREND }, (_, i) => shiftPeriod(period, i + 1 - TREND));
  const past = periods.slice(0, -1).map((p) => ({
    company: planFact(data, p, 'company', asOf, opts)[0]?.completion ?? null,
    byManager: new Map(
      planFact(data, p, 'manager', asOf, opts).map((r) => [r.target, r.completion]),
    ),
  }));

  const managers: ManagerRow[] = data.managers
    .filter((m) => m.active && m.role === 'manager')
    .map((m) => ({
      email: m.email,
      name: m.name,
      team: m.team,
      ...figures(byManager.get(m.email)),
      forgotten: forgotten.get(m.email) ?? 0,
      snoozed: snoozed.get(m.email) ?? 0,
      unprocessed: unprocessed.get(m.email) ?? 0,
      responseBreaches: response.byManager.get(m.email)?.slaBreaches ?? 0,
      overdueReceivables: debts.get(m.email)?.overdue ?? 0,
      trend: [
        ...past.map((p) => p.byManager.get(m.email) ?? null),
        byManager.get(m.email)?.completion ?? null,
      ],
      aging: agingOf(debts.get(m.email)),
    }))
    .sort((a, b) => (b.completion ?? -1) - (a.completion ?? -1) || a.name.localeCompare(b.name));

  const sum = (f: (r: ManagerRow) => number) => managers.reduce((s, r) => s + f(r), 0);
  const funnel = stageFunnel(
    data.deals,
    data.stageHistory,
    data.settings,
    ctx.zone,
    period.start,
    period.end,
  );
  return {
    period: period.label,
    currency: data.settings.currency,
    workingDays: {
      total: company?.workingDaysTotal ?? 0,
      elapsed: company?.workingDaysElapsed ?? 0,
      left: company?.workingDaysLeft ?? 0,
    },
    company: {
      ...figures(company),
      forgotten: sum((r) => r.forgotten),
      snoozed: sum((r) => r.snoozed),
      unprocessed: sum((r) => r.unprocessed),
      responseBreaches: response.total.slaBreaches,
      overdueReceivables: money.total.overdue,
      trend: [...past.map((p) => p.company), company?.completion ?? null],
      aging: agingOf(money.total),
    },
    trendPeriods: periods.map((p) => p.label),
    managers,
    funnel: funnel.rows.map((r) => ({
      stage: r.stage,
      reached: r.reached,
      conversion: r.conversion,
    })),
    receivables: {
      outstanding: money.total.outstanding,
      overdue: money.total.overdue,
      aging: agingOf(money.total),
    },
  };
}

export function refreshDashboard(ctx: Ctx, period = ''): { refreshedAt: string } {
  analytics.refreshDashboard(ctx.wb, period || undefined);
  return { refreshedAt: new Date(Date.now()).toISOString() };
}

export function sendWeeklyReport(ctx: Ctx): WeeklyReportResult {
  const r = reminders.sendWeeklyReportNow(ctx.wb);
  return { sent: r.sent, skipped: r.skipped + r.deferred + r.failed };
}
