/**
 * Everything the deal card shows about one deal, picked from the workbook as read once: its client,
 * its activities (newest first, the first `cap` of them and how many more), its stage changes
 * (newest first) and its invoices (by due date). Pure: the caller checks who may see the deal.
 */
import type { Activity, Client, Deal, Invoice, StageChange, WorkbookData } from '../types';

export interface DealHistory {
  deal: Deal;
  client: Client | null;
  activities: Activity[];
  /** Activities beyond the cap ("and N more"). */
  moreActivities: number;
  stageChanges: StageChange[];
  invoices: Invoice[];
}

/** As many activities as a 300 px card shows before "and N more". */
export const ACTIVITY_CAP = 10;

type Sources = Pick<WorkbookData, 'clients' | 'deals' | 'activities' | 'stageHistory' | 'invoices'>;

/** Newest first; undated entries (typed by hand without a time) go last, in sheet order. */
function newestFirst<T extends { at: number | null; row: number }>(list: T[]): T[] {
  return [...list].sort((a, b) => (b.at ?? -Infinity) - (a.at ?? -Infinity) || b.row - a.row);
}

export function dealHistory(data: Sources, dealId: string, cap = ACTIVITY_CAP): DealHistory | null {
  const deal = data.deals.find((d) => d.id === dealId);
  if (!deal) return null;
  const activities = newestFirst(data.activities.filter((a) => a.dealId === dealId));
  const invoices = data.invoices
    .filter((i) => i.dealId === dealId)
    .sort((a, b) => (a.dueDate ?? Infinity) - (b.dueDate ?? Infinity) || a.row - b.row);
  return {
    deal,
    client: data.clients.find((c) => c.id === deal.clientId) ?? null,
    activities: activities.slice(0, cap),
    moreActivities: Math.max(0, activities.length - cap),
    stageChanges: newestFirst(data.stageHistory.filter((s) => s.dealId === dealId)),
    invoices,
  };
}
