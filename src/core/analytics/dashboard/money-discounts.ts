/**
 * The Dashboard's price realisation: per manager and per product for the period, the average
 * discount, what discounts gave away and the win rate with and without one; then the win rate by
 * the deal's discount band, charted, with the computed answer to "do deeper discounts win more?".
 * The figures are priceRealisation's, the same as SALES_DISCOUNTS gives. No blocks when the
 * workbook has no deal lines.
 */
import { t } from '../../i18n';
import {
  bandLabel,
  deeperWinsMore,
  MIN_BAND_DEALS,
  priceRealisation,
  winRate,
  type Realisation,
} from '../../money/discounts';
import type { DealLine } from '../../money/lines';
import { excludedNote } from '../format';
import { labelsOf } from '../managers';
import type { BlockDraft, ColFormat, DashInput } from './model';

const FORMATS: ColFormat[] = ['text', 'percent', 'money', 'percent', 'percent', 'int', 'int'];

export function discountBlocks(input: DashInput, lines?: readonly DealLine[]): BlockDraft[] {
  if (!lines || !lines.length) return [];
  const { data, period, h, lang } = input;
  const of = (by: 'manager' | 'product'): Realisation =>
    priceRealisation({ deals: data.deals, lines, settings: data.settings, period, by });
  const managers = of('manager');
  const products = of('product');
  const names = labelsOf(data.managers);
  const table = (r: Realisation, key: string, first: string, name: (k: string) => string) => ({
    header: [
      first,
      h('money.col.avgDiscount'),
      h('money.col.given'),
      h('money.col.winWith'),
      h('money.col.winWithout'),
      h('money.col.closedWith'),
      h('money.col.closedWithout'),
    ],
    rows: [...r.rows.map((x) => ({ ...x, key: name(x.key) })), { ...r.total, key }].map((x) => [
      x.key,
      x.avgDiscount ?? '',
      x.given / 100,
      winRate(x.wonWith, x.closedWith) ?? '',
      winRate(x.wonWithout, x.closedWithout) ?? '',
      x.closedWith,
      x.closedWithout,
    ]),
    formats: FORMATS,
  });
  const total = h('money.total');
  const notes: string[] = [];
  if (managers.dealsWithoutLines) {
    notes.push(t(lang, 'money.note.noLines', { count: managers.dealsWithoutLines }));
  }
  const excluded = excludedNote(managers.unconverted, lang);
  if (excluded) notes.push(excluded);
  return [
    {
      key: 'discountManagers',
      title: h('money.dash.discountManagers'),
      ...table(managers, total, h('an.col.manager'), (k) => names.get(k) || k),
      notes: [],
    },
    {
      key: 'discountProducts',
      title: h('money.dash.discountProducts'),
      ...table(products, total, h('money.col.product'), (k) => k),
      notes: [],
    },
    {
      key: 'discountBands',
      title: h('money.dash.discountBands'),
      header: [
        h('money.col.band'),
        h('money.col.winRate'),
        h('money.col.closed'),
        h('money.col.won'),
      ],
      rows: managers.bands.map((b) => [
        bandLabel(lang, b),
        winRate(b.won, b.closed) ?? '',
        b.closed,
        b.won,
      ]),
      formats: ['text', 'percent', 'int', 'int'],
      notes: [deeperNote(managers, lang), ...notes],
    },
  ];
}

/** The one-line answer, with the bands it was read from. */
export function deeperNote(r: Realisation, lang: DashInput['lang']): string {
  const { answer, used } = deeperWinsMore(r.bands);
  if (answer === 'little') return t(lang, 'money.deeper.little', { min: MIN_BAND_DEALS });
  const bands = used
    .map((b) =>
      t(lang, 'money.deeper.band', {
        band: bandLabel(lang, b),
        rate: `${Math.round((b.won / b.closed) * 100)}${lang === 'ru' ? ' %' : '%'}`,
        closed: b.closed,
      }),
    )
    .join('; ');
  return t(lang, answer === 'yes' ? 'money.deeper.yes' : 'money.deeper.no', { bands });
}
