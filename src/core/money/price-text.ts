/**
 * A line's price as a manager types it in the panel: empty is the list price, «10 %» a discount
 * off it, anything else a unit price read as money («1 500,50»). One reading for the server, which
 * prices the line, and for the new-lead form, which shows the amount the lead will get.
 */
import type { Kopecks } from '../money';
import { parseAmount } from '../workbook/normalize';

export interface LinePrice {
  /** A unit price that differs from the list price; null: the list price, less `discount`. */
  price: Kopecks | null;
  discount: number | null;
}

/** null: not a price (a discount outside 0-100 %, a negative or unreadable amount). */
export function readLinePrice(text: string, list: Kopecks | null): LinePrice | null {
  const t = text.trim();
  if (!t) return { price: null, discount: null };
  if (t.endsWith('%')) {
    const d = Number(t.slice(0, -1).trim().replace(',', '.'));
    return Number.isFinite(d) && d >= 0 && d <= 100 ? { price: null, discount: d / 100 } : null;
  }
  const k = parseAmount(t);
  if (k === null || k < 0) return null;
  return { price: list !== null && k === list ? null : k, discount: null };
}
