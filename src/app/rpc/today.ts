/**
 * The Today lists for the caller: ONLY their own deals and their own clients' invoices. The data
 * is narrowed to the caller's records before any selection runs, so nothing of another manager's
 * can reach the page whatever the selections do. The selections themselves are the analytics
 * core's (the same that drive the reminder emails).
 */
import {
  asOfInstant,
  attentionFor,
  attentionOf,
  periodContaining,
  planFact,
  type AsOf,
  type AttentionItem,
} from '../../core/analytics';
import { forgottenWeeks } from '../../core/analytics/forgotten-weeks';
import { isoDay, type Day, type Instant } from '../../core/time';
import type { Deal, WorkbookData } from '../../core/types';
import type { DealItem, MyPlan, TodayView } from '../../shared/contract';
import type { Ctx } from './context';
import { todayTasks } from './tasks';

export const iso = (d: Day | null): string | null => (d === null ? null : isoDay(d));
export const isoAt = (t: Instant | null): string | null =>
  t === null ? null : new Date(t).toISOString();

/** The caller's own slice of the workbook. */
export function ownData(data: WorkbookData, email: string): WorkbookData {
  const clients = data.clients.filter((c) => c.manager === email);
  const clientIds = new Set(clients.map((c) => c.id));
  const deals = data.deals.filter((d) => d.manager === email);
  const dealIds = new Set(deals.map((d) => d.id));
  return {
    ...data,
    clients,
    deals,
    activities: data.activities.filter(
      (a) => a.manager === email || dealIds.has(a.dealId) || clientIds.has(a.clientId),
    ),
    stageHistory: data.stageHistory.filter((s) => dealIds.has(s.dealId)),
    invoices: data.invoices.filter((i) => clientIds.has(i.clientId) || dealIds.has(i.dealId)),
    plans: data.plans.filter((p) => p.level === 'manager' && p.target === email),
    managers: data.managers.filter((m) => m.email === email),
  };
}

export function dealItem(deal: Deal, currency: string, idleDays: number | null): DealItem {
  return {
    id: deal.id,
    clientId: deal.clientId,
    clientName: deal.clientName,
    title: deal.title,
    stage: deal.stage,
    amount:
      deal.amount === null ? null : { amount: deal.amount, currency: deal.currency || currency },
    nextStep: deal.nextStep,
    nextStepDate: iso(deal.nextStepDate),
    lastActivityAt: isoAt(deal.lastActivityAt),
    idleDays,
    snoozedUntil: iso(deal.snoozedUntil),
    updatedAt: isoAt(deal.updatedAt),
  };
}

export function todayView(ctx: Ctx): TodayView {
  const data = ownData(ctx.data(), ctx.me.email);
  const asOf = asOfInstant(ctx.now, ctx.zone);
  const currency = data.settings.currency;
  const names = new Map(data.clients.map((c) => [c.id, c.name]));
  const withName = (d: Deal): Deal =>
    d.clientName ? d : { ...d, clientName: names.get(d.clientId) ?? '' };
  const deal = (it: AttentionItem<Deal>, idle: number | null) =>
    dealItem(withName(it.record), currency, idle);
  const all = attentionFor(attentionOf(data, asOf), ctx.me.email);
  return {
    asOf: isoDay(asOf.day),
    forgotten: all.forgotten.map((it) => deal(it, it.days)),
    unprocessed: all.unprocessed.map((it) => ({
      ...deal(it, it.days),
      createdAt: isoAt(it.record.createdAt),
      minutesWaiting: it.minutes,
    })),
    overdueSteps: all.overdueSteps.map((it) => deal(it, null)),
    noNextStep: all.noNextStep.map((it) => deal(it, null)),
    dueToday: all.dueToday.map((d) => dealItem(withName(d), currency, null)),
    forgottenClients: all.forgottenClients.map((it) => ({
      id: it.record.id,
      name: it.record.name || it.record.id,
      contact: [it.record.contactName, it.record.phone].filter(Boolean).join(' · '),
      idleDays: it.days,
    })),
    overdueInvoices: all.overdueInvoices.map((o) => ({
      id: o.invoice.id,
      number: o.invoice.number,
      clientId: o.invoice.clientId,
      clientName: o.clientName,
      dealId: o.invoice.dealId,
      dueDate: iso(o.invoice.dueDate),
      outstanding: { amount: o.outstanding, currency: o.invoice.currency || currency },
      daysOverdue: o.daysOverdue,
    })),
    count: all.count,
    tasks: todayTasks(ctx),
    plan: myPlan(data, asOf, ctx.me.email),
  };
}

function myPlan(data: WorkbookData, asOf: AsOf, email: string): MyPlan | null {
  const period = periodContaining(asOf.day, 'month');
  const me = email.trim().toLowerCase();
  const row = planFact(data, period, 'manager', asOf, { zone: asOf.zone }).find(
    (r) => r.target === me,
  );
  if (!row) return null;
  return {
    period: period.label,
    plan: row.plan,
    fact: row.fact,
    completion: row.completion,
    forecast: row.runRateForecast,
    requiredDailyPace: row.requiredDailyPace,
    workingDaysLeft: row.workingDaysLeft,
    workingDaysElapsed: row.workingDaysElapsed,
    workingDaysTotal: row.workingDaysTotal,
    money: row.metric === 'revenue',
    forgottenWeeks: forgottenWeeks(data, asOf).map((w) => ({ day: isoDay(w.day), count: w.count })),
  };
}
