/** The Money screen's answer (budget vs actual, cost of acquisition by source). Kopecks. */

import type { QueueItem } from '../core/money/approvals';

export interface MoneyBudgetLine {
  /** «Line · source» as typed (the source alone once when the line is named after it); '' for
   * spend without a line. */
  name: string;
  plan: number;
  actual: number;
  projection: number;
  status: 'ok' | 'atRisk' | 'over' | 'unplanned';
}

export interface MoneySource {
  /** '' for leads and spend without a source. */
  source: string;
  spend: number;
  leads: number;
  won: number;
  revenue: number;
  cac: number | null;
  romi: number | null;
}

export interface MoneyView {
  /** The period shown, canonical ("2026-11"). */
  period: string;
  /** The same as people say it, in the user's language: «ноябрь 2026», "Q4 2026". */
  title: string;
  budget: MoneyBudgetLine[];
  total: MoneyBudgetLine;
  sources: MoneySource[];
  /** Already in the user's language: rows left out, unsourced counts, currencies without rate. */
  notes: string[];
}

/** A line awaiting the head's decision: the core's queue item, sent as it is. */
export type DiscountQueueItem = QueueItem;

/** A deal's lines as the deal card's editor shows them (kopecks, fractions). */
export interface DealLineItem {
  row: number;
  product: string;
  sku: string;
  quantity: number;
  listPrice: number | null;
  /** The unit price sold at (0 when neither a price nor a list price is known). */
  price: number;
  discount: number | null;
  currency: string;
  /** '' within the limit; otherwise pending, approved or rejected. */
  state: '' | 'pending' | 'approved' | 'rejected';
  /** The state in the user's language ('' within the limit): the page bundles no text for it. */
  note: string;
}

export interface DealLinesView {
  dealId: string;
  /** The deal's currency (the workbook's when blank) and its amount. */
  currency: string;
  amount: number | null;
  /** The seller's discount limit (fraction). */
  limit: number;
  lines: DealLineItem[];
  /** The active price list, for the search: name, SKU, list price, currency. */
  products: { name: string; sku: string; listPrice: number; currency: string }[];
}
