/**
 * The custom sheet functions (SALES_*, WORKDAYS_RU), pure: arguments as Sheets passes them,
 * plus a context the shell reads once (zone, clock, Settings, Managers, Clients). Each returns
 * one whole table with a header row, in the language of its input's headers.
 *
 * Output conventions: money in the workbook currency as a plain number with 2 decimals (format
 * the cells as you like), percents as numbers with one decimal and "%" in the header, dates as
 * Date cells, blanks where a figure is undefined (no plan, no closed deals...).
 */
import { locateSettingsTables, parseSettings } from '../crm/settings';
import { toDeal, toInvoice, toPlan, toStageChange } from '../crm/records';
import { t, type MessageKey, type MessageParams } from '../i18n';
import { isUserError, UserError } from '../errors';
import { ACTIVITIES, DEALS, INVOICES, PLANS, STAGE_HISTORY } from '../schema';
import { startOfDay, type Day, type Instant, type Zone } from '../time';
import type { Client, Lang, Manager, Plan, Settings, WorkbookData } from '../types';
import {
  isBlank,
  isGrid,
  dayArg,
  headerLang,
  levelArg,
  activityTouchesArg,
  periodArg,
  tableArg,
  textArg,
  type ArgReader,
} from './args';
import { computeBonusTable } from './functions-bonus';
import { asOfDay, asOfInstant, type AsOf } from './context';
import { excludedNote, orBlank, pct, roubles } from './format';
import { forgottenDeals, type AttentionItem } from './forgotten';
import { stageFunnel } from './funnel';
import { dealKpis, winRatesByManager } from './kpi';
import { planFact, type PlanFactRow } from './planfact';
import { receivables } from './receivables';
import { WorkCalendar } from './calendar';
import type { SheetDef } from '../schema';
import type { Deal } from '../types';

export type Cell = string | number | Date;
export type Table = Cell[][];

export interface FunctionContext {
  zone: Zone;
  now: Instant;
  /** Read from the workbook's Settings sheet; defaults when it is missing. */
  settings: Settings;
  /** From the Managers sheet, for names and teams; [] when missing. */
  managers: Manager[];
  /** From the Clients sheet, for names and the debt's manager; [] when missing. */
  clients: Client[];
  /** The stored interface language, used when the input's headers do not tell. */
  lang: Lang;
}

export class FunctionRun implements ArgReader {
  constructor(
    readonly ctx: FunctionContext,
    readonly lang: Lang,
  ) {}
  get zone(): Zone {
    return this.ctx.zone;
  }
  problem(key: MessageKey, params: MessageParams = {}): string {
    return t(this.lang, key, params);
  }
  h(key: MessageKey): string {
    return t(this.lang, key);
  }
  asOf(name: string, value: unknown): AsOf {
    const d = dayArg(this, name, value);
    return d === null ? asOfInstant(this.ctx.now, this.zone) : asOfDay(d, this.zone);
  }
  date(day: Day | null): Cell {
    return day === null ? '' : new Date(startOfDay(day, this.zone));
  }
  managerName(email: string): string {
    const e = email.trim().toLowerCase();
    return this.ctx.managers.find((m) => m.email.toLowerCase() === e)?.name || email;
  }
}

/**
 * Runs one custom function: picks the language from the first table argument's headers, and
 * turns a UserError into an Error whose message is the text (Sheets shows it as the cell's
 * error); anything else becomes a short calculation error, never a stack trace.
 */
export function runFunction(
  ctx: FunctionContext,
  langFrom: ReadonlyArray<[unknown, SheetDef]>,
  body: (run: FunctionRun) => Table | number,
): Table | number {
  let lang: Lang | null = null;
  for (const [value, def] of langFrom) {
    lang = headerLang(value, def);
    if (lang) break;
  }
  const run = new FunctionRun(ctx, lang ?? ctx.lang);
  try {
    return body(run);
  } catch (e) {
    if (isUserError(e)) throw new Error(t(run.lang, e.key, e.params));
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(t(run.lang, 'an.error.internal', { message }));
  }
}

