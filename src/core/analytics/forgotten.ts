/**
 * What needs attention today ("брошенные клиенты"): forgotten deals, unprocessed leads, overdue
 * and missing next steps, forgotten clients. Reminders, the sidebar and SALES_STALE all use these
 * selections, so a deal is flagged the same way everywhere.
 *
 * Rules (also in docs/custom-functions.md):
 * - A deal whose next step is due today or later is never forgotten (it is planned).
 * - Days since last activity = as-of day - day of the last completed activity (activities dated
 *   after now do not count; a planned next step is not activity). With no activity at all, the
 *   deal's creation counts as the last touch.
 * - A record snoozed until a day after the as-of day is left out of `items` and listed in
 *   `snoozed`; on the snooze day itself it nags again.
 * - Severity 3 (critical), 2 (high), 1 (normal); items come sorted most urgent first.
 */
import { dayOfInstant, type Day } from '../time';
import type { Client, Deal, WorkbookData } from '../types';
import {
  firstDealActivity,
  indexActivities,
  lastClientContact,
  lastDealActivity,
  type ActivityIndex,
} from './activity-index';
import { calendarOf, hoursOf, stagesOf } from './settings';
import type { AsOf } from './context';
import { workingMinutesBetween } from './calendar';
import { StageIndex } from './stages';

export type AttentionKind =
  'forgottenDeal' | 'unprocessedLead' | 'overdueNextStep' | 'noNextStep' | 'forgottenClient';

export type Severity = 1 | 2 | 3;

export interface AttentionItem<T> {
  kind: AttentionKind;
  record: T;
  /** The responsible manager's email. */
  manager: string;
  /** Days since the last activity / contact (forgotten), or since the step's date (overdue). */
  days: number;
  /** Days past the limit (forgotten) or past the step's date (overdue next step). */
  daysOverdue: number;
  /** Working minutes waiting (unprocessed leads). */
  minutes: number;
  /** Working minutes past the response limit (unprocessed leads). */
  minutesOverdue: number;
  /** The limit that applied: rotting days, client days, or response minutes. */
  limit: number;
  severity: Severity;
  snoozedUntil: Day | null;
  snoozeReason: string;
}

export interface Selection<T> {
  /** What nags today, most urgent first. */
  items: AttentionItem<T>[];
  /** What would nag but is snoozed to a later day (shown in reports, not in reminders). */
  snoozed: AttentionItem<T>[];
}

interface Shared {
  stages?: StageIndex;
  index?: ActivityIndex;
}

function shared(data: WorkbookData, asOf: AsOf, opts: Shared): Required<Shared> {
  return {
    stages: opts.stages ?? stagesOf(data.settings),
    index: opts.index ?? indexActivities(data.activities, asOf.now),
  };
}

const isSnoozed = (until: Day | null, asOf: AsOf): boolean => until !== null && until > asOf.day;

const amountOf = (record: unknown): number => (record as { amount?: number | null }).amount ?? 0;

function bySeverity<T>(a: AttentionItem<T>, b: AttentionItem<T>): number {
  return (
    b.severity - a.severity ||
    b.daysOverdue - a.daysOverdue ||
    b.minutesOverdue - a.minutesOverdue ||
    amountOf(b.record) - amountOf(a.record)
  );
}

function finish<T>(all: AttentionItem<T>[], asOf: AsOf): Selection<T> {
  const items: AttentionItem<T>[] = [];
  const snoozed: AttentionItem<T>[] = [];
  for (const it of all) (isSnoozed(it.snoozedUntil, asOf) ? snoozed : items).push(it);
  items.sort(bySeverity);
  snoozed.sort(bySeverity);
  return { items, snoozed };
}

function ratioSeverity(days: number, limit: number): Severity {
  const r = limit > 0 ? days / limit : Infinity;
  return r >= 2 ? 3 : r >= 1.5 ? 2 : 1;
}

function item<T>(
  kind: AttentionKind,
  record: T & { manager: string; snoozedUntil: Day | null; snoozeReason: string },
  fields: Partial<AttentionItem<T>> & { severity: Severity },
): AttentionItem<T> {
  return {
    kind,
    record,
    manager: record.manager,
    days: 0,
    daysOverdue: 0,
    minutes: 0,
    minutesOverdue: 0,
    limit: 0,
    snoozedUntil: record.snoozedUntil,
    snoozeReason: record.snoozeReason,
    ...fields,
  };
}

/**
 * Open deals whose days without activity exceed their stage's rotting limit. A deal with a next
 * step due today or later is planned, not forgotten, whatever its stage's limit: the manager
 * said when they will act.
 */
