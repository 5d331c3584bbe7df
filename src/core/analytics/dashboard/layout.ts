/** Where the blocks and charts go: blocks stacked with one blank row between, charts to the right. */
import type { MessageKey } from '../../i18n';
import { AGING_BUCKETS } from '../receivables';
import { FORECAST_CHART_COLUMNS } from './forecast-next';
import { MONEY_CHARTS } from './money';
import { FIRST_BLOCK_ROW, type BlockDraft, type ChartModel, type DashBlock } from './model';

export interface Layout {
  blocks: DashBlock[];
  /** Widest block, in columns. */
  width: number;
  /** Last row the blocks use. */
  lastRow: number;
}

export function layoutBlocks(drafts: readonly BlockDraft[]): Layout {
  let row = FIRST_BLOCK_ROW;
  let width = 1;
  const blocks = drafts.map((d): DashBlock => {
    const b = { ...d, row, column: 1 };
    row += 2 + Math.max(1, b.rows.length) + b.notes.length + 1;
    width = Math.max(width, b.header.length);
    return b;
  });
  return { blocks, width, lastRow: row - 1 };
}

export function chartsBeside(
  width: number,
  h: (key: MessageKey) => string,
  /** The blocks laid out: the money charts come only with their blocks. */
  present: ReadonlySet<string> = new Set(),
): ChartModel[] {
  const column = width + 2;
  return [
    {
      key: 'planFact',
      title: h('an.chart.planFact'),
      block: 'managers',
      columns: 3,
      type: 'COLUMN',
      row: FIRST_BLOCK_ROW,
      column,
    },
    {
      key: 'funnel',
      title: h('an.chart.funnel'),
      block: 'funnel',
      columns: 2,
      type: 'BAR',
      row: FIRST_BLOCK_ROW + 20,
      column,
    },
    {
      key: 'aging',
      title: h('an.chart.aging'),
      block: 'agingBuckets',
      columns: 2,
      rows: AGING_BUCKETS.length,
      type: 'COLUMN',
      row: FIRST_BLOCK_ROW + 40,
      column,
    },
    {
      key: 'forecastNext',
      title: h('fc.chart'),
      block: 'forecastNext',
      columns: FORECAST_CHART_COLUMNS,
      type: 'LINE',
      row: FIRST_BLOCK_ROW + 60,
      column,
    },
    ...MONEY_CHARTS.filter((c) => present.has(c.block)).map((c, i) => ({
      ...c,
      title: h(c.title),
      row: FIRST_BLOCK_ROW + 80 + 20 * i,
      column,
    })),
  ];
}
