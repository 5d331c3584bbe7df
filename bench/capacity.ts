/**
 * `npm run bench -- --capacity`: the plan defence (SALES_CAPACITY on whole ranges, parsing
 * included) and the plan builder (buildPlan on parsed lists: a year, spread by season, split by
 * capacity) at 50,000 deals and 60 people. The two are interleaved run by run, repeated
 * (`--runs=9`), and reported as cold / median / fastest, so a noisy neighbour on the shared
 * machine shows as a spread rather than as a wrong figure.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { salesCapacityTable } from '../src/core/analytics/functions';
import { buildPlan } from '../src/core/plans/build';
import { functionContext, generate, grids, option, TODAY, ZONE } from './workbook';

declare const gc: (() => void) | undefined;

const RUNS = Number(option('runs', '9'));

const { data } = generate({
  managers: 60,
  clients: 10_000,
  deals: 50_000,
  activities: 5_000,
  invoices: 20_000,
  months: 24,
});
const g = grids(data, true);
const ctx = functionContext(data);

const jobs: Record<string, () => unknown> = {
  'SALES_CAPACITY (2027, 12 months of history, target)': () =>
    salesCapacityTable(ctx, g.deals, g.managers, '2027', 12, 900_000_000),
  'plan builder: 2027 by season, split by capacity': () =>
    buildPlan(
      {
        metric: 'revenue',
        period: '2027',
        target: 900_000_000_00,
        growthPercent: 0,
        spread: 'seasonal',
        split: 'capacity',
      },
      { data: { ...data, deals: data.deals.slice() }, zone: ZONE, asOf: TODAY },
    ),
};

const times: Record<string, number[]> = Object.fromEntries(Object.keys(jobs).map((k) => [k, []]));
for (let i = 0; i < RUNS; i++) {
  for (const [name, job] of Object.entries(jobs)) {
    gc?.();
    const t0 = performance.now();
    job();
    times[name].push(performance.now() - t0);
  }
}
console.log(
  `\n## Plans at ${data.deals.length} deals, ${data.managers.length} people (${RUNS} runs interleaved; load ${os.loadavg()[0].toFixed(1)})`,
);
console.log('\n| computation | wall time, ms: cold / median / fastest |');
console.log('|---|---:|');
for (const [name, t] of Object.entries(times)) {
  const sorted = t.slice(1).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(`| ${name} | ${t[0].toFixed(0)} / ${median.toFixed(0)} / ${sorted[0].toFixed(0)} |`);
}
