/**
 * Price realisation over deals closed in a period that have lines: per manager (or product) the
 * average discount, the revenue given away in discounts (won deals), the win rate with and without
 * a discount, and the win rate by discount band: do deeper discounts actually win more?
 */
import { CurrencyNotes, MoneyConverter, type CurrencyNote } from '../analytics/currency';
import { StageIndex } from '../analytics/stages';
import type { Kopecks } from '../money';
import type { Deal, Settings } from '../types';
import type { Period } from '../workbook/period';
import { lineAmount, lineListAmount, type DealLine } from './lines';

export interface RealisationRow {
  /** Manager's email or product name. */
  key: string;
  lines: number;
  /** Won lines at list price and as sold; given away = list − sold. */
  listValue: Kopecks;
  soldValue: Kopecks;
  given: Kopecks;
  /** given / listValue; null without won lines. */
  avgDiscount: number | null;
  closedWith: number;
  wonWith: number;
  closedWithout: number;
  wonWithout: number;
}

export interface BandRow {
  /** Discount bounds as fractions: (from, to]; the first band is exactly 0. */
  from: number;
  to: number | null;
  closed: number;
  won: number;
}

export interface Realisation {
  rows: RealisationRow[];
  total: RealisationRow;
  bands: BandRow[];
  unconverted: CurrencyNote[];
  /** Deals closed in the period without lines: outside these figures, counted. */
  dealsWithoutLines: number;
}

const BANDS: ReadonlyArray<[number, number | null]> = [
  [0, 0],
  [0, 0.05],
  [0.05, 0.1],
  [0.1, 0.15],
  [0.15, null],
];

const EPS = 1e-9;

export function priceRealisation(input: {
  deals: readonly Deal[];
  lines: readonly DealLine[];
  settings: Settings;
  period: Period;
  by: 'manager' | 'product';
}): Realisation {
  const { period, by } = input;
  const stages = new StageIndex(input.settings.stages);
  const money = new MoneyConverter(input.settings.currency, input.settings.rates);
  const notes = new CurrencyNotes();
  const byDeal = new Map<string, DealLine[]>();
  for (const l of input.lines) {
    if (!l.dealId) continue;
    let list = byDeal.get(l.dealId);
    if (!list) byDeal.set(l.dealId, (list = []));
    list.push(l);
  }
  const rows = new Map<string, RealisationRow>();
  const row = (key: string): RealisationRow => {
    let r = rows.get(key);
    if (!r) rows.set(key, (r = empty(key)));
    return r;
  };
  const total = empty('');
  const bands: BandRow[] = BANDS.map(([from, to]) => ({ from, to, closed: 0, won: 0 }));
  let dealsWithoutLines = 0;
  for (const d of input.deals) {
    if (d.closedAt === null || d.closedAt < period.start || d.closedAt > period.end) continue;
    const kind = stages.kindOf(d.stage);
    if (kind === 'open') continue;
    const won = kind === 'won';
    const lines = byDeal.get(d.id);
    if (!lines) {
      dealsWithoutLines++;
      continue;
    }
    let list = 0;
    let sold = 0;
    const perKey = new Map<string, { list: number; sold: number; n: number }>();
    for (const l of lines) {
      const a = lineAmount(l);
      const la = lineListAmount(l) ?? a;
      if (a === null || la === null) continue;
      const currency = l.currency || d.currency;
      const s = money.convert(a, currency);
      const li = money.convert(la, currency);
      if (s === null || li === null) {
        notes.add(currency, a);
        continue;
      }
      list += li;
      sold += s;
      const key = by === 'manager' ? d.manager : l.product;
      const k = perKey.get(key) ?? { list: 0, sold: 0, n: 0 };
      k.list += li;
      k.sold += s;
      k.n++;
      perKey.set(key, k);
    }
    const discount = list > 0 ? 1 - sold / list : 0;
    const band = bands.find((b) =>
      b.to === null
        ? discount > b.from + EPS
        : b.to === 0
          ? discount <= EPS
          : discount <= b.to + EPS,
    );
    if (band) {
      band.closed++;
      if (won) band.won++;
    }
    for (const [key, k] of perKey) {
      for (const r of [row(key), total]) {
        r.lines += k.n;
        const with_ = k.list > 0 && 1 - k.sold / k.list > EPS;
        if (with_) r.closedWith++;
        else r.closedWithout++;
        if (won) {
          if (with_) r.wonWith++;
          else r.wonWithout++;
          r.listValue += k.list;
          r.soldValue += k.sold;
        }
      }
    }
  }
  const done = (r: RealisationRow): RealisationRow => {
    r.given = r.listValue - r.soldValue;
    r.avgDiscount = r.listValue > 0 ? r.given / r.listValue : null;
    return r;
  };
  return {
    rows: [...rows.values()].map(done).sort((a, b) => a.key.localeCompare(b.key)),
    total: done(total),
    bands,
    unconverted: notes.list(),
    dealsWithoutLines,
  };
}

function empty(key: string): RealisationRow {
  return {
    key,
    lines: 0,
    listValue: 0,
    soldValue: 0,
    given: 0,
    avgDiscount: null,
    closedWith: 0,
    wonWith: 0,
    closedWithout: 0,
    wonWithout: 0,
  };
}

export const winRate = (won: number, closed: number): number | null =>
  closed ? won / closed : null;