/** Pads rows to the header's width (Sheets needs a rectangle). */
function rect(table: Table): Table {
  const width = Math.max(...table.map((r) => r.length));
  return table.map((r) =>
    r.length < width ? [...r, ...new Array<Cell>(width - r.length).fill('')] : r,
  );
}

function notes(run: FunctionRun, row: Pick<PlanFactRow, 'excluded' | 'dealsWithoutAmount'>): Table {
  const out: Table = [];
  const ex = excludedNote(row.excluded, run.lang);
  if (ex) out.push([ex]);
  if (row.dealsWithoutAmount)
    out.push([t(run.lang, 'an.note.noAmount', { count: row.dealsWithoutAmount })]);
  return out;
}

function workbook(run: FunctionRun, over: Partial<WorkbookData>): WorkbookData {
  return {
    settings: run.ctx.settings,
    managers: run.ctx.managers,
    clients: run.ctx.clients,
    deals: [],
    activities: [],
    stageHistory: [],
    plans: [],
    invoices: [],
    ...over,
  };
}

/**
 * Plans and deals as the plan-based functions read them. Fact is always won deals by close date
 * here: payments are not among these functions' arguments (the dashboard follows the setting).
 */
function planData(
  run: FunctionRun,
  plans: unknown,
  deals: unknown,
  over: Partial<Omit<WorkbookData, 'settings'>> & { settings?: Partial<Settings> } = {},
): WorkbookData {
  const { settings, ...rest } = over;
  return workbook(run, {
    ...rest,
    settings: { ...run.ctx.settings, ...settings, factBasis: 'won' },
    plans: readPlans(run, plans),
    deals: readDeals(run, deals, 'figures'),
  });
}

const readPlans = (run: FunctionRun, value: unknown): Plan[] =>
  tableArg(run, 'plans', value, PLANS)
    .map(toPlan)
    .filter((p): p is Plan => p !== null);
/** The Deals columns each use needs (the required ones are always read). */
const FIGURES = ['amount', 'currency', 'probability', 'expectedClose', 'closedAt'];
const DEAL_KEYS = {
  figures: FIGURES,
  kpi: [...FIGURES, 'createdAt', 'closeDatePushes'],
  funnel: ['amount', 'currency', 'createdAt'],
  stale: [
    'clientName',
    'title',
    'createdAt',
    'lastActivityAt',
    'snoozedUntil',
    'snoozeReason',
    'amount',
  ],
} as const;

const readDeals = (run: FunctionRun, value: unknown, use: keyof typeof DEAL_KEYS): Deal[] =>
  tableArg(run, 'deals', value, DEALS, DEAL_KEYS[use]).map(toDeal);

function rowName(run: FunctionRun, r: PlanFactRow): string {
  if (r.level === 'company') return run.h('an.company');
  if (r.level === 'team') return r.name || run.h('an.noTeam');
  return r.name;
}

// ---- SALES_PLAN_FACT -----------------------------------------------------------------------

export function salesPlanFact(
  ctx: FunctionContext,
  plans: unknown,
  deals: unknown,
  period: unknown,
  level?: unknown,
  asOf?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [plans, PLANS],
    ],
    (run) => {
      const data = planData(run, plans, deals);
      const p = periodArg(run, 'period', period);
      const lvl = levelArg(run, 'level', level, 'manager');
      const at = run.asOf('asOf', asOf);
      const opts = { zone: run.zone };
      const rows = planFact(data, p, lvl, at.day, opts);
      const [company] = lvl === 'company' ? rows : planFact(data, p, 'company', at.day, opts);
      const header: Cell[] = [
        run.h(
          lvl === 'manager' ? 'an.col.manager' : lvl === 'team' ? 'an.col.team' : 'an.col.name',
        ),
        run.h('an.col.plan'),
        run.h('an.col.fact'),
        run.h('an.col.completion'),
        run.h('an.col.deviation'),
        run.h('an.col.runRate'),
        run.h('an.col.pace'),
        run.h('an.col.weighted'),
        run.h('an.col.forecast'),
        run.h('an.col.coverage'),
        run.h('an.col.daysElapsed'),
        run.h('an.col.daysTotal'),
      ];
      const line = (r: PlanFactRow, name: string): Cell[] => [
        name,
        roubles(r.plan),
        roubles(r.fact),
        pct(r.completion),
        roubles(r.deviation),
        r.runRateForecast === null ? '' : roubles(r.runRateForecast),
        r.requiredDailyPace === null ? '' : roubles(r.requiredDailyPace),
        roubles(r.weightedPipeline),
        roubles(r.forecast),
        r.coverage === null ? '' : Math.round(r.coverage * 100) / 100,
        r.workingDaysElapsed,
        r.workingDaysTotal,
      ];
      const table: Table = [header, ...rows.map((r) => line(r, rowName(run, r)))];
      if (lvl !== 'company') table.push(line(company, run.h('an.total')));
      return rect([...table, ...notes(run, company)]);
    },
  );
}

