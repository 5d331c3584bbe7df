/**
 * The price list (Products sheet) as the line editor needs it: active products, found by name or
 * SKU without case or extra spaces. An inactive product stays on the sheet for old lines.
 */
import type { Kopecks } from '../money';
import type { RawRecord } from '../workbook/tables';

export interface Product {
  name: string;
  sku: string;
  unit: string;
  listPrice: Kopecks | null;
  /** '' = the workbook currency. */
  currency: string;
  active: boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

export function toProduct({ cells: c }: RawRecord): Product {
  return {
    name: str(c.name),
    sku: str(c.sku),
    unit: str(c.unit),
    listPrice: typeof c.listPrice === 'number' ? c.listPrice : null,
    currency: str(c.currency).toUpperCase(),
    // A blank Active cell means active: a price list typed by hand rarely fills it.
    active: c.active !== false,
  };
}

const key = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** The active product named (or with the SKU) `text`; "Name · SKU" as the datalist offers works too. */
export function findProduct(products: readonly Product[], text: string): Product | undefined {
  const k = key(text);
  if (!k) return undefined;
  const live = products.filter((p) => p.active);
  return (
    live.find((p) => key(p.name) === k || (p.sku && key(p.sku) === k)) ??
    live.find((p) => p.sku && k === key(`${p.name} · ${p.sku}`))
  );
}
