/**
 * The bridge to the analytics core: its selections (forgotten deals, unprocessed leads, next
 * steps, forgotten clients, receivables) and plan-fact rows become the reminders' model. No rule
 * about what is forgotten or overdue lives here; only who gets it and how it reads.
 */
import {
  asOfInstant,
  attentionOf,
  bonusStatements,
  calendarOf,
  converterOf,
  dealAmount,
  periodContaining,
  planFact,
  stagesOf,
  type AsOf,
  type MoneyConverter,
  type OverdueInvoice,
  type AttentionItem,
  type PlanFactRow,
  type Period,
} from '../analytics';
import { bonusNoteText } from '../analytics/tables/bonus-text';
import { dayOfInstant, formatDay, weekday, type Day, type Instant, type Zone } from '../time';
import type { Client, Deal, WorkbookData } from '../types';
import {
  buildDigests,
  buildSummary,
  digestRules,
  managerLines,
  normEmail,
  type Selections,
} from './digest';
import type { ContentSource } from './plan';
import { standings } from './standings';
import { budgetAlerts, type MoneySheets } from './budget';
import type {
  BonusLine,
  Digest,
  PeriodReport,
  PlanStatus,
  ReminderItem,
  Reason,
  SectionKey,
} from './types';

function bonusLines(data: WorkbookData, period: Period, zone: Zone): BonusLine[] | null {
  try {
    return bonusStatements(data, period, period.end, { zone }).map((b) => ({
      manager: b.manager,
      name: b.name,
      fact: b.fact,
      plan: b.plan,
      bonus: b.bonus,
      note: bonusNoteText(b, data.settings.lang),
    }));
  } catch {
    // A broken scheme table must not cost the head the rest of the monthly report.
    return null;
  }
}

export function planStatus(row: PlanFactRow | undefined, label?: string): PlanStatus | null {
  if (!row) return null;
  return {
    target: row.target,
    label: label ?? (row.name || row.target || row.period),
    plan: row.plan,
    fact: row.fact,
    runRateForecast: row.runRateForecast ?? row.fact,
    requiredDailyPace: row.workingDaysLeft > 0 ? row.requiredDailyPace : null,
    money: row.metric === 'revenue',
  };
}

function dealItem(
  it: AttentionItem<Deal>,
  section: SectionKey,
  reason: Reason,
  amount: (d: Deal) => number | null,
): ReminderItem {
  const d = it.record;
  const detail =
    reason === 'overdueNextStep' && d.nextStep
      ? `${d.clientName} · ${d.nextStep}${d.nextStepDate !== null ? ` (${formatDay(d.nextStepDate)})` : ''}`
      : [d.clientName, d.stage].filter(Boolean).join(' · ');
  return {
    section,
    reason,
    id: d.id,
    title: d.title || d.clientName || d.id,
    detail,
    manager: normEmail(it.manager),
    days: it.days,
    daysOverdue: it.daysOverdue,
    minutes: it.minutes,
    limit: it.limit,
    severity: it.severity,
    amount: amount(d),
    where: { sheet: 'deals', row: d.row },
    snoozedUntil: it.snoozedUntil,
  };
}

function clientItem(it: AttentionItem<Client>): ReminderItem {
  const c = it.record;
  return {
    section: 'forgottenClients',
    reason: 'forgottenClient',
    id: c.id,
    title: c.name || c.id,
    detail: [c.contactName, c.phone].filter(Boolean).join(' · '),
    manager: normEmail(it.manager),
    days: it.days,
    daysOverdue: it.daysOverdue,
    minutes: 0,
    limit: it.limit,
    severity: it.severity,
    amount: null,
    where: { sheet: 'clients', row: c.row },
    snoozedUntil: it.snoozedUntil,
  };
}

/** Overdue invoices one by one, as the Today panel lists them, linked to the invoice's row. */
function overdueInvoiceItems(
  list: readonly OverdueInvoice[],
  conv: MoneyConverter,
): ReminderItem[] {
  return list.map((o) => ({
    section: 'overdueInvoices',
    reason: 'overdueInvoice',
    id: o.invoice.id,
    title: o.clientName,
    detail: `№ ${o.invoice.number || o.invoice.id}`,
    manager: normEmail(o.manager),
    days: o.daysOverdue,
    daysOverdue: o.daysOverdue,
    minutes: 0,
    limit: 0,
    severity: o.daysOverdue > 60 ? 3 : o.daysOverdue > 30 ? 2 : 1,
    amount: conv.convert(o.outstanding, o.invoice.currency),
    where: { sheet: 'invoices', row: o.invoice.row },
    snoozedUntil: null,
  }));
}

