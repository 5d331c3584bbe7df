/**
 * `npm run bench`: the analytics at scale. For each activities count, on a generated workbook
 * (50,000 deals, 20,000 invoices, 60 managers, 24 months of plans), prints per computation:
 * the wall time of the pure computation (first, cold run; median of the warm runs; fastest), the heap it took
 * (high-water mark of heapUsed sampled at step boundaries, over a GC'd baseline), and the number
 * of spreadsheet service calls the same job makes in the emulator through the built bundle.
 * Run with --expose-gc (scripts/bench.mjs does).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Project } from '../local/harness';
import { asOfInstant, buildDashboard, parsePeriod } from '../src/core/analytics';
import {
  salesAging,
  salesBonus,
  salesForecast,
  salesFunnel,
  salesKpi,
  salesPlanFact,
  salesStale,
  workdaysRu,
} from '../src/core/analytics/functions';
import { parseSettings } from '../src/core/workbook/settings';
import {
  readActivities,
  readClients,
  readDeals,
  readInvoices,
  readManagers,
  readPlans,
  readStageHistory,
} from '../src/core/workbook/records';
import { startOfDay } from '../src/core/time';
import type { WorkbookData } from '../src/core/types';
import { loadIntoEmulator, sheetCalls } from './emulated';
import { referencePlanFact } from './reference';
import { functionContext, generate, grids, NOW, TODAY, ZONE, type Grids } from './workbook';

declare const gc: (() => void) | undefined;

const args = process.argv.slice(2);
const opt = (name: string, def: string): string =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def;
const ACTIVITY_SIZES = opt('activities', '5000,200000,500000').split(',').map(Number);
const WITH_EMULATOR = !args.includes('--no-emulator');
const SIZES = { managers: 60, clients: 10_000, deals: 50_000, invoices: 20_000, months: 24 };

const PERIOD = parsePeriod('2026-11')!;
const asOfCell = new Date(startOfDay(TODAY, ZONE));

interface Measure {
  /** The first run: Apps Script starts every execution with a cold JIT, so this is its case. */
  coldMs: number;
  /** Median of the warm runs, and the fastest run (on a shared machine, the cost itself). */
  ms: number;
  minMs: number;
  heapMb: number;
}

function measure(fn: (probe: () => void) => unknown, runs = 6): Measure {
  const times: number[] = [];
  let heap = 0;
  for (let i = 0; i < runs; i++) {
    gc?.();
    gc?.();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    const probe = (): void => {
      const h = process.memoryUsage().heapUsed;
      if (h > peak) peak = h;
    };
    const t0 = performance.now();
    fn(probe);
    times.push(performance.now() - t0);
    probe();
    heap = Math.max(heap, peak - base);
  }
  const warm = times.slice(2).sort((a, b) => a - b);
  return {
    coldMs: times[0],
    ms: warm[Math.floor(warm.length / 2)],
    minMs: Math.min(...times),
    heapMb: heap / 1e6,
  };
}

/** Parsing the sheets' values into records, as readWorkbook does after its getValues. */
function parseWorkbook(g: Grids): WorkbookData {
  return {
    settings: parseSettings(g.settings, ZONE, 'ru'),
    managers: readManagers(g.managers, ZONE),
    clients: readClients(g.clients, ZONE),
    deals: readDeals(g.deals, ZONE),
    activities: readActivities(g.activities, ZONE),
    stageHistory: readStageHistory(g.stageHistory, ZONE),
    plans: readPlans(g.plans, ZONE),
    invoices: readInvoices(g.invoices, ZONE),
  };
}

/** The same records in new arrays (what a new execution's read would give). */
function fresh(data: WorkbookData): WorkbookData {
  return {
    ...data,
    managers: [...data.managers],
    clients: [...data.clients],
    deals: [...data.deals],
    activities: [...data.activities],
    stageHistory: [...data.stageHistory],
    plans: [...data.plans],
    invoices: [...data.invoices],
  };
}

function referenceOpts(data: WorkbookData): Parameters<typeof referencePlanFact>[2] {
  return {
    period: '2026-11',
    start: PERIOD.start,
    asOf: TODAY,
    end: PERIOD.end,
    offsetMinutes: 180,
    stages: new Map(data.settings.stages.map((s) => [s.name, s])),
    managerLabel: 'Менеджер',
    revenueLabel: 'Выручка',
  };
}

interface Row {
  what: string;
  pure: Measure;
  calls: number | null;
  emulatedMs: number | null;
}