// ---- SALES_FORECAST ------------------------------------------------------------------------

export function salesForecast(
  ctx: FunctionContext,
  deals: unknown,
  plans: unknown,
  period: unknown,
  asOf?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [plans, PLANS],
    ],
    (run) => {
      const data = planData(run, plans, deals);
      const p = periodArg(run, 'period', period);
      const at = run.asOf('asOf', asOf);
      const rows = planFact(data, p, 'manager', at.day, { zone: run.zone });
      const [company] = planFact(data, p, 'company', at.day, { zone: run.zone });
      // Win rate over the last 12 months up to the as-of day: the coverage a period needs.
      const rates = winRatesByManager(data.deals, at.day - 364, at.day, data.settings);
      const needed = (rate: number | null | undefined): Cell =>
        rate ? Math.round((1 / rate) * 100) / 100 : '';
      const header = [
        'an.col.manager',
        'an.col.plan',
        'an.col.fact',
        'an.col.weighted',
        'an.col.forecast',
        'an.col.runRate',
        'an.col.openPipeline',
        'an.col.coverage',
        'an.col.neededCoverage',
      ].map((k) => run.h(k as MessageKey));
      const line = (r: PlanFactRow, name: string, rate: number | null | undefined): Cell[] => [
        name,
        roubles(r.plan),
        roubles(r.fact),
        roubles(r.weightedPipeline),
        roubles(r.forecast),
        r.runRateForecast === null ? '' : roubles(r.runRateForecast),
        roubles(r.openPipeline),
        r.coverage === null ? '' : Math.round(r.coverage * 100) / 100,
        needed(rate),
      ];
      return rect([
        header,
        ...rows.map((r) => line(r, r.name, rates.byManager.get(r.target))),
        line(company, run.h('an.total'), rates.total),
        ...notes(run, company),
      ]);
    },
  );
}

// ---- SALES_FUNNEL --------------------------------------------------------------------------

export function salesFunnel(
  ctx: FunctionContext,
  deals: unknown,
  stageHistory: unknown,
  from?: unknown,
  to?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [stageHistory, STAGE_HISTORY],
    ],
    (run) => {
      const list = readDeals(run, deals, 'funnel');
      const history = tableArg(run, 'stageHistory', stageHistory, STAGE_HISTORY, ['fromStage']).map(
        toStageChange,
      );
      const start = dayArg(run, 'from', from);
      const end = dayArg(run, 'to', to);
      if (start !== null && end !== null && end < start) {
        throw new UserError('error.badArgument', {
          name: 'to',
          problem: run.problem('an.arg.order'),
        });
      }
      const f = stageFunnel(list, history, ctx.settings, run.zone, start, end);
      const header = [
        'an.col.stage',
        'an.col.reached',
        'an.col.conversion',
        'an.col.dropOff',
        'an.col.fromFirst',
        'an.col.amount',
      ].map((k) => run.h(k as MessageKey));
      return rect([
        header,
        ...f.rows.map((r): Cell[] => [
          r.stage,
          r.reached,
          pct(r.conversion),
          pct(r.dropOff),
          pct(r.fromFirst),
          roubles(r.amount),
        ]),
        [
          t(run.lang, 'an.funnel.cohort', {
            cohort: f.cohort,
            won: f.won,
            lost: f.lost,
            open: f.open,
          }),
        ],
      ]);
    },
  );
}

// ---- SALES_KPI -----------------------------------------------------------------------------