/** Everything the day's mail is made of, computed once per run from one read of the workbook. */
export interface DayContent {
  selections: Selections;
  digests: Digest[];
  content: ContentSource;
  isWorkingDay(day: Day): boolean;
}

export function dayContent(
  data: WorkbookData,
  now: Instant,
  zone: Zone,
  money?: MoneySheets,
): DayContent {
  const asOf = asOfInstant(now, zone);
  const today = asOf.day;
  const stages = stagesOf(data.settings);
  const conv = converterOf(data.settings);
  const amount = (d: Deal) => dealAmount(d, conv);
  const all = attentionOf(data, asOf);
  const items: ReminderItem[] = [
    ...all.forgotten.map((i) => dealItem(i, 'forgottenDeals', 'forgotten', amount)),
    ...all.unprocessed.map((i) => dealItem(i, 'unprocessedLeads', 'unprocessed', amount)),
    ...all.overdueSteps.map((i) => dealItem(i, 'nextSteps', 'overdueNextStep', amount)),
    ...all.noNextStep.map((i) => dealItem(i, 'nextSteps', 'noNextStep', amount)),
    ...all.forgottenClients.map(clientItem),
    ...overdueInvoiceItems(all.overdueInvoices, conv),
  ];
  const month = periodContaining(today, 'month');
  const rows = (period: Period, level: 'company' | 'manager', at: Day | AsOf) =>
    planFact(data, period, level, at, { zone });
  const byManager = new Map<string, PlanStatus>();
  for (const r of rows(month, 'manager', asOf)) {
    const s = planStatus(r, month.label);
    if (s) byManager.set(normEmail(r.target), s);
  }
  const selections: Selections = {
    day: today,
    items,
    plans: byManager,
    team: planStatus(rows(month, 'company', asOf)[0], month.label),
  };
  const calendar = calendarOf(data.settings);
  const rules = digestRules(data.settings, (d) => calendar.isWorkingDay(d));
  const digests = buildDigests(selections, data.managers, rules);

  const report = (kind: 'weekly' | 'monthly', on: Day): PeriodReport => {
    // Weekly: the month of the week before `on` to date, and that ISO week's deals.
    // Monthly: the whole month before `on`'s month. Plan figures are taken at the run's own
    // moment while the period is still running, so the weekly report and the daily summary
    // sent together give one forecast and one pace; a finished period is taken whole.
    const period =
      kind === 'weekly'
        ? periodContaining(on - 1, 'month')
        : periodContaining(periodContaining(on, 'month').start - 1, 'month');
    const at: Day | AsOf = period.end >= today && period.start <= today ? asOf : period.end;
    const weekStart = on - (weekday(on) - 1) - 7;
    const from = kind === 'weekly' ? weekStart : period.start;
    const to = kind === 'weekly' ? weekStart + 6 : period.end;
    const plans = new Map<string, PlanStatus>();
    for (const r of rows(period, 'manager', at)) {
      const s = planStatus(r, period.label);
      if (s) plans.set(normEmail(r.target), s);
    }
    let wonCount = 0;
    let wonAmount = 0;
    let newDeals = 0;
    for (const d of data.deals) {
      if (
        stages.kindOf(d.stage) === 'won' &&
        d.closedAt !== null &&
        d.closedAt >= from &&
        d.closedAt <= to
      ) {
        wonCount++;
        wonAmount += amount(d) ?? 0;
      }
      if (d.createdAt !== null) {
        const c = dayOfInstant(d.createdAt, zone);
        if (c >= from && c <= to) newDeals++;
      }
    }
    return {
      kind,
      day: on,
      periodLabel: kind === 'weekly' ? `${formatDay(from)} – ${formatDay(to)}` : period.label,
      team: planStatus(rows(period, 'company', at)[0], period.label),
      managers: managerLines({ ...selections, plans }, data.managers),
      bonus: kind === 'monthly' ? bonusLines(data, period, zone) : null,
      wonCount,
      wonAmount,
      newDeals,
    };
  };

  const content: ContentSource = {
    digestFor: (recipient) => digests.find((d) => d.manager === normEmail(recipient)) ?? null,
    summary: () => ({
      ...buildSummary(selections, data.managers),
      standings: standings(data, asOf, month),
      budget: money && budgetAlerts(money, today),
    }),
    report,
  };
  return { selections, digests, content, isWorkingDay: (d) => calendar.isWorkingDay(d) };
}