function main(): void {
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}; gc ${typeof gc === 'function' ? 'exposed' : 'NOT exposed'}`,
  );
  for (const activities of ACTIVITY_SIZES) {
    const t0 = performance.now();
    const { data } = generate({ ...SIZES, activities });
    const g = grids(data, true);
    const genMs = performance.now() - t0;
    console.log(
      `\n## ${data.deals.length} deals, ${data.activities.length} activities, ${data.invoices.length} invoices, ` +
        `${data.clients.length} clients, ${data.managers.length} people, ${data.plans.length} plan rows, ` +
        `${data.stageHistory.length} stage changes (generated in ${(genMs / 1000).toFixed(1)} s; load ${os.loadavg()[0].toFixed(1)})`,
    );
    const asOf = asOfInstant(NOW, ZONE);
    const ctx = functionContext(data);
    const project = WITH_EMULATOR ? loadIntoEmulator(g, NOW) : null;
    const rows: Row[] = [];
    const emulated = (
      name: string,
      run: (p: Project) => unknown,
    ): { calls: number | null; ms: number | null } => {
      if (!project) return { calls: null, ms: null };
      const start = performance.now();
      run(project);
      return { ms: performance.now() - start, calls: sheetCalls(project.lastCalls) };
    };

    const dash = emulated('dashboard', (p) => p.run('menuRefreshDashboard'));
    rows.push({
      what: 'Dashboard: compute (core)',
      // Fresh lists each run: computations keep indexes per list identity within a job.
      pure: measure((probe) => buildDashboard(fresh(data), PERIOD, asOf, 'ru', { probe })),
      calls: null,
      emulatedMs: null,
    });
    rows.push({
      what: 'Dashboard: parse sheets + compute',
      pure: measure((probe) => {
        const parsed = parseWorkbook(g);
        probe();
        return buildDashboard(parsed, PERIOD, asOf, 'ru', { probe });
      }),
      calls: dash.calls,
      emulatedMs: dash.ms,
    });
    const fn = (what: string, name: string, argsOf: () => unknown[], pure: () => unknown): void => {
      const e = emulated(name, (p) => p.customFunction(name, argsOf()));
      rows.push({ what, pure: measure(pure), calls: e.calls, emulatedMs: e.ms });
    };
    fn(
      'SALES_PLAN_FACT (managers)',
      'SALES_PLAN_FACT',
      () => [g.plans, g.deals, '2026-11', 'manager', asOfCell],
      () => salesPlanFact(ctx, g.plans, g.deals, '2026-11', 'manager', asOfCell),
    );
    rows.push({
      what: 'one-pass reference plan-fact, same arrays (bench/reference.ts)',
      pure: measure(() => referencePlanFact(g.plans, g.deals, referenceOpts(data))),
      calls: null,
      emulatedMs: null,
    });
    fn(
      'SALES_FORECAST',
      'SALES_FORECAST',
      () => [g.deals, g.plans, '2026-11', asOfCell],
      () => salesForecast(ctx, g.deals, g.plans, '2026-11', asOfCell),
    );
    fn(
      'SALES_FUNNEL (2026)',
      'SALES_FUNNEL',
      () => [g.deals, g.stageHistory, new Date(startOfDay(TODAY - 330, ZONE)), asOfCell],
      () =>
        salesFunnel(
          ctx,
          g.deals,
          g.stageHistory,
          new Date(startOfDay(TODAY - 330, ZONE)),
          asOfCell,
        ),
    );
    fn(
      'SALES_KPI',
      'SALES_KPI',
      () => [g.deals, '2026'],
      () => salesKpi(ctx, g.deals, '2026'),
    );
    fn(
      'SALES_AGING',
      'SALES_AGING',
      () => [g.invoices, asOfCell],
      () => salesAging(ctx, g.invoices, asOfCell),
    );
    fn(
      'SALES_BONUS',
      'SALES_BONUS',
      () => [g.plans, g.deals, g.bonus, '2026-11', g.invoices],
      () => salesBonus(ctx, g.plans, g.deals, g.bonus, '2026-11', g.invoices),
    );
    fn(
      'SALES_STALE',
      'SALES_STALE',
      () => [g.deals, g.activities, g.stages, asOfCell],
      () => salesStale(ctx, g.deals, g.activities, g.stages, asOfCell),
    );
    fn(
      'WORKDAYS_RU (2 years)',
      'WORKDAYS_RU',
      () => [new Date(startOfDay(TODAY - 730, ZONE)), asOfCell],
      () => workdaysRu(ctx, new Date(startOfDay(TODAY - 730, ZONE)), asOfCell),
    );

    console.log(
      '\n| computation | pure wall time, ms: cold / warm median / fastest | heap, MB | spreadsheet calls (emulator) | emulated run, ms |',
    );
    console.log('|---|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(
        `| ${r.what} | ${r.pure.coldMs.toFixed(0)} / ${r.pure.ms.toFixed(0)} / ${r.pure.minMs.toFixed(0)} | ${r.pure.heapMb.toFixed(0)} | ${r.calls ?? '—'} | ${r.emulatedMs === null ? '—' : r.emulatedMs.toFixed(0)} |`,
      );
    }
    const pf = rows.find((r) => r.what.startsWith('SALES_PLAN_FACT'))!.pure;
    const ref = rows.find((r) => r.what.startsWith('one-pass reference'))!.pure;
    console.log(
      `\nSALES_PLAN_FACT / reference: ${(pf.ms / ref.ms).toFixed(1)}x warm median, ` +
        `${(pf.minMs / ref.minMs).toFixed(1)}x fastest, ${(pf.coldMs / ref.coldMs).toFixed(1)}x cold`,
    );
  }
}

main();
