/**
 * Receivables (client debts). Outstanding = invoiced - paid (a payment dated after the as-of day
 * is not yet paid). Days overdue = as-of day - due date. Buckets by days overdue: current (not
 * yet due), 1-30, 31-60, 61-90, 90+. A debt belongs to the client's manager (the deal's manager
 * when the client is unknown). DSO = receivables at the period's end / invoiced in the period x
 * calendar days in the period (to the as-of day).
 */
import type { Kopecks } from '../money';
import type { Day } from '../time';
import type { Deal, Invoice, WorkbookData } from '../types';
import { CurrencyNotes, type CurrencyNote } from './currency';
import type { Period } from './period';
import { labelsOf, managerKeys, unresolvedManagers, type UnresolvedManagers } from './managers';
import { converterOf } from './settings';

export const AGING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export interface AgingRow {
  /** Client id, manager email, or '' for the total. */
  key: string;
  name: string;
  manager: string;
  invoices: number;
  outstanding: Kopecks;
  overdue: Kopecks;
  buckets: Record<AgingBucket, Kopecks>;
  maxDaysOverdue: number;
}

export interface Receivables {
  byClient: AgingRow[];
  byManager: AgingRow[];
  total: AgingRow;
  excluded: CurrencyNote[];
  /** Debts' manager cells the Managers sheet does not resolve (shown as written). */
  managers: UnresolvedManagers;
}

export function bucketOf(daysOverdue: number): AgingBucket {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return 'd1_30';
  if (daysOverdue <= 60) return 'd31_60';
  if (daysOverdue <= 90) return 'd61_90';
  return 'd90plus';
}

const emptyRow = (key: string, name: string, manager: string): AgingRow => ({
  key,
  name,
  manager,
  invoices: 0,
  outstanding: 0,
  overdue: 0,
  buckets: { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90plus: 0 },
  maxDaysOverdue: 0,
});

/** What is still owed on the invoice at the end of `day` (0 when not issued yet). */
export function outstandingOn(inv: Invoice, day: Day): Kopecks {
  if (inv.issuedAt !== null && inv.issuedAt > day) return 0;
  const paid = inv.paidAt !== null && inv.paidAt > day ? 0 : inv.paidAmount;
  return Math.max(0, inv.amount - paid);
}

/**
 * Records by id, one map per list: the dashboard, the bonus and the reminders ask for the same
 * lists several times in one job, and lists read from a sheet are not changed in place.
 */
const maps = new WeakMap<
  readonly { id: string }[],
  { length: number; map: Map<string, unknown> }
>();

function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const hit = maps.get(list);
  if (hit && hit.length === list.length) return hit.map as Map<string, T>;
  const map = new Map<string, T>();
  for (const r of list) map.set(r.id, r); // a repeated id: the last row wins, as before

  maps.set(list, { length: list.length, map });
  return map;
}

export function receivables(data: WorkbookData, asOf: Day): Receivables {
  const conv = converterOf(data.settings);
  const notes = new CurrencyNotes();
  const clients = byId(data.clients);
  // Deals only matter for a debt whose client is unknown or has no manager or name: most
  // workbooks never need them, so their 50,000-entry map is built on first need.
  let deals: Map<string, Deal> | null = null;
  const dealOf = (id: string): Deal | undefined => (deals ??= byId(data.deals)).get(id);
  // A debt's manager is keyed as plan-fact keys its rows (a name or alias is its email).
  const keyOf = managerKeys(data.managers);
  const managerNames = labelsOf(data.managers);
  const cells = new Set<string>();
  const byClient = new Map<string, AgingRow>();
  const byManager = new Map<string, AgingRow>();
  const total = emptyRow('', '', '');
  for (const inv of data.invoices) {
    const raw = outstandingOn(inv, asOf);
    if (raw <= 0) continue;
    const owed = conv.convert(raw, inv.currency);
    if (owed === null) {
      notes.add(inv.currency, raw);
      continue;
    }
    const client = clients.get(inv.clientId);
    const deal = client?.manager && client.name ? undefined : dealOf(inv.dealId);
    const cell = client?.manager || deal?.manager || '';
    cells.add(cell);
    const manager = keyOf(cell);
    const days = inv.dueDate === null ? 0 : asOf - inv.dueDate;
    const bucket = bucketOf(days);
    let c = byClient.get(inv.clientId);
    if (!c) {
      c = emptyRow(inv.clientId, client?.name || deal?.clientName || inv.clientId, manager);
      byClient.set(inv.clientId, c);
    }
    let m = byManager.get(manager);
    if (!m)
      byManager.set(
        manager,
        (m = emptyRow(manager, managerNames.get(manager) ?? manager, manager)),
      );
    for (const r of [c, m, total]) {
      r.invoices++;
      r.outstanding += owed;
      r.buckets[bucket] += owed;
      if (days > 0) {
        r.overdue += owed;
        r.maxDaysOverdue = Math.max(r.maxDaysOverdue, days);
      }
    }
  }
  const order = (a: AgingRow, b: AgingRow): number =>
    b.overdue - a.overdue || b.outstanding - a.outstanding || a.name.localeCompare(b.name);
  return {
    byClient: [...byClient.values()].sort(order),
    byManager: [...byManager.values()].sort(order),
    total,
    excluded: notes.list(),
    managers: unresolvedManagers(data.managers, cells),
  };
}

/** Overdue receivables per manager email at the end of `day` (for bonus reductions). */
export function overdueByManager(data: WorkbookData, day: Day): Map<string, Kopecks> {
  return new Map(receivables(data, day).byManager.map((r) => [r.key, r.overdue]));
}

export interface Dso {
  receivables: Kopecks;
  invoiced: Kopecks;
  days: number;
  dso: number | null;
}

export function dso(data: WorkbookData, period: Period, asOf: Day): Dso {
  const conv = converterOf(data.settings);
  const end = Math.min(asOf, period.end);
  const days = Math.max(0, end - period.start + 1);
  let ar = 0;
  let invoiced = 0;
  for (const inv of data.invoices) {
    const owed = conv.convert(outstandingOn(inv, end), inv.currency);
    if (owed !== null) ar += owed;
    if (inv.issuedAt !== null && inv.issuedAt >= period.start && inv.issuedAt <= end) {
      const v = conv.convert(inv.amount, inv.currency);
      if (v !== null) invoiced += v;
    }
  }
  return {
    receivables: ar,
    invoiced,
    days,
    dso: invoiced > 0 && days > 0 ? Math.round((ar / invoiced) * days * 10) / 10 : null,
  };
}
