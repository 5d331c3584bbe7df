/**
 * The demo's price history: lines on closed deals that had none, so the dashboard's price
 * realisation block tells a story a head of sales would recognise. A small discount (up to the
 * manager's 5 % limit) wins somewhat more often than list price; deeper ones, approved by the head,
 * win no more than the small one. The discount is drawn knowing the outcome (the demo's deals
 * are already decided), from a separate seed so the older lines and the two awaiting approval stay
 * as they were.
 */
import { approvalLabel } from '../money/approvals';
import type { Deal, Lang, StageDef } from '../types';
import { Random } from './random';

/** Goods discounts and their odds on won and on lost deals. */
const DISCOUNTS = [0, 0.03, 0.08, 0.15];
const ODDS: Record<'won' | 'lost', readonly number[]> = {
  won: [0.3, 0.42, 0.17, 0.11],
  lost: [0.46, 0.26, 0.16, 0.12],
};
const DAY = 86_400_000;

export function historyLines(o: {
  seed: number;
  lang: Lang;
  deals: readonly Deal[];
  stages: readonly StageDef[];
  /** Deals that already have lines. */
  skip: ReadonlySet<string>;
  /** Goods to pick from: name, SKU, list price in kopecks. */
  goods: ReadonlyArray<{ name: string; sku: string; listPrice: number }>;
  design: string;
  head: string;
}): Record<string, unknown>[] {
  const rnd = new Random(o.seed + 17);
  const kind = new Map(o.stages.map((s) => [s.name, s.kind]));
  const out: Record<string, unknown>[] = [];
  for (const d of o.deals) {
    const k = kind.get(d.stage);
    const amount = d.amount ?? 0;
    if ((k !== 'won' && k !== 'lost') || o.skip.has(d.id) || d.currency) continue;
    if (amount < 30_000_00 || !rnd.chance(0.7)) continue;
    const discount = DISCOUNTS[pick(rnd, ODDS[k])];
    // Goods of six units or more make most of the amount, so the deal's discount is near the line's.
    const fits = o.goods.filter((g) => g.listPrice * 6 <= amount * 0.9);
    if (!fits.length) continue;
    const g = fits[rnd.int(0, fits.length - 1)];
    const price = Math.round(g.listPrice * (1 - discount));
    const qty = Math.floor((amount * 0.9) / price);
    const approved = discount > 0.05;
    const base = { dealId: d.id, currency: '', discount: null };
    out.push({
      ...base,
      product: g.name,
      sku: g.sku,
      quantity: qty,
      listPrice: g.listPrice,
      price: discount ? price : null,
      status: approved ? approvalLabel(true, o.lang) : '',
      approvedBy: approved ? o.head : '',
      approvedAt: approved && d.createdAt !== null ? d.createdAt + DAY : null,
    });
    const rest = amount - qty * price;
    if (rest > 0) {
      out.push({
        ...base,
        product: o.design,
        sku: '',
        quantity: 1,
        listPrice: null,
        price: rest,
        status: '',
        approvedBy: '',
        approvedAt: null,
      });
    }
  }
  return out;
}

function pick(rnd: Random, odds: readonly number[]): number {
  let x = rnd.next();
  for (let i = 0; i < odds.length - 1; i++) {
    if (x < odds[i]) return i;
    x -= odds[i];
  }
  return odds.length - 1;
}
