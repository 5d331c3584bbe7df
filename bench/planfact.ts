/**
 * `npm run bench -- --planfact`: SALES_PLAN_FACT against two yardsticks, at 20,000 deals
 * (`--deals=N` to change), with identical numbers asserted before any time is reported:
 * - the same per-manager plan-fact as SUMIFS/COUNTIFS over whole columns, evaluated by
 *   HyperFormula (a real formula engine; GPL, so a dev-only dependency of this bench, never
 *   bundled), timed from an engine already holding the data to the formulas' values;
 * - a plain one-pass plan-fact over the same 2-D arrays (bench/reference.ts).
 * SALES_PLAN_FACT runs as a cell calls it: through dist/Code.js loaded into a fresh context per
 * call (the emulator), and also as the pure core function. Runs are interleaved; min and median
 * of wall and of CPU time.
 */
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { salesPlanFact } from '../src/core/analytics/functions';
import { startOfDay, dayFromYmd } from '../src/core/time';
import { vmRealm } from '../local/harness/realm';
import { loadIntoEmulator } from './emulated';
import { referencePlanFact, type ReferenceRow } from './reference';
import { functionContext, generate, grids, NOW, option, TODAY, ZONE } from './workbook';

const DEALS_N = Number(option('deals', '20000'));
const RUNS = Number(option('runs', '5'));

const asOfCell = new Date(startOfDay(TODAY, ZONE));
const START = dayFromYmd(2026, 11, 1);
const END = dayFromYmd(2026, 11, 30);
const SERIAL_EPOCH = dayFromYmd(1899, 12, 30);

const { data } = generate({
  managers: 60,
  clients: Math.round(DEALS_N / 5),
  deals: DEALS_N,
  invoices: 0,
  activities: DEALS_N * 2,
  months: 24,
});
const g = grids(data, true);
const stages = new Map(data.settings.stages.map((s) => [s.name, s]));
const won = data.settings.stages.find((s) => s.kind === 'won')!.name;
const lost = data.settings.stages.find((s) => s.kind === 'lost')!.name;
const sellers = data.managers.filter((m) => m.role === 'manager');

const reference = (): Map<string, ReferenceRow> =>
  referencePlanFact(g.plans, g.deals, {
    period: '2026-11',
    start: START,
    asOf: TODAY,
    end: END,
    offsetMinutes: 180,
    stages,
    managerLabel: 'Менеджер',
    revenueLabel: 'Выручка',
  });

interface Timing {
  wall: number;
  cpu: number;
}
function time(fn: () => unknown): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

// ---- HyperFormula: the data as a sheet holds it (dates are serial numbers), formulas per manager
const cellOf = (v: unknown): RawCellContent =>
  v instanceof Date
    ? Math.floor((v.getTime() + 180 * 60_000) / 86_400_000) - SERIAL_EPOCH
    : (v as RawCellContent);
const sheetOf = (grid: unknown[][]): RawCellContent[][] => grid.map((r) => r.map(cellOf));
const col = (grid: unknown[][], name: string): string => {
  const i = grid[0].indexOf(name);
  return String.fromCharCode(65 + i);
};
const D = (name: string): string => `Deals!${col(g.deals, name)}:${col(g.deals, name)}`;
const P = (name: string): string => `Plans!${col(g.plans, name)}:${col(g.plans, name)}`;
const from = START - SERIAL_EPOCH;
const to = TODAY - SERIAL_EPOCH;
const last = END - SERIAL_EPOCH;
const won_ = `${D('Менеджер')}, A{r}, ${D('Этап')}, "${won}", ${D('Дата закрытия')}, ">=${from}", ${D('Дата закрытия')}, "<=${to}"`;
const formulas: RawCellContent[][] = sellers.map((m, i) =>
  [
    m.email,
    `=SUMIFS(${P('План')}, ${P('Уровень')}, "Менеджер", ${P('Кто')}, A{r}, ${P('Период')}, "2026-11", ${P('Показатель')}, "Выручка")`,
    `=SUMIFS(${D('Сумма')}, ${won_})`,
    `=COUNTIFS(${won_})`,
    `=SUMIFS(${D('Сумма')}, ${D('Менеджер')}, A{r}, ${D('Этап')}, "<>${won}", ${D('Этап')}, "<>${lost}", ${D('Ожидаемое закрытие')}, ">=${from}", ${D('Ожидаемое закрытие')}, "<=${last}")`,
  ].map((c) => (typeof c === 'string' ? c.replace(/\{r\}/g, String(i + 1)) : c)),
);
const dealsSheet = sheetOf(g.deals);
const plansSheet = sheetOf(g.plans);

function viaFormulas(): { ms: Timing; values: RawCellContent[][] } {
  const hf = HyperFormula.buildFromSheets(
    { Deals: dealsSheet, Plans: plansSheet },
    { licenseKey: 'gpl-v3' },
  );
  let values: RawCellContent[][] = [];
  const ms = time(() => {
    const sheet = hf.getSheetId(hf.addSheet('Calc'))!;
    hf.setSheetContent(sheet, formulas);
    values = hf.getSheetValues(sheet) as RawCellContent[][];
  });
  hf.destroy();
  return { ms, values };
}

