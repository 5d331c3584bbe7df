/**
 * The bridge to the analytics core: its selections (forgotten deals, unprocessed leads, next
 * steps, forgotten clients, receivables) and plan-fact rows become the reminders' model. No rule
 * about what is forgotten or overdue lives here; only who gets it and how it reads.
 */
import {
  asOfInstant,
  calendarOf,
  converterOf,
  dealAmount,
  dealsWithoutNextStep,
  forgottenClients,
  forgottenDeals,
  indexActivities,
  overdueNextSteps,
  periodContaining,
  planFact,
  stagesOf,
  unprocessedLeads,
  type AttentionItem,
  type PlanFactRow,
  type Period,
} from '../analytics';
import { dayOfInstant, formatDay, weekday, type Day, type Instant, type Zone } from '../time';
import type { Client, Deal, WorkbookData } from '../types';
import { buildDigests, buildSummary, managerLines, normEmail, type Selections } from './digest';
import type { ContentSource } from './plan';
import type { Digest, PeriodReport, PlanStatus, ReminderItem, Reason, SectionKey } from './types';

export function planStatus(row: PlanFactRow | undefined, label?: string): PlanStatus | null {
  if (!row) return null;
  return {
    target: row.target,
    label: label ?? (row.name || row.target || row.period),
    plan: row.plan,
    fact: row.fact,
    runRateForecast: row.runRateForecast ?? row.fact,
    requiredDailyPace: row.requiredDailyPace ?? 0,
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

/** Everything the day's mail is made of, computed once per run from one read of the workbook. */
export interface DayContent {
  selections: Selections;
  digests: Digest[];
  content: ContentSource;
  isWorkingDay(day: Day): boolean;
}

export function dayContent(data: WorkbookData, now: Instant, zone: Zone): DayContent {
  const asOf = asOfInstant(now, zone);
  const today = asOf.day;
  const stages = stagesOf(data.settings);
  const index = indexActivities(data.activities, asOf.now);
  const conv = converterOf(data.settings);
  const amount = (d: Deal) => dealAmount(d, conv);
  const opts = { stages, index };
  const items: ReminderItem[] = [
    ...forgottenDeals(data, asOf, opts).items.map((i) =>
      dealItem(i, 'forgottenDeals', 'forgotten', amount),
    ),
    ...unprocessedLeads(data, asOf, opts).items.map((i) =>
      dealItem(i, 'unprocessedLeads', 'unprocessed', amount),
    ),
    ...overdueNextSteps(data, asOf, opts).items.map((i) =>
      dealItem(i, 'nextSteps', 'overdueNextStep', amount),
    ),
    ...dealsWithoutNextStep(data, asOf, opts).items.map((i) =>
      dealItem(i, 'nextSteps', 'noNextStep', amount),
    ),
    ...forgottenClients(data, asOf, opts).items.map(clientItem),
  ];
  const month = periodContaining(today, 'month');
  const rows = (period: Period, level: 'company' | 'manager', at: Day) =>
    planFact(data, period, level, at, { zone });
  const byManager = new Map<string, PlanStatus>();
  for (const r of rows(month, 'manager', today)) {
    const s = planStatus(r, month.label);
    if (s) byManager.set(normEmail(r.target), s);
  }
  const selections: Selections = {
    day: today,
    items,
    plans: byManager,
    team: planStatus(rows(month, 'company', today)[0], month.label),
  };
  const digests = buildDigests(selections, data.managers);
  const calendar = calendarOf(data.settings);

  const report = (kind: 'weekly' | 'monthly', on: Day): PeriodReport => {
    // Weekly: the month to date as of the day before, and the ISO week before `on`.
    // Monthly: the whole month before `on`'s month.
    const period =
      kind === 'weekly'
        ? periodContaining(on - 1, 'month')
        : periodContaining(periodContaining(on, 'month').start - 1, 'month');
    const at = kind === 'weekly' ? on - 1 : period.end;
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
      bonus: null,
      wonCount,
      wonAmount,
      newDeals,
    };
  };

  const content: ContentSource = {
    digestFor: (recipient) => digests.find((d) => d.manager === normEmail(recipient)) ?? null,
    summary: () => buildSummary(selections, data.managers),
    report,
  };
  return { selections, digests, content, isWorkingDay: (d) => calendar.isWorkingDay(d) };
}
