/**
 * The Dashboard sheet as data: blocks of values (title, header, rows, notes) with column formats,
 * laid out top to bottom, and the charts that read them. The shell writes each block with ONE
 * setValues and creates or updates the charts; everything here is pure and testable.
 */
import { t, type MessageKey } from '../i18n';
import { formatDay } from '../time';
import type { Lang, WorkbookData } from '../types';
import { indexActivities } from './activity-index';
import { bonusStatements } from './bonus-report';
import type { AsOf } from './context';
import { crmCompleteness, activityNorms } from './discipline';
import {
  dealsWithoutNextStep,
  forgottenDeals,
  overdueNextSteps,
  unprocessedLeads,
} from './forgotten';
import { excludedNote, formatMoney } from './format';
import { bonusCalculationText } from './tables/bonus-text';
import type { Cell } from './tables/table';
import { stageFunnel } from './funnel';
import { dealKpis } from './kpi';
import type { Period } from './period';
import { checkPlanConsistency, PlanBook } from './plans';
import { planFact, type PlanFactRow } from './planfact';
import { dso, receivables, AGING_BUCKETS } from './receivables';
import { responseTimes } from './response';
import { stagesOf } from './settings';

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
  | 'discipline';

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

export type ChartKey = 'planFact' | 'funnel' | 'aging';

