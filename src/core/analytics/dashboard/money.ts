/**
 * The Dashboard's money blocks: budget plan vs actual per line for the period, and the cost of
 * acquisition by source; each with a chart beside (layout.ts). No block when the workbook has
 * neither budget nor spend, so an older workbook's dashboard is unchanged. Then the price
 * realisation blocks (money-discounts.ts), when it has deal lines.
 */
import { t } from '../../i18n';
import { acquisition } from '../../money/acquisition';
import { budgetVsActual } from '../../money/budget';
import { formatMoney } from '../format';
import { discountBlocks } from './money-discounts';
import type { BlockDraft, ChartModel, DashInput } from './model';

export const MONEY_CHARTS: ReadonlyArray<
  Omit<ChartModel, 'row' | 'column' | 'title'> & {
    title: 'money.chart.budget' | 'money.chart.cac' | 'money.chart.discounts';
  }
> = [
  { key: 'budget', title: 'money.chart.budget', block: 'budget', columns: 3, type: 'COLUMN' },
  { key: 'cac', title: 'money.chart.cac', block: 'cac', columns: 2, type: 'BAR' },
  {
    key: 'discounts',
    title: 'money.chart.discounts',
    block: 'discountBands',
    columns: 2,
    type: 'COLUMN',
  },
];

export function moneyBlocks(input: DashInput): BlockDraft[] {
  const discounts = discountBlocks(input, input.money?.lines);
  return [...budgetBlocks(input), ...discounts];
}

function budgetBlocks(input: DashInput): BlockDraft[] {
  const { money, period, asOf, h, lang, data } = input;
  if (!money || (!money.budget.length && !money.spend.length)) return [];
  const b = budgetVsActual(money.budget, money.spend, period, asOf.day);
  const budget: BlockDraft = {
    key: 'budget',
    title: h('money.dash.budget'),
    header: [
      h('money.col.line'),
      h('money.col.plan'),
      h('money.col.actual'),
      h('money.col.remaining'),
      h('money.col.projection'),
      h('money.col.status'),
    ],
    rows: [...b.lines, { ...b.total, line: h('money.total'), source: '' }].map((l) => [
      [l.line || h('money.noLine'), l.source].filter(Boolean).join(' · '),
      l.plan / 100,
      l.actual / 100,
      l.remaining / 100,
      l.projection / 100,
      h(`money.status.${l.status}`),
    ]),
    formats: ['text', 'money', 'money', 'money', 'money', 'text'],
    notes: [t(lang, 'money.note.elapsed', { elapsed: b.elapsed, days: b.days })],
  };
  const a = acquisition({
    deals: data.deals,
    spend: money.spend,
    clients: data.clients,
    settings: data.settings,
    zone: asOf.zone,
    period,
    byMonth: false,
  });
  const cac: BlockDraft = {
    key: 'cac',
    title: h('money.dash.cac'),
    header: [
      h('money.col.source'),
      h('money.col.cac'),
      h('money.col.spend'),
      h('money.col.leads'),
      h('money.col.won'),
      h('money.col.revenue'),
      h('money.col.romi'),
    ],
    rows: a.rows.map((r) => [
      r.source || h('money.noSource'),
      r.cac === null ? '' : r.cac / 100,
      r.spend / 100,
      r.leads,
      r.won,
      r.revenue / 100,
      r.romi ?? '',
    ]),
    formats: ['text', 'money', 'money', 'int', 'int', 'money', 'number'],
    notes:
      a.unsourced.leads || a.unsourced.spend
        ? [
            t(lang, 'money.note.unsourced', {
              leads: a.unsourced.leads,
              spend: formatMoney(a.unsourced.spend, lang),
            }),
          ]
        : [],
  };
  return [budget, cac];
}
