/**
 * The Today lists for the caller: ONLY their own deals and their own clients' invoices. The data
 * is narrowed to the caller's records before any selection runs, so nothing of another manager's
 * can reach the page whatever the selections do. The selections themselves are the analytics
 * core's (the same that drive the reminder emails).
 */
import {
  asOfInstant,
  forgottenDeals,
  overdueNextSteps,
  unprocessedLeads,
  type AttentionItem,
} from '../../core/analytics';
import { isoDay, type Day, type Instant } from '../../core/time';
import type { Deal, WorkbookData } from '../../core/types';
import type { DealItem, InvoiceItem, LeadItem, TodayView } from '../../shared/contract';
import type { Ctx } from './context';

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

  const unprocessed: LeadItem[] = unprocessedLeads(data, asOf).items.map((it) => ({
    ...deal(it, it.days),
    createdAt: isoAt(it.record.createdAt),
    minutesWaiting: it.minutes,
  }));
  const forgotten = forgottenDeals(data, asOf).items.map((it) => deal(it, it.days));
  // A deal shows once, in its most pressing list; its card still says when its step was due.
  const shown = new Set([...unprocessed, ...forgotten].map((d) => d.id));
  return {
    asOf: isoDay(asOf.day),
    forgotten,
    unprocessed,
    overdueSteps: overdueNextSteps(data, asOf)
      .items.filter((it) => !shown.has(it.record.id))
      .map((it) => deal(it, null)),
    overdueInvoices: overdueInvoices(data, asOf.day, names),
  };
}

function overdueInvoices(
  data: WorkbookData,
  today: Day,
  names: Map<string, string>,
): InvoiceItem[] {
  const currency = data.settings.currency;
  return data.invoices
    .filter((i) => i.dueDate !== null && i.dueDate < today && i.amount - i.paidAmount > 0)
    .map((i) => ({
      id: i.id,
      number: i.number,
      clientId: i.clientId,
      clientName: names.get(i.clientId) ?? i.clientId,
      dealId: i.dealId,
      dueDate: iso(i.dueDate),
      outstanding: { amount: i.amount - i.paidAmount, currency: i.currency || currency },
      daysOverdue: today - (i.dueDate as Day),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
}
