/**
 * Deal lines: a line's discount and amount, the seller's discount limit, and a deal's amount from
 * its lines. A discount exactly at the limit is allowed; above it the line awaits the head's
 * approval. Amounts in a currency without a rate are never added to roubles: they are reported.
 */
import { CurrencyNotes, type MoneyConverter } from '../analytics/currency';
import type { Kopecks } from '../money';
import type { Instant } from '../time';
import type { Role, Settings } from '../types';
import type { RawRecord } from '../workbook/tables';

export interface DealLine {
  row: number;
  dealId: string;
  product: string;
  sku: string;
  quantity: number | null;
  listPrice: Kopecks | null;
  price: Kopecks | null;
  /** As typed (0..1); the price is derived from it when no price is typed. */
  discount: number | null;
  /** '' = the deal's currency. */
  currency: string;
  status: string;
  approvedBy: string;
  approvedAt: Instant | null;
  /** The approval's seal (src/core/money/seal.ts); '' when none, or on a sheet without the column. */
  seal: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function toDealLine({ row, cells: c }: RawRecord): DealLine {
  return {
    row,
    dealId: str(c.dealId),
    product: str(c.product),
    sku: str(c.sku),
    quantity: num(c.quantity),
    listPrice: num(c.listPrice),
    price: num(c.price),
    discount: num(c.discount),
    currency: str(c.currency).toUpperCase(),
    status: str(c.status),
    approvedBy: str(c.approvedBy),
    approvedAt: num(c.approvedAt),
    seal: str(c.seal),
  };
}

/** The unit price sold at: the typed price, else the list price less the discount. */
export function unitPrice(l: DealLine): Kopecks | null {
  if (l.price !== null) return l.price;
  if (l.listPrice === null) return null;
  return Math.round(l.listPrice * (1 - (l.discount ?? 0)));
}

/** The line's discount off the list price (0..1); null without a list price. */
export function lineDiscount(l: DealLine): number | null {
  if (l.listPrice === null || l.listPrice <= 0) return l.discount;
  const p = unitPrice(l);
  return p === null ? null : 1 - p / l.listPrice;
}

export function lineAmount(l: DealLine): Kopecks | null {
  const p = unitPrice(l);
  return p === null || l.quantity === null ? null : Math.round(p * l.quantity);
}

export function lineListAmount(l: DealLine): Kopecks | null {
  return l.listPrice === null || l.quantity === null ? null : Math.round(l.listPrice * l.quantity);
}

/** Default limits per role (Settings may lower or raise them); the director approves anything. */
export const DEFAULT_DISCOUNT_LIMITS: Record<Role, number> = {
  manager: 0.05,
  head: 0.15,
  director: 1,
};

/** The limits in force: the Settings rows "Manager/Head discount up to, %" over the defaults. */
export function discountLimits(
  settings?: Pick<Settings, 'discountManager' | 'discountHead'>,
): Record<Role, number> {
  return {
    manager: settings?.discountManager ?? DEFAULT_DISCOUNT_LIMITS.manager,
    head: settings?.discountHead ?? DEFAULT_DISCOUNT_LIMITS.head,
    director: DEFAULT_DISCOUNT_LIMITS.director,
  };
}

/** Whether the discount needs the head's approval: above the limit, never at it. */
export function overLimit(discount: number | null, limit: number): boolean {
  // Floating-point noise only: 9 500 of 10 000 is 5 % (allowed), 9 499,99 is over.
  return discount !== null && discount > limit + 1e-9;
}

export interface LinesTotal {
  /** In the workbook currency; the lines that could not be converted are left out. */
  amount: Kopecks;
  lines: number;
  unconverted: ReturnType<CurrencyNotes['list']>;
}

/** The deal's amount from its lines, each converted from its own (or the deal's) currency. */
export function linesTotal(
  lines: readonly DealLine[],
  dealCurrency: string,
  money: MoneyConverter,
): LinesTotal {
  const notes = new CurrencyNotes();
  let amount = 0;
  for (const l of lines) {
    const a = lineAmount(l);
    if (a === null) continue;
    const currency = l.currency || dealCurrency;
    const v = money.convert(a, currency);
    if (v === null) notes.add(currency, a);
    else amount += v;
  }
  return { amount, lines: lines.length, unconverted: notes.list() };
}
