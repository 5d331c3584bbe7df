/**
 * The Dashboard sheet as data: blocks of values (title, header, rows, notes) with column formats,
 * laid out top to bottom, and the charts that read them. The shell writes each block with ONE
 * setValues and creates or updates the charts; everything here is pure and testable.
 */
import type { MessageKey } from '../../i18n';
import type { Lang, WorkbookData } from '../../types';
import type { AsOf } from '../context';
import type { Period } from '../period';
import type { Cell } from '../tables/table';
import type { MoneySheets } from '../../reminders/budget';
import type { DealLine } from '../../money/lines';

export type ColFormat = 'text' | 'money' | 'percent' | 'int' | 'number';

export type BlockKey =
  | 'planFact'
  | 'managers'
  | 'consistency'
  | 'kpi'
  | 'funnel'
  | 'agingBuckets'
  | 'debtors'
  | 'bonus'
  | 'discipline'
  | 'forecastNext'
  | 'tasks'
  | 'budget'
  | 'cac'
  | 'compliance'
  | 'discountManagers'
  | 'discountProducts'
  | 'discountBands';

export interface DashBlock {
  key: BlockKey;
  title: string;
  header: string[];
  rows: Cell[][];
  formats: ColFormat[];
  /** Per data row format of the last column (a metric / value list mixes money and counts). */
  rowFormats?: ColFormat[];
  notes: string[];
  /** Sheet position of the title row (1-based), set by the layout. */
  row: number;
  column: number;
}

/** A block as its builder returns it, before the layout places it. */
export type BlockDraft = Omit<DashBlock, 'row' | 'column'>;

export type ChartKey =
  'planFact' | 'funnel' | 'aging' | 'forecastNext' | 'budget' | 'cac' | 'discounts';

export interface ChartModel {
  key: ChartKey;
  title: string;
  /** The block whose header + rows feed the chart, and how many leading columns. */
  block: BlockKey;
  columns: number;
  /** Data rows to chart (the aging chart leaves out its total row); all when absent. */
  rows?: number;
  type: 'COLUMN' | 'BAR' | 'LINE';
  /** Sheet position of the chart's top-left corner. */
  row: number;
  column: number;
}

export interface DashboardModel {
  period: Period;
  lang: Lang;
  title: string;
  periodLabel: string;
  status: string;
  hint: string;
  blocks: DashBlock[];
  charts: ChartModel[];
  /** Widest block, in columns. */
  width: number;
  /** Last row the blocks use. */
  lastRow: number;
  summary: DashboardSummary;
}

/** What the sidebar shows after a refresh (plain data: no Dates, safe for google.script.run). */
export interface DashboardSummary {
  period: string;
  plan: number;
  fact: number;
  completion: number | null;
  forecast: number;
  overdue: number;
  forgotten: number;
  unprocessed: number;
}

/** What every block builder reads: the workbook, the period, the clock and the language. */
export interface DashInput {
  data: WorkbookData;
  period: Period;
  asOf: AsOf;
  lang: Lang;
  /** A header or label in the dashboard's language. */
  h: (key: MessageKey) => string;
  /** Budget and Spend, when the workbook has them (src/app/money/read.ts); Deal lines too. */
  money?: MoneySheets & { lines?: readonly DealLine[] };
}

export const FIRST_BLOCK_ROW = 5;
/** The period cell: row 2, column 2 (B2), labelled in A2. */
export const PERIOD_CELL = { row: 2, column: 2 } as const;

export const MONEY_COLS = (n: number): ColFormat[] => new Array<ColFormat>(n).fill('money');
