/**
 * `npm run bench -- --forecast`: SALES_FORECAST_NEXT at 50,000 deals over 36 months
 * (`--deals=N`, `--runs=N`): the core forecast on parsed lists, the custom function (parse the
 * Deals range + compute) for the company and per manager, and the same call through dist/Code.js
 * in the emulator (which adds reading Settings, Managers and the Stage history sheet). Runs are
 * interleaved; min and median of wall and CPU time.
 */
import { performance } from 'node:perf_hooks';
import { forecastNext } from '../src/core/analytics/forecast-next';
import { salesForecastNext } from '../src/core/analytics/functions';
import { startOfDay } from '../src/core/time';
import { loadIntoEmulator } from './emulated';
import { functionContext, generate, grids, NOW, option, TODAY, ZONE } from './workbook';

const DEALS_N = Number(option('deals', '50000'));
const RUNS = Number(option('runs', '7'));

const asOfCell = new Date(startOfDay(TODAY, ZONE));

const t0 = performance.now();
const { data } = generate({
  managers: 60,
  clients: Math.round(DEALS_N / 5),
  deals: DEALS_N,
  invoices: 0,
  activities: DEALS_N * 2,
  months: 36,
});
const g = grids(data, true);
console.log(
  `${data.deals.length} deals, ${data.stageHistory.length} stage changes, 36 months ` +
    `(generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);

const ctx = functionContext(data, { stageHistory: data.stageHistory });
const project = loadIntoEmulator(g, NOW);

const runs = {
  core: () => forecastNext(data, { asOf: TODAY, zone: ZONE, periods: 3 }),
  coreManagers: () => forecastNext(data, { asOf: TODAY, zone: ZONE, periods: 3, level: 'manager' }),
  fn: () => salesForecastNext(ctx, g.deals, 3, 36, asOfCell),
  fnManagers: () => salesForecastNext(ctx, g.deals, 3, 36, asOfCell, 'manager'),
  bundle: () => project.customFunction('SALES_FORECAST_NEXT', [g.deals, 3, 36, asOfCell]),
};
type Key = keyof typeof runs;
const keys = Object.keys(runs) as Key[];
const label: Record<Key, string> = {
  core: 'forecastNext, company (core, parsed lists)',
  coreManagers: 'forecastNext, per manager (core, parsed lists)',
  fn: 'SALES_FORECAST_NEXT, company: parse the Deals range + compute',
  fnManagers: 'SALES_FORECAST_NEXT, per manager: parse + compute',
  bundle: 'SALES_FORECAST_NEXT through dist/Code.js (emulator, fresh context, reads 3 sheets)',
};

const [company] = runs.core();
console.log(
  `company: ${company.method} on ${company.historyLength} months; next month ` +
    `${(company.months[0].value / 100).toFixed(0)} ₽ (history ${(company.months[0].history / 100).toFixed(0)}, ` +
    `pipeline ${((company.months[0].pipeline ?? 0) / 100).toFixed(0)}); backtest blend MAPE ` +
    `${((company.accuracy.blend.mape ?? 0) * 100).toFixed(1)} %, history ${((company.accuracy.history.mape ?? 0) * 100).toFixed(1)} %, ` +
    `pipeline ${((company.accuracy.pipeline?.mape ?? 0) * 100).toFixed(1)} %`,
);

const times: Record<Key, Array<{ wall: number; cpu: number }>> = {
  core: [],
  coreManagers: [],
  fn: [],
  fnManagers: [],
  bundle: [],
};
for (let i = 0; i < RUNS; i++)
  for (const k of keys) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    runs[k]();
    const wall = performance.now() - w0;
    const c = process.cpuUsage(c0);
    times[k].push({ wall, cpu: (c.user + c.system) / 1000 });
  }
const stat = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0].toFixed(1)} | ${s[Math.floor(s.length / 2)].toFixed(1)}`;
};
console.log(`\n${RUNS} interleaved runs each\n`);
console.log('| computation | wall min, ms | wall median, ms | CPU min, ms | CPU median, ms |');
console.log('|---|---:|---:|---:|---:|');
for (const k of keys)
  console.log(
    `| ${label[k]} | ${stat(times[k].map((t) => t.wall))} | ${stat(times[k].map((t) => t.cpu))} |`,
  );
