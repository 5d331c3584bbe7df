/**
 * Price realisation over deals closed in a period that have lines: per manager (or product) the
 * average discount, the revenue given away in discounts (won deals), the win rate with and without
 * a discount, and the win rate by discount band: do deeper discounts actually win more?
 */
import { CurrencyNotes, MoneyConverter, type CurrencyNote } from '../analytics/currency';
import { StageIndex } from '../analytics/stages';
import { t } from '../i18n';
import type { Kopecks } from '../money';
import type { Deal, Lang, Settings, StageDef } from '../types';
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

/** The band a deal's discount falls in (index into BANDS); a band includes its upper bound. */
function bandOf(discount: number): number {
  if (discount <= EPS) return 0;
  for (let i = 1; i < BANDS.length - 1; i++)
    if (discount <= (BANDS[i][1] as number) + EPS) return i;
  return BANDS.length - 1;
}

export type ClosedDeals = Map<string, { deal: Deal; won: boolean }>;

/**
 * The deals closed (won or lost) in the period, by id: the figures look at these only, so the
 * lines of all other deals are skipped unread (SALES_DISCOUNTS drops them before parsing).
 */
export function closedInPeriod(
  deals: readonly Deal[],
  stages: readonly StageDef[],
  period: Period,
): ClosedDeals {
  const index = new StageIndex(stages);
  const out: ClosedDeals = new Map();
  for (const d of deals) {
    if (d.closedAt === null || d.closedAt < period.start || d.closedAt > period.end) continue;
    const kind = index.kindOf(d.stage);
    if (kind !== 'open') out.set(d.id, { deal: d, won: kind === 'won' });
  }
  return out;
}

export function priceRealisation(input: {
  deals: readonly Deal[];
  lines: readonly DealLine[];
  settings: Settings;
  period: Period;
  by: 'manager' | 'product';
  /** closedInPeriod of these deals, when the caller has it already. */
  closed?: ClosedDeals;
}): Realisation {
  const { by } = input;
  const money = new MoneyConverter(input.settings.currency, input.settings.rates);
  const notes = new CurrencyNotes();
  const closed = input.closed ?? closedInPeriod(input.deals, input.settings.stages, input.period);
  const byDeal = new Map<string, DealLine[]>();
  for (const l of input.lines) {
    if (!closed.has(l.dealId)) continue;
    const list = byDeal.get(l.dealId);
    if (list) list.push(l);
    else byDeal.set(l.dealId, [l]);
  }
  const rows = new Map<string, RealisationRow>();
  const total = empty('');
  const bands: BandRow[] = BANDS.map(([from, to]) => ({ from, to, closed: 0, won: 0 }));
  let dealsWithoutLines = 0;
  const add = (r: RealisationRow, k: { list: number; sold: number; n: number }, won: boolean) => {
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
  };
  for (const [id, { deal: d, won }] of closed) {
    const lines = byDeal.get(id);
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
      const k = perKey.get(key);
      if (k) {
        k.list += li;
        k.sold += s;
        k.n++;
      } else perKey.set(key, { list: li, sold: s, n: 1 });
    }
    const band = bands[bandOf(list > 0 ? 1 - sold / list : 0)];
    band.closed++;
    if (won) band.won++;
    for (const [key, k] of perKey) {
      let r = rows.get(key);
      if (!r) rows.set(key, (r = empty(key)));
      add(r, k, won);
      add(total, k, won);
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

/** A band counts in the "deeper wins more?" answer with at least this many closed deals. */
export const MIN_BAND_DEALS = 10;

/**
 * Do deeper discounts win more? Over the bands with MIN_BAND_DEALS closed deals or more (at least
 * two, else 'little'): 'yes' when each deeper band wins at least as often as the one before it and
 * the deepest beats the shallowest by 5 points or more; otherwise 'no'.
 */
export function deeperWinsMore(bands: readonly BandRow[]): {
  answer: 'yes' | 'no' | 'little';
  used: BandRow[];
} {
  const used = bands.filter((b) => b.closed >= MIN_BAND_DEALS);
  if (used.length < 2) return { answer: 'little', used };
  const rate = (b: BandRow) => b.won / b.closed;
  const rising = used.every((b, i) => i === 0 || rate(b) >= rate(used[i - 1]));
  const gain = rate(used[used.length - 1]) - rate(used[0]);
  return { answer: rising && gain >= 0.05 - EPS ? 'yes' : 'no', used };
}

const pctText = (f: number): string => String(Math.round(f * 1000) / 10);

/** «без скидки», «до 5 %», «5–10 %», «больше 15 %». */
export function bandLabel(lang: Lang, b: BandRow): string {
  if (b.to === 0) return t(lang, 'money.band.none');
  if (b.to === null) return t(lang, 'money.band.over', { from: pctText(b.from) });
  if (b.from === 0) return t(lang, 'money.band.upTo', { to: pctText(b.to) });
  return t(lang, 'money.band.range', { from: pctText(b.from), to: pctText(b.to) });
}
