/**
 * The demo's price list and deal lines: a dozen warehouse products and services, lines on about a
 * third of the deals that sum exactly to each deal's amount (the goods at list price or a small
 * discount, the rest as design work without a list price), and two open deals with a discount over
 * the manager's limit, awaiting the head's approval. Seeded, so the story is the same every time.
 */
import type { Deal, Lang, StageDef } from '../types';
import { historyLines } from './lines-history';
import { Random } from './random';

export interface DemoLines {
  /** Cells by column key of the Products sheet (prices in kopecks). */
  products: Record<string, unknown>[];
  /** Cells by column key of the Deal lines sheet. */
  lines: Record<string, unknown>[];
}

const PRODUCTS: readonly [string, string, string, number][] = [
  ['Стеллаж паллетный СП-1000', 'Pallet rack PR-1000', 'SP-1000', 48_000],
  ['Стеллаж полочный СП-200', 'Shelf rack SR-200', 'SP-200', 12_500],
  ['Мезонин двухуровневый', 'Two-level mezzanine', 'MZ-2', 640_000],
  ['Погрузчик электрический 1,5 т', 'Electric forklift 1.5 t', 'FL-15', 1_450_000],
  ['Тележка гидравлическая', 'Pallet jack', 'PJ-25', 32_000],
  ['Терминал сбора данных', 'Handheld scanner', 'TSD-7', 54_000],
  ['Принтер этикеток', 'Label printer', 'LP-4', 27_500],
  ['Ворота секционные', 'Sectional door', 'SD-30', 185_000],
  ['Уравнительная платформа', 'Dock leveller', 'DL-20', 230_000],
  ['Монтаж стеллажей, ч', 'Rack installation, h', 'SRV-MNT', 2_500],
  ['Сервисное обслуживание, мес.', 'Service plan, month', 'SRV-SLA', 35_000],
  ['Обучение персонала, день', 'Staff training, day', 'SRV-EDU', 40_000],
];

const DESIGN: Record<Lang, string> = { ru: 'Проектные работы', en: 'Design work' };
const PENDING: Record<Lang, string> = { ru: 'Ждёт согласования', en: 'Awaiting approval' };

export function demoLines(o: {
  seed: number;
  lang: Lang;
  deals: readonly Deal[];
  stages: readonly StageDef[];
  /** The head of sales, who approved the deeper discounts of the closed deals. */
  head?: string;
}): DemoLines {
  const rnd = new Random(o.seed + 16);
  const name = (p: (typeof PRODUCTS)[number]) => (o.lang === 'ru' ? p[0] : p[1]);
  const products = PRODUCTS.map((p) => ({
    name: name(p),
    sku: p[2],
    unit: o.lang === 'ru' ? 'шт' : 'pcs',
    listPrice: p[3] * 100,
    currency: '',
    active: true,
  }));
  const open = new Set(o.stages.filter((s) => s.kind === 'open').map((s) => s.name));
  const lines: Record<string, unknown>[] = [];
  let pending = 0;
  for (const d of o.deals) {
    const amount = d.amount ?? 0;
    if (d.currency || amount < 100_000_00 || !rnd.chance(0.35)) continue;
    // Goods worth at most 80 % of the deal; design work (no list price) makes up the rest exactly.
    const p = PRODUCTS[rnd.int(0, 8)];
    const list = p[3] * 100;
    const over = pending < 2 && open.has(d.stage);
    const discount = over ? 0.1 : rnd.chance(0.5) ? 0.03 : 0;
    const price = Math.round(list * (1 - discount));
    const qty = Math.floor((amount * 0.8) / price);
    if (qty < 1) continue;
    if (over) pending++;
    const base = { dealId: d.id, currency: '', approvedBy: '', approvedAt: null };
    lines.push({
      ...base,
      product: name(p),
      sku: p[2],
      quantity: qty,
      listPrice: list,
      price: discount ? price : null,
      discount: null,
      status: over ? PENDING[o.lang] : '',
    });
    lines.push({
      ...base,
      product: DESIGN[o.lang],
      sku: '',
      quantity: 1,
      listPrice: null,
      price: amount - qty * price,
      discount: null,
      status: '',
    });
  }
  const goods = products.filter((p, i) => i < 9 && p.listPrice > 0);
  lines.push(
    ...historyLines({
      ...o,
      skip: new Set(lines.map((l) => l.dealId as string)),
      goods,
      design: DESIGN[o.lang],
      head: o.head ?? '',
    }),
  );
  return { products, lines };
}