export function salesKpi(
  ctx: FunctionContext,
  deals: unknown,
  period: unknown,
  manager?: unknown,
): Table | number {
  return runFunction(ctx, [[deals, DEALS]], (run) => {
    const list = readDeals(run, deals, 'kpi');
    const p = periodArg(run, 'period', period);
    const k = dealKpis(list, p, ctx.settings, run.zone, textArg(manager));
    const rows: Array<[MessageKey, Cell]> = [
      ['an.kpi.won', k.won],
      ['an.kpi.lost', k.lost],
      ['an.kpi.winRate', pct(k.winRate)],
      ['an.kpi.winRateValue', pct(k.winRateValue)],
      ['an.kpi.wonAmount', roubles(k.wonAmount)],
      ['an.kpi.averageDeal', k.averageDeal === null ? '' : roubles(k.averageDeal)],
      ['an.kpi.cycleMedian', orBlank(k.cycleMedianDays)],
      ['an.kpi.cycleMean', orBlank(k.cycleMeanDays)],
      ['an.kpi.openQualified', k.openQualified],
      ['an.kpi.velocity', k.velocityPerDay === null ? '' : roubles(k.velocityPerDay)],
      ['an.kpi.pushed', k.pushedDeals.length],
      ['an.kpi.noAmount', k.dealsWithoutAmount],
    ];
    const table: Table = [
      [run.h('an.col.metric'), run.h('an.col.value')],
      ...rows.map(([key, v]) => [run.h(key), v]),
    ];
    const ex = excludedNote(k.excluded, run.lang);
    if (ex) table.push([ex, '']);
    return table;
  });
}

// ---- SALES_AGING ---------------------------------------------------------------------------

export function salesAging(
  ctx: FunctionContext,
  invoices: unknown,
  asOf?: unknown,
): Table | number {
  return runFunction(ctx, [[invoices, INVOICES]], (run) => {
    const list = tableArg(run, 'invoices', invoices, INVOICES).map(toInvoice);
    const at = run.asOf('asOf', asOf);
    const r = receivables(workbook(run, { invoices: list }), at.day);
    const header = [
      'an.col.client',
      'an.col.manager',
      'an.col.invoices',
      'an.col.outstanding',
      'an.col.overdue',
      'an.col.current',
      'an.col.b1_30',
      'an.col.b31_60',
      'an.col.b61_90',
      'an.col.b90plus',
      'an.col.maxDays',
    ].map((k) => run.h(k as MessageKey));
    const line = (x: (typeof r.byClient)[number], name: string, manager: string): Cell[] => [
      name,
      manager,
      x.invoices,
      roubles(x.outstanding),
      roubles(x.overdue),
      roubles(x.buckets.current),
      roubles(x.buckets.d1_30),
      roubles(x.buckets.d31_60),
      roubles(x.buckets.d61_90),
      roubles(x.buckets.d90plus),
      x.maxDaysOverdue,
    ];
    const table: Table = [
      header,
      ...r.byClient.map((x) => line(x, x.name, x.manager ? run.managerName(x.manager) : '')),
      line(r.total, run.h('an.total'), ''),
    ];
    const ex = excludedNote(r.excluded, run.lang);
    if (ex) table.push([ex]);
    return rect(table);
  });
}

// ---- SALES_BONUS ---------------------------------------------------------------------------

export function salesBonus(
  ctx: FunctionContext,
  plans: unknown,
  deals: unknown,
  scheme: unknown,
  period: unknown,
  invoices?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [plans, PLANS],
    ],
    (run) => {
      if (!isGrid(scheme))
        throw new UserError('error.badArgument', {
          name: 'scheme',
          problem: run.problem('an.arg.notRange'),
        });
      const tables = locateSettingsTables(scheme);
      if (!tables.bonus) {
        throw new UserError('error.badArgument', {
          name: 'scheme',
          problem: run.problem('an.arg.missingColumns', {
            columns:
              run.lang === 'en'
                ? 'Scheme», «Kind», «From % of plan», «Rate'
                : 'Схема», «Вид», «От % плана», «Ставка',
          }),
        });
      }
      const bonus = parseSettings(scheme, run.zone, run.lang).bonus;
      const data = planData(run, plans, deals, {
        settings: { bonus },
        invoices: isBlank(invoices)
          ? []
          : tableArg(run, 'invoices', invoices, INVOICES).map(toInvoice),
      });
      const p = periodArg(run, 'period', period);
      const asOf = asOfInstant(ctx.now, run.zone);
      return computeBonusTable(run, data, p, asOf.day);
    },
  );
}

