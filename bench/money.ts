/**
 * `npm run bench -- --money`: SALES_BUDGET, SALES_CAC and SALES_DISCOUNTS on whole ranges as
 * Sheets passes them (header row included): 50,000 deals, 100,000 deal lines, 20,000 expenses over
 * two years, 240 budget rows. The functions run interleaved (one of each per round, so machine
 * noise hits them alike) and each reports its first (cold) run, the median of the warm ones and
 * the fastest. SALES_DISCOUNTS also runs through dist/Code.js in the emulator, which loads the
 * bundle into a fresh context per call as Apps Script does: every such run is a cold one.
 * `--compare=<other Code.js>` adds the same call through another build, interleaved.
 */
import { performance } from 'node:perf_hooks';
import { salesBudget, salesCac, salesDiscounts } from '../src/core/analytics/functions';
import { loadIntoEmulator } from './emulated';
import { moneyGrids } from './money-data';
import { functionContext, generate, grids, NOW, option } from './workbook';

const DEALS = Number(option('deals', '50000'));
const EXPENSES = Number(option('expenses', '20000'));
const LINES_N = Number(option('lines', '100000'));
const RUNS = Number(option('runs', '9'));
const COMPARE = option('compare', '');

const { data } = generate({
  managers: 60,
  clients: 10_000,
  deals: DEALS,
  activities: 1_000,
  invoices: 100,
  months: 24,
});
const g = grids(data, true);
const deals = g.deals;
const { spend, budget, lines } = moneyGrids(data, { expenses: EXPENSES, lines: LINES_N });

const ctx = functionContext(data);
const bundled = (bundlePath?: string): ((period?: string, by?: string) => unknown) => {
  const project = loadIntoEmulator(g, NOW, bundlePath);
  return (period = '2026', by = '') =>
    project.customFunction('SALES_DISCOUNTS', [deals, lines, period, by]);
};
const mine = bundled();
const theirs = COMPARE ? bundled(COMPARE) : null;
if (theirs) {
  // Identical figures first: a faster build that answers differently is not compared.
  for (const [period, by] of [
    ['2026', ''],
    ['2026-11', 'товар'],
    ['2025-Q2', ''],
  ]) {
    const a = JSON.stringify(mine(period, by));
    if (a !== JSON.stringify(theirs(period, by))) throw new Error(`${period} ${by}: tables differ`);
  }
  console.log(
    'SALES_DISCOUNTS: identical tables from both builds (2026, 2026-11 by product, 2025-Q2)',
  );
}

const cases: Array<[string, () => unknown]> = [
  ['SALES_BUDGET (2026, by month)', () => salesBudget(ctx, budget, spend, '2026')],
  ['SALES_CAC (2026, by source)', () => salesCac(ctx, deals, spend, '2026')],
  ['SALES_CAC (2026, by month)', () => salesCac(ctx, deals, spend, '2026', 'месяц')],
  ['SALES_DISCOUNTS (2026, by manager)', () => salesDiscounts(ctx, deals, lines, '2026')],
  ['SALES_DISCOUNTS (2026, by product)', () => salesDiscounts(ctx, deals, lines, '2026', 'товар')],
];
const cold: Array<[string, () => unknown]> = [
  ['SALES_DISCOUNTS via dist/Code.js', bundled()],
  ...(COMPARE
    ? [[`SALES_DISCOUNTS via ${COMPARE}`, bundled(COMPARE)] as [string, () => unknown]]
    : []),
];
const all = [...cases, ...cold];
const times = all.map((): number[] => []);
for (let r = 0; r < RUNS; r++) {
  all.forEach(([, fn], i) => {
    const t0 = performance.now();
    fn();
    times[i].push(performance.now() - t0);
  });
}
const f = (x: number) => x.toFixed(0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `\nMoney functions: ${DEALS} deals, ${LINES_N} deal lines, ${EXPENSES} expenses, ${budget.length - 1} budget rows, ${RUNS} interleaved rounds`,
);
console.log('| computation | cold, ms | warm median, ms | fastest, ms |');
console.log('|---|---:|---:|---:|');
cases.forEach(([what], i) => {
  const warm = times[i].slice(1);
  console.log(`| ${what} | ${f(times[i][0])} | ${f(median(warm))} | ${f(Math.min(...warm))} |`);
});
console.log('\nThrough the bundle, a fresh context per call (every run cold):');
console.log('| computation | cold min, ms | cold median, ms | cold max, ms |');
console.log('|---|---:|---:|---:|');
cold.forEach(([what], j) => {
  const xs = times[cases.length + j];
  console.log(`| ${what} | ${f(Math.min(...xs))} | ${f(median(xs))} | ${f(Math.max(...xs))} |`);
});