export function forgottenDeals(data: WorkbookData, asOf: AsOf, opts: Shared = {}): Selection<Deal> {
  const { stages, index } = shared(data, asOf, opts);
  const out: AttentionItem<Deal>[] = [];
  for (const deal of data.deals) {
    if (stages.kindOf(deal.stage) !== 'open') continue;
    if (deal.nextStepDate !== null && deal.nextStepDate >= asOf.day) continue;
    const limit = stages.rottingDaysOf(deal.stage);
    if (limit === null) continue;
    const last = lastDealActivity(deal, index, asOf.now) ?? deal.createdAt;
    if (last === null) continue;
    const days = asOf.day - dayOfInstant(last, asOf.zone);
    if (days <= limit) continue;
    out.push(
      item('forgottenDeal', deal, {
        days,
        daysOverdue: days - limit,
        limit,
        severity: ratioSeverity(days, limit),
      }),
    );
  }
  return finish(out, asOf);
}

/**
 * New leads (open deals still in the first stage) with no response yet whose waiting time, in
 * working minutes since creation, is over the response limit (Settings). A client-level
 * activity after the deal was created counts as the response.
 */
export function unprocessedLeads(
  data: WorkbookData,
  asOf: AsOf,
  opts: Shared = {},
): Selection<Deal> {
  const { stages, index } = shared(data, asOf, opts);
  const calendar = calendarOf(data.settings);
  const hours = hoursOf(data.settings);
  const limit = data.settings.responseLimitMinutes;
  const out: AttentionItem<Deal>[] = [];
  for (const deal of data.deals) {
    if (deal.createdAt === null || deal.createdAt > asOf.now) continue;
    if (stages.kindOf(deal.stage) !== 'open') continue;
    // Moving a deal past the first stage is processing it, even if nobody logged a call.
    if (stages.openPosition(deal.stage) > 0) continue;
    if (firstDealActivity(deal, index, asOf.now) !== null) continue;
    const minutes = workingMinutesBetween(deal.createdAt, asOf.now, asOf.zone, calendar, hours);
    if (minutes <= limit) continue;
    const r = limit > 0 ? minutes / limit : Infinity;
    out.push(
      item('unprocessedLead', deal, {
        minutes,
        minutesOverdue: minutes - limit,
        days: asOf.day - dayOfInstant(deal.createdAt, asOf.zone),
        limit,
        severity: r >= 4 ? 3 : r >= 2 ? 2 : 1,
      }),
    );
  }
  return finish(out, asOf);
}

/** Open deals whose next step's date has passed (before the as-of day). */
export function overdueNextSteps(
  data: WorkbookData,
  asOf: AsOf,
  opts: Shared = {},
): Selection<Deal> {
  const { stages } = shared(data, asOf, { index: EMPTY_INDEX, ...opts });
  const out: AttentionItem<Deal>[] = [];
  for (const deal of data.deals) {
    if (deal.nextStepDate === null || deal.nextStepDate >= asOf.day) continue;
    if (stages.kindOf(deal.stage) !== 'open') continue;
    const days = asOf.day - deal.nextStepDate;
    out.push(
      item('overdueNextStep', deal, {
        days,
        daysOverdue: days,
        severity: days >= 7 ? 3 : days >= 3 ? 2 : 1,
      }),
    );
  }
  return finish(out, asOf);
}

/** Open deals with neither a next step nor its date: nobody knows what happens next. */
export function dealsWithoutNextStep(
  data: WorkbookData,
  asOf: AsOf,
  opts: Shared = {},
): Selection<Deal> {
  const { stages } = shared(data, asOf, { index: EMPTY_INDEX, ...opts });
  const out: AttentionItem<Deal>[] = [];
  for (const deal of data.deals) {
    if (stages.kindOf(deal.stage) !== 'open') continue;
    if (deal.nextStep.trim() || deal.nextStepDate !== null) continue;
    // Deals further down the funnel matter more.
    const p = deal.probability ?? stages.probabilityOf(deal.stage);
    out.push(item('noNextStep', deal, { severity: p >= 0.6 ? 2 : 1 }));
  }
  return finish(out, asOf);
}

/** Clients with no contact for more than Settings' client days (creation counts as contact). */
export function forgottenClients(
  data: WorkbookData,
  asOf: AsOf,
  opts: Shared = {},
): Selection<Client> {
  const { index } = shared(data, asOf, opts);
  const limit = data.settings.clientForgetDays;
  const out: AttentionItem<Client>[] = [];
  if (!(limit > 0)) return { items: [], snoozed: [] };
  for (const client of data.clients) {
    const last = lastClientContact(client, index, asOf.now) ?? client.createdAt;
    if (last === null) continue;
    const days = asOf.day - dayOfInstant(last, asOf.zone);
    if (days <= limit) continue;
    out.push(
      item('forgottenClient', client, {
        days,
        daysOverdue: days - limit,
        limit,
        severity: ratioSeverity(days, limit),
      }),
    );
  }
  return finish(out, asOf);
}

const EMPTY_INDEX: ActivityIndex = {
  firstByDeal: new Map(),
  lastByDeal: new Map(),
  lastByClient: new Map(),
  byClient: new Map(),
};
