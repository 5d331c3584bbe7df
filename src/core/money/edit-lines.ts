/**
 * What saving a deal's lines from the panel writes: each requested line priced from the price list
 * (a typed price, or a discount as "10 %"), its approval state against the seller's limit, the
 * rows to rewrite, append and clear, and the deal's new amount. Pure: the app layer writes it.
 */
import { MoneyConverter } from '../analytics/currency';
import { UserError } from '../errors';
import type { Kopecks } from '../money';
import type { CurrencyRate } from '../types';
import { isApproved } from './approvals';
import { sealedOnce, type SealCheck } from './seal';
import { lineDiscount, linesTotal, overLimit, type DealLine } from './lines';
import { readLinePrice, type LinePrice } from './price-text';
import { findProduct, type Product } from './products';

export interface LineRequest {
  /** Sheet row of an existing line; absent for a new one. */
  row?: number;
  product: string;
  quantity: number;
  /** "" = the list price; "10 %" = a discount; a number = the unit price. */
  price: string;
}

/** What a Deal lines row holds (core values: kopecks, fractions). */
export type LineCells = Record<string, unknown>;

export interface LinesPlan {
  update: { row: number; cells: LineCells }[];
  append: LineCells[];
  clear: number[];
  /** In the deal's currency; null when the deal is left with no lines (its amount stays). */
  amount: Kopecks | null;
  unconverted: ReturnType<typeof linesTotal>['unconverted'];
}

export const PENDING_LABEL = { ru: 'Ждёт согласования', en: 'Awaiting approval' } as const;

function priceOf(text: string, list: Kopecks | null): LinePrice {
  const read = readLinePrice(text, list);
  if (!read) throw new UserError('money.lines.price', { value: text.trim() });
  return read;
}

export function planLines(input: {
  dealId: string;
  dealCurrency: string;
  existing: readonly DealLine[];
  requested: readonly LineRequest[];
  products: readonly Product[];
  limit: number;
  base: string;
  rates: readonly CurrencyRate[];
  lang: 'ru' | 'en';
  /** The document's seal check: only a sealed approval can be carried over. */
  sealed: SealCheck;
}): LinesPlan {
  const mine = new Map(
    input.existing.filter((l) => l.dealId === input.dealId).map((l) => [l.row, l]),
  );
  const plan: LinesPlan = { update: [], append: [], clear: [], amount: null, unconverted: [] };
  const sealed = sealedOnce(input.existing, input.sealed);
  const kept: DealLine[] = [];
  const seen = new Set<number>();
  for (const r of input.requested) {
    const old = r.row === undefined ? undefined : mine.get(r.row);
    if (r.row !== undefined && !old)
      throw new UserError('error.notFound', { id: `${input.dealId}:${r.row}` });
    const p = findProduct(input.products, r.product);
    // An old line keeps its own product even if it left the price list.
    const base = p
      ? { product: p.name, sku: p.sku, listPrice: p.listPrice, currency: p.currency }
      : old && old.product === r.product
        ? { product: old.product, sku: old.sku, listPrice: old.listPrice, currency: old.currency }
        : null;
    if (!base) throw new UserError('money.lines.product', { value: r.product });
    if (!Number.isFinite(r.quantity) || r.quantity <= 0) {
      throw new UserError('money.lines.quantity', { value: String(r.quantity) });
    }
    const { price, discount } = priceOf(r.price, base.listPrice);
    const line: DealLine = {
      row: r.row ?? 0,
      dealId: input.dealId,
      ...base,
      quantity: r.quantity,
      price,
      discount,
      status: '',
      approvedBy: '',
      approvedAt: null,
      seal: '',
    };
    const d = lineDiscount(line);
    if (overLimit(d, input.limit)) {
      // An approval stands while the line is the one approved: its seal covers the quantity,
      // the prices and the discount, so any change sends it back to the head.
      const carried =
        old && isApproved(old, sealed)
          ? {
              ...line,
              status: old.status,
              approvedBy: old.approvedBy,
              approvedAt: old.approvedAt,
              seal: old.seal,
            }
          : null;
      if (carried && sealed(carried)) Object.assign(line, carried);
      else line.status = PENDING_LABEL[input.lang];
    }
    const cells: LineCells = {
      dealId: line.dealId,
      product: line.product,
      sku: line.sku,
      quantity: line.quantity,
      listPrice: line.listPrice,
      price: line.price,
      discount: line.discount,
      currency: line.currency,
      status: line.status,
      approvedBy: line.approvedBy,
      approvedAt: line.approvedAt,
      seal: line.seal,
    };
    if (old) {
      seen.add(old.row);
      if (changed(old, line)) plan.update.push({ row: old.row, cells });
    } else plan.append.push(cells);
    kept.push(line);
  }
  for (const row of mine.keys()) if (!seen.has(row)) plan.clear.push(row);
  if (kept.length) {
    const t = linesTotal(
      kept,
      input.dealCurrency,
      new MoneyConverter(input.dealCurrency || input.base, input.rates),
    );
    plan.amount = t.amount;
    plan.unconverted = t.unconverted;
  }
  return plan;
}

function changed(a: DealLine, b: DealLine): boolean {
  const keys = [
    'product',
    'sku',
    'quantity',
    'listPrice',
    'price',
    'discount',
    'currency',
    'status',
    'seal',
  ] as const;
  return keys.some((k) => a[k] !== b[k]);
}