export interface ChartModel {
  key: ChartKey;
  title: string;
  /** The block whose header + rows feed the chart, and how many leading columns. */
  block: BlockKey;
  columns: number;
  /** Data rows to chart (the aging chart leaves out its total row); all when absent. */
  rows?: number;
  type: 'COLUMN' | 'BAR';
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

export const FIRST_BLOCK_ROW = 5;
/** The period cell: row 2, column 2 (B2), labelled in A2. */
export const PERIOD_CELL = { row: 2, column: 2 } as const;

const MONEY_COLS = (n: number): ColFormat[] => new Array<ColFormat>(n).fill('money');

export function buildDashboard(
  data: WorkbookData,
  period: Period,
  asOf: AsOf,
  lang: Lang,
  opts: {
    badPeriod?: string;
    updatedAt?: string;
    /** Called after each block (the benchmark samples memory there). */
    probe?: () => void;
  } = {},
): DashboardModel {
  const h = (k: MessageKey): string => t(lang, k);
  const zone = asOf.zone;
  const book = new PlanBook(data.plans, data.managers);
  const pfOpts = { zone, book };
  const [company] = planFact(data, period, 'company', asOf.day, pfOpts);
  const teams = book.teams.length ? planFact(data, period, 'team', asOf.day, pfOpts) : [];
  const managers = planFact(data, period, 'manager', asOf.day, pfOpts);
  const blocks: DashBlock[] = [];
  const block = (b: Omit<DashBlock, 'row' | 'column'>): void => {
    blocks.push({ ...b, row: 0, column: 1 });
    opts.probe?.();
  };

  const pfHeader = [
    h('an.col.name'),
    h('an.col.plan'),
    h('an.col.fact'),
    h('an.col.completion'),
    h('an.col.deviation'),
    h('an.col.runRate'),
    h('an.col.pace'),
    h('an.col.weighted'),
    h('an.col.forecast'),
    h('an.col.coverage'),
    h('an.col.daysElapsed'),
    h('an.col.daysTotal'),
  ];
  const pfFormats: ColFormat[] = [
    'text',
    'money',
    'money',
    'percent',
    'money',
    'money',
    'money',
    'money',
    'money',
    'number',
    'int',
    'int',
  ];
  const pfLine = (r: PlanFactRow, name: string): Cell[] => [
    name,
    r.plan / 100,
    r.fact / 100,
    r.completion ?? '',
    r.deviation / 100,
    r.runRateForecast === null ? '' : r.runRateForecast / 100,
    r.requiredDailyPace === null ? '' : r.requiredDailyPace / 100,
    r.weightedPipeline / 100,
    r.forecast / 100,
    r.coverage === null ? '' : Math.round(r.coverage * 100) / 100,
    r.workingDaysElapsed,
    r.workingDaysTotal,
  ];
  const pfNotes: string[] = [];
  const ex = excludedNote(company.excluded, lang);
  if (ex) pfNotes.push(ex);
  if (company.dealsWithoutAmount)
    pfNotes.push(t(lang, 'an.note.noAmount', { count: company.dealsWithoutAmount }));
  if (company.plan === 0) pfNotes.push(h('an.dash.noPlans'));
  block({
    key: 'planFact',
    title: `${h('an.dash.planFact')}: ${period.label}`,
    header: pfHeader,
    rows: [
      pfLine(company, h('an.company')),
      ...teams.map((r) => pfLine(r, r.name || h('an.noTeam'))),
    ],
    formats: pfFormats,
    notes: pfNotes,
  });
  block({
    key: 'managers',
    title: h('an.col.manager'),
    header: pfHeader,
    rows: managers.map((r) => pfLine(r, r.name)),
    formats: pfFormats,
    notes: [],
  });

  const year = String(period.year);
  const inconsistencies = checkPlanConsistency(
    book,
    (p) => (p.metric || 'revenue') === 'revenue' && p.period.startsWith(year),
  );
  if (inconsistencies.length) {
    block({
      key: 'consistency',
      title: h('an.dash.consistency'),
      header: [h('an.col.name')],
      rows: inconsistencies.slice(0, 20).map((i) => [
        t(lang, 'an.dash.consistencyRow', {
          who: i.level === 'company' ? h('an.company') : i.target,
          period: i.period,
          parent: formatMoney(i.parent, lang),
          children: formatMoney(i.childrenSum, lang),
          difference: formatMoney(i.difference, lang),
        }),
      ]),
      formats: ['text'],
      notes: [],
    });
  }

  // Deal KPIs and DSO.
  const k = dealKpis(data.deals, period, data.settings, zone);
  const d = dso(data, period, asOf.day);
  block({
    key: 'kpi',
    title: h('an.dash.kpi'),
    header: [h('an.col.metric'), h('an.col.value')],
    rows: [
      [h('an.kpi.won'), k.won],
      [h('an.kpi.lost'), k.lost],
      [h('an.kpi.winRate'), k.winRate === null ? '' : Math.round(k.winRate * 1000) / 10],
      [
        h('an.kpi.winRateValue'),
        k.winRateValue === null ? '' : Math.round(k.winRateValue * 1000) / 10,
      ],
      [h('an.kpi.averageDeal'), k.averageDeal === null ? '' : k.averageDeal / 100],
      [h('an.kpi.cycleMedian'), k.cycleMedianDays ?? ''],
      [h('an.kpi.cycleMean'), k.cycleMeanDays ?? ''],
      [h('an.kpi.velocity'), k.velocityPerDay === null ? '' : k.velocityPerDay / 100],
      [h('an.kpi.pushed'), k.pushedDeals.length],
      [h('an.kpi.dso'), d.dso ?? ''],
    ],
    formats: ['text', 'number'],
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
  });

  // Funnel: the cohort of deals created in the period.
  const f = stageFunnel(
    data.deals,
    data.stageHistory,
    data.settings,
    zone,
    period.start,
    period.end,
  );
  block({
    key: 'funnel',
    title: h('an.dash.funnel'),
    header: [
      h('an.col.stage'),
      h('an.col.reached'),
      h('an.col.conversion'),
      h('an.col.dropOff'),
      h('an.col.fromFirst'),
      h('an.col.amount'),
    ],
    rows: f.rows.map((r) => [
      r.stage,
      r.reached,
      r.conversion ?? '',
      r.dropOff ?? '',
      r.fromFirst ?? '',
      r.amount / 100,
    ]),
    formats: ['text', 'int', 'percent', 'percent', 'percent', 'money'],
    notes: [
      t(lang, 'an.funnel.cohort', { cohort: f.cohort, won: f.won, lost: f.lost, open: f.open }),
    ],
  });

  // Receivables today.
  const rec = receivables(data, asOf.day);
  const bucketKeys: MessageKey[] = [
    'an.col.current',
    'an.col.b1_30',
    'an.col.b31_60',
    'an.col.b61_90',
    'an.col.b90plus',
  ];
  const recNotes: string[] = [];
  const recEx = excludedNote(rec.excluded, lang);
  if (recEx) recNotes.push(recEx);
  if (rec.total.outstanding === 0) recNotes.push(h('an.dash.noDebts'));
  block({
    key: 'agingBuckets',
    title: `${h('an.dash.aging')}, ${formatDay(asOf.day)}`,
    header: [h('an.col.age'), h('an.col.outstanding')],
    rows: [
      ...AGING_BUCKETS.map((b, i): Cell[] => [h(bucketKeys[i]), rec.total.buckets[b] / 100]),
      [h('an.total'), rec.total.outstanding / 100],
    ],
    formats: ['text', 'money'],
    notes: recNotes,
  });
  const TOP = 10;
  block({
    key: 'debtors',
    title: t(lang, 'an.dash.agingTop', { count: TOP }),
    header: [
      h('an.col.client'),
      h('an.col.manager'),
      h('an.col.outstanding'),
      h('an.col.overdue'),
      ...bucketKeys.map(h),
      h('an.col.maxDays'),
    ],
    rows: rec.byClient
      .slice(0, TOP)
      .map((r) => [
        r.name,
        nameOf(data, r.manager),
        r.outstanding / 100,
        r.overdue / 100,
        ...AGING_BUCKETS.map((b) => r.buckets[b] / 100),
        r.maxDaysOverdue,
      ]),
    formats: ['text', 'text', ...MONEY_COLS(7), 'int'],
    notes: [],
  });

  // Bonuses.
  const bonus = bonusStatements(data, period, asOf.day, { zone, book, rows: managers });
  block({
    key: 'bonus',
    title: h('an.dash.bonus'),
    header: [
      h('an.col.manager'),
      h('an.col.scheme'),
      h('an.col.plan'),
      h('an.col.fact'),
      h('an.col.completion'),
      h('an.col.overdueDebt'),
      h('an.col.base'),
      h('an.col.bonus'),
      h('an.col.calculation'),
    ],
    rows: bonus.map((b) => [
      b.name,
      b.scheme,
      b.plan / 100,
      b.fact / 100,
      b.completion ?? '',
      b.overdue / 100,
      b.base / 100,
      b.bonus / 100,
      bonusCalculationText(b, lang),
    ]),
    formats: ['text', 'text', 'money', 'money', 'percent', 'money', 'money', 'money', 'text'],
    notes: [],
  });

  // Discipline per manager.
  const index = indexActivities(data.activities, asOf.now);
  const stages = stagesOf(data.settings);
  const shared = { index, stages };
  const forgotten = forgottenDeals(data, asOf, shared).items;
  const unprocessed = unprocessedLeads(data, asOf, shared).items;
  const overdue = overdueNextSteps(data, asOf, shared).items;
  const noStep = dealsWithoutNextStep(data, asOf, shared).items;
  const response = responseTimes(data, period, asOf, index);
  const completeness = new Map(crmCompleteness(data).rows.map((r) => [r.manager, r.completeness]));
  const norms = new Map(activityNorms(data, period, asOf.day, zone).map((r) => [r.manager, r]));
  const tally = (items: ReadonlyArray<{ manager: string }>): Map<string, number> => {
    const m = new Map<string, number>();
    for (const i of items) {
      const key = i.manager.trim().toLowerCase();
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    return m;
  };
  const fc = tally(forgotten);
  const uc = tally(unprocessed);
  const oc = tally(overdue);
  const nc = tally(noStep);
  const pc = tally(k.pushedDeals);
  block({
    key: 'discipline',
    title: h('an.dash.discipline'),
    header: [
      h('an.col.manager'),
      h('an.col.forgotten'),
      h('an.col.unprocessed'),
      h('an.col.overdueSteps'),
      h('an.col.noNextStep'),
      h('an.col.responseMedian'),
      h('an.col.responseP95'),
      h('an.col.slaBreaches'),
      h('an.col.completeness'),
      h('an.col.calls'),
      h('an.col.meetings'),
      h('an.col.pushed'),
    ],
    rows: managers.map((r) => {
      const e = r.target;
      const resp = response.byManager.get(e);
      const n = norms.get(e);
      return [
        r.name,
        fc.get(e) ?? 0,
        uc.get(e) ?? 0,
        oc.get(e) ?? 0,
        nc.get(e) ?? 0,
        resp?.medianMinutes ?? '',
        resp?.p95Minutes ?? '',
        resp?.slaBreaches ?? 0,
        completeness.get(e) ?? '',
        n?.callsCompliance ?? '',
        n?.meetingsCompliance ?? '',
        pc.get(e) ?? 0,
      ];
    }),
    formats: [
      'text',
      'int',
      'int',
      'int',
      'int',
      'number',
      'number',
      'int',
      'percent',
      'percent',
      'percent',
      'int',
    ],
    notes: [],
  });

  // Layout: blocks stacked with one blank row between; charts to the right.
  let row = FIRST_BLOCK_ROW;
  let width = 1;
  for (const b of blocks) {
    b.row = row;
    row += 2 + Math.max(1, b.rows.length) + b.notes.length + 1;
    width = Math.max(width, b.header.length);
  }
  const chartCol = width + 2;
  const charts: ChartModel[] = [
    {
      key: 'planFact',
      title: h('an.chart.planFact'),
      block: 'managers',
      columns: 3,
      type: 'COLUMN',
      row: FIRST_BLOCK_ROW,
      column: chartCol,
    },
    {
      key: 'funnel',
      title: h('an.chart.funnel'),
      block: 'funnel',
      columns: 2,
      type: 'BAR',
      row: FIRST_BLOCK_ROW + 20,
      column: chartCol,
    },
    {
      key: 'aging',
      title: h('an.chart.aging'),
      block: 'agingBuckets',
      columns: 2,
      rows: AGING_BUCKETS.length,
      type: 'COLUMN',
      row: FIRST_BLOCK_ROW + 40,
      column: chartCol,
    },
  ];
  const empty = !data.deals.length && !data.plans.length && !data.invoices.length;
  return {
    period,
    lang,
    title: h('an.dash.title'),
    periodLabel: h('an.dash.period'),
    status: opts.badPeriod
      ? t(lang, 'an.dash.badPeriod', { value: opts.badPeriod, period: period.label })
      : t(lang, 'an.dash.updated', { at: opts.updatedAt ?? '', date: formatDay(asOf.day) }),
    hint: empty ? h('an.dash.noData') : h('an.dash.periodHint'),
    blocks,
    charts,
    width,
    lastRow: row - 1,
    summary: {
      period: period.label,
      plan: company.plan,
      fact: company.fact,
      completion: company.completion,
      forecast: company.forecast,
      overdue: rec.total.overdue,
      forgotten: forgotten.length,
      unprocessed: unprocessed.length,
    },
  };
}

function nameOf(data: WorkbookData, email: string): string {
  const m = data.managers.find((x) => x.email.trim().toLowerCase() === email);
  return m?.name || email;
}

/** A block's full rectangle of values: title row, header, data rows (or one blank), notes. */
export function blockValues(b: DashBlock): Cell[][] {
  const w = b.header.length;
  const pad = (r: Cell[]): Cell[] =>
    r.length >= w ? r.slice(0, w) : [...r, ...new Array<Cell>(w - r.length).fill('')];
  const rows = b.rows.length ? b.rows : [[]];
  return [pad([b.title]), pad(b.header), ...rows.map(pad), ...b.notes.map((n) => pad([n]))];
}

/** Number formats for a block's rectangle (money in the workbook's currency). */
export function blockFormats(b: DashBlock, currency: string): string[][] {
  const money = currency === 'RUB' || !currency ? '#,##0.00 "₽"' : `#,##0.00 "${currency}"`;
  const of: Record<ColFormat, string> = {
    text: '@',
    money,
    percent: '0.0%',
    int: '0',
    number: '0.##',
  };
  const values = blockValues(b);
  const last = b.formats.length - 1;
  return values.map((_, i) => {
    const dataRow = i >= 2 && i < 2 + b.rows.length;
    const rowFormat = dataRow ? b.rowFormats?.[i - 2] : undefined;
    return b.formats.map((f, c) => (!dataRow ? '@' : of[c === last && rowFormat ? rowFormat : f]));
  });
}
