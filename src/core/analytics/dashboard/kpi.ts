/** Deal KPIs of the period and DSO, one metric per row. */
import type { DealKpis } from '../kpi';
import type { Dso } from '../receivables';
import type { BlockDraft, DashInput } from './model';

const tenths = (fraction: number | null): number | '' =>
  fraction === null ? '' : Math.round(fraction * 1000) / 10;

export function kpiBlock({ h }: DashInput, k: DealKpis, d: Dso): BlockDraft {
  return {
    key: 'kpi',
    title: h('an.dash.kpi'),
    header: [h('an.col.metric'), h('an.col.value')],
    rows: [
      [h('an.kpi.won'), k.won],
      [h('an.kpi.lost'), k.lost],
      [h('an.kpi.winRate'), tenths(k.winRate)],
      [h('an.kpi.winRateValue'), tenths(k.winRateValue)],
      [h('an.kpi.averageDeal'), k.averageDeal === null ? '' : k.averageDeal / 100],
      [h('an.kpi.cycleMedian'), k.cycleMedianDays ?? ''],
      [h('an.kpi.cycleMean'), k.cycleMeanDays ?? ''],
      [h('an.kpi.velocity'), k.velocityPerDay === null ? '' : k.velocityPerDay / 100],
      [h('an.kpi.pushed'), k.pushedDeals.length],
      [h('an.kpi.dso'), d.dso ?? ''],
    ],
    formats: ['text', 'number'],
    // The value column mixes counts, percents and money: each row says which.
    rowFormats: [
      'int',
      'int',
      'number',
      'number',
      'money',
      'number',
      'number',
      'money',
      'int',
      'number',
    ],
    notes: [],
  };
}