// ---- SALES_PLAN_FACT through the bundle, and as the pure core function
const project = loadIntoEmulator(g, NOW);
const viaBundle = (): unknown[][] =>
  project.customFunction('SALES_PLAN_FACT', [
    g.plans,
    g.deals,
    '2026-11',
    'manager',
    asOfCell,
  ]) as unknown[][];
// What the emulator alone adds to each call: copying the arguments into the call's realm (the
// harness does this for every call; Apps Script turns the range into script values its own way).
const copyArguments = (): unknown => {
  const context = vm.createContext({});
  const realm = vmRealm(context, vm.runInContext('Date', context) as DateConstructor);
  return realm.value([g.plans, g.deals, '2026-11', 'manager', asOfCell]);
};
const ctx = functionContext(data);
const viaCore = (): unknown => salesPlanFact(ctx, g.plans, g.deals, '2026-11', 'manager', asOfCell);

// ---- Identical numbers first
const kop = (roubles: unknown): number => Math.round(Number(roubles) * 100);
const ref = reference();
// Rows are named, not keyed by email, and two managers may share a name: match within a name.
const byName = new Map<string, unknown[][]>();
// Namesakes' rows carry their team or email after the name («Иван Козлов (Юг)»): key by the name.
for (const r of viaBundle().slice(1)) {
  const name = String(r[0]).replace(/ \([^)]*\)$/, '');
  byName.set(name, [...(byName.get(name) ?? []), r]);
}
const hfValues = viaFormulas().values;
let compared = 0;
sellers.forEach((m, i) => {
  const r = ref.get(m.email) ?? { plan: 0, fact: 0, won: 0, weighted: 0, open: 0 };
  const candidates = byName.get(m.name) ?? [];
  const at = candidates.findIndex(
    (out) => kop(out[1]) === r.plan && kop(out[2]) === r.fact && kop(out[7]) === r.weighted,
  );
  const [, hPlan, hFact, hWon, hOpen] = hfValues[i];
  const same =
    at >= 0 &&
    kop(hPlan) === r.plan &&
    kop(hFact) === r.fact &&
    hWon === r.won &&
    kop(hOpen) === r.open;
  if (!same)
    throw new Error(
      `${m.email}: SALES_PLAN_FACT ${JSON.stringify(candidates)}, formulas ${JSON.stringify(hfValues[i])}, reference ${JSON.stringify(r)}`,
    );
  candidates.splice(at, 1);
  compared++;
});
const totals = [...ref.values()].reduce((s, r) => s + r.fact, 0);
console.log(
  `${data.deals.length} deals, ${g.plans.length - 1} plan rows, ${sellers.length} managers: plan, fact, ` +
    `won deals, weighted and open pipeline identical for all ${compared} (fact total ${totals / 100} ₽)`,
);

// ---- Timings, interleaved
const keys = ['formulas', 'bundle', 'copy', 'core', 'reference'] as const;
type Key = (typeof keys)[number];
const times: Record<Key, Timing[]> = {
  formulas: [],
  bundle: [],
  copy: [],
  core: [],
  reference: [],
};
for (let i = 0; i < RUNS; i++) {
  times.formulas.push(viaFormulas().ms);
  times.bundle.push(time(viaBundle));
  times.copy.push(time(copyArguments));
  times.core.push(time(viaCore));
  times.reference.push(time(reference));
}
const stat = (xs: number[]): { min: number; median: number } => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)] };
};
const label: Record<Key, string> = {
  formulas: `SUMIFS/COUNTIFS over whole columns (HyperFormula ${HyperFormula.version})`,
  bundle: 'SALES_PLAN_FACT through dist/Code.js, fresh context per call',
  copy: '- of which the emulator copying the arguments into the fresh context',
  core: 'SALES_PLAN_FACT, core function',
  reference: 'one-pass reference over the same arrays',
};
// Wall time is what a user waits for; CPU time (the process's, so GC threads included) is what
// the work costs, and stays meaningful when other processes share the cores.
for (const clock of ['wall', 'cpu'] as const) {
  const st = Object.fromEntries(
    keys.map((k) => [k, stat(times[k].map((t) => t[clock]))]),
  ) as Record<Key, { min: number; median: number }>;
  console.log(`\n| ${clock} time | min, ms | median, ms |\n|---|---:|---:|`);
  for (const k of keys)
    console.log(`| ${label[k]} | ${st[k].min.toFixed(1)} | ${st[k].median.toFixed(1)} |`);
  const ratio = (a: Key, b: Key): string =>
    `${(st[a].median / st[b].median).toFixed(1)}x median, ${(st[a].min / st[b].min).toFixed(1)}x min`;
  console.log(`\n${clock}: formulas / SALES_PLAN_FACT (bundle): ${ratio('formulas', 'bundle')}`);
  console.log(`${clock}: SALES_PLAN_FACT (core) / reference: ${ratio('core', 'reference')}`);
  console.log(`${clock}: SALES_PLAN_FACT (bundle) / reference: ${ratio('bundle', 'reference')}`);
}