// ---- SALES_STALE ---------------------------------------------------------------------------

export function salesStale(
  ctx: FunctionContext,
  deals: unknown,
  activities: unknown,
  settings: unknown,
  asOf?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [activities, ACTIVITIES],
    ],
    (run) => {
      const list = readDeals(run, deals, 'stale');
      const acts = activityTouchesArg(run, 'activities', activities, ACTIVITIES);
      if (!isGrid(settings))
        throw new UserError('error.badArgument', {
          name: 'settings',
          problem: run.problem('an.arg.notRange'),
        });
      if (!locateSettingsTables(settings).stages) {
        throw new UserError('error.badArgument', {
          name: 'settings',
          problem: run.problem('an.arg.missingColumns', {
            columns:
              run.lang === 'en'
                ? 'Stage», «Probability», «Stage kind'
                : 'Этап», «Вероятность», «Тип этапа',
          }),
        });
      }
      const parsed = parseSettings(settings, run.zone, run.lang);
      const at = run.asOf('asOf', asOf);
      const data = workbook(run, {
        settings: { ...ctx.settings, stages: parsed.stages },
        deals: list,
        activities: acts,
      });
      const sel = forgottenDeals(data, at);
      const header = [
        'an.col.dealId',
        'an.col.client',
        'an.col.deal',
        'an.col.manager',
        'an.col.stage',
        'an.col.daysSince',
        'an.col.limit',
        'an.col.daysOverdue',
        'an.col.severity',
        'an.col.status',
        'an.col.snoozedUntil',
        'an.col.reason',
      ].map((k) => run.h(k as MessageKey));
      const line = (i: AttentionItem<Deal>, snoozed: boolean): Cell[] => [
        i.record.id,
        i.record.clientName,
        i.record.title,
        run.managerName(i.manager),
        i.record.stage,
        i.days,
        i.limit,
        i.daysOverdue,
        run.h(`an.severity.${i.severity}` as MessageKey),
        run.h(snoozed ? 'an.status.snoozed' : 'an.status.active'),
        run.date(i.snoozedUntil),
        i.snoozeReason,
      ];
      return [
        header,
        ...sel.items.map((i) => line(i, false)),
        ...sel.snoozed.map((i) => line(i, true)),
      ];
    },
  );
}

// ---- WORKDAYS_RU ---------------------------------------------------------------------------

export function workdaysRu(
  ctx: FunctionContext,
  start: unknown,
  end: unknown,
  holidays?: unknown,
): Table | number {
  return runFunction(ctx, [], (run) => {
    const a = dayArg(run, 'start', start);
    if (a === null)
      throw new UserError('error.badArgument', {
        name: 'start',
        problem: run.problem('an.arg.date', { value: '' }),
      });
    const b = dayArg(run, 'end', end);
    if (b === null)
      throw new UserError('error.badArgument', {
        name: 'end',
        problem: run.problem('an.arg.date', { value: '' }),
      });
    const calendar = new WorkCalendar(holidayList(run, holidays));
    // Like NETWORKDAYS: a reversed range counts negative.
    return b >= a ? calendar.workingDaysBetween(a, b) : -calendar.workingDaysBetween(b, a);
  });
}

function holidayList(
  run: FunctionRun,
  holidays: unknown,
): { day: Day; dayOff: boolean; note: string }[] {
  if (isBlank(holidays)) return [];
  const grid: unknown[][] = isGrid(holidays) ? holidays : [[holidays]];
  if (locateSettingsTables(grid).calendar) return parseSettings(grid, run.zone, run.lang).calendar;
  const out: { day: Day; dayOff: boolean; note: string }[] = [];
  for (const row of grid) {
    for (const cell of row) {
      if (isBlank(cell) || typeof cell === 'boolean') continue;
      const d = dayArg(run, 'holidays', cell);
      if (d !== null) out.push({ day: d, dayOff: true, note: '' });
    }
  }
  return out;
}
