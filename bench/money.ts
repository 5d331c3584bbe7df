/**
 * `npm run bench -- --money`: SALES_BUDGET, SALES_CAC and SALES_DISCOUNTS on whole ranges as
 * Sheets passes them (header row included): 50,000 deals, 100,000 deal lines, 20,000 expenses over
 * two years, 240 budget rows. The
 * functions run interleaved (one of each per round, so machine noise hits them alike) and each
 * reports its first (cold) run, the median of the warm ones and the fastest.
 */
import { performance } from 'node:perf_hooks';
import {
  salesBudget,
  salesCac,
  salesDiscounts,
  type FunctionContext,
} from '../src/core/analytics/functions';
import { dayFromYmd, startOfDay } from '../src/core/time';
import { DEFAULT_SOURCES } from '../src/core/workbook/settings';
import { Random } from '../src/core/demo/random';
import { generate, grids, TODAY, ZONE } from './workbook';

const args = process.argv.slice(2);
const opt = (name: string, def: number): number =>
  Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? def);
const DEALS = opt('deals', 50_000);
const EXPENSES = opt('expenses', 20_000);
const LINES_N = opt('lines', 100_000);
const RUNS = opt('runs', 9);

const { data } = generate({
  managers: 60,
  clients: 10_000,
  deals: DEALS,
  activities: 1_000,
  invoices: 100,
  months: 24,
});
const deals = grids(data, true).deals;
const rnd = new Random(15);
const sources = DEFAULT_SOURCES.ru;
const LINES = ['Реклама', 'Выставки', 'Сервисы', 'Обучение', 'Премии'];
const first = dayFromYmd(2024, 12, 1);
const spend: unknown[][] = [['Дата', 'Статья', 'Источник', 'Сумма', 'Комментарий']];
for (let i = 0; i < EXPENSES; i++) {
  const day = first + rnd.int(0, TODAY - first);
  spend.push([
    new Date(startOfDay(day, ZONE)),
    rnd.pick(LINES),
    rnd.chance(0.1) ? '' : rnd.pick(sources),
    rnd.int(1_000, 90_000),
    'счёт',
  ]);
}
const budget: unknown[][] = [['Статья', 'Источник', 'Месяц', 'План']];
for (let m = 0; m < 24; m++) {
  const label = `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  for (const line of LINES) budget.push([line, '', label, 2_000_000]);
  for (const s of sources.slice(0, 5)) budget.push(['Реклама', s, label, 500_000]);
}

// Deal lines: two per deal on average, a third of them discounted, a few in dollars.
const dealIds = data.deals.map((d) => d.id);
const lines: unknown[][] = [
  ['ID сделки', 'Товар', 'Количество', 'Цена по прайсу', 'Цена', 'Скидка', 'Валюта'],
];
for (let i = 0; i < LINES_N; i++) {
  const list = rnd.int(1, 50) * 1_000;
  lines.push([
    dealIds[i % dealIds.length],
    `Товар ${rnd.int(1, 300)}`,
    rnd.int(1, 20),
    list,
    '',
    rnd.chance(0.33) ? rnd.int(1, 25) / 100 : '',
    rnd.chance(0.05) ? 'USD' : '',
  ]);
}

const ctx: FunctionContext = {
  zone: ZONE,
  now: startOfDay(TODAY, ZONE) + 9 * 3_600_000,
  settings: data.settings,
  managers: data.managers,
  clients: data.clients,
  lang: 'ru',
};

const cases: Array<[string, () => unknown]> = [
  ['SALES_BUDGET (2026, by month)', () => salesBudget(ctx, budget, spend, '2026')],
  ['SALES_CAC (2026, by source)', () => salesCac(ctx, deals, spend, '2026')],
  ['SALES_CAC (2026, by month)', () => salesCac(ctx, deals, spend, '2026', 'месяц')],
  ['SALES_DISCOUNTS (2026, by manager)', () => salesDiscounts(ctx, deals, lines, '2026')],
  ['SALES_DISCOUNTS (2026, by product)', () => salesDiscounts(ctx, deals, lines, '2026', 'товар')],
];
const times = cases.map((): number[] => []);
for (let r = 0; r < RUNS; r++) {
  cases.forEach(([, fn], i) => {
    const t0 = performance.now();
    fn();
    times[i].push(performance.now() - t0);
  });
}
console.log(
  `\nMoney functions: ${DEALS} deals, ${LINES_N} deal lines, ${EXPENSES} expenses, ${budget.length - 1} budget rows, ${RUNS} interleaved rounds`,
);
console.log('| computation | cold, ms | warm median, ms | fastest, ms |');
console.log('|---|---:|---:|---:|');
cases.forEach(([what], i) => {
  const warm = times[i].slice(1).sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(0);
  console.log(
    `| ${what} | ${f(times[i][0])} | ${f(warm[Math.floor(warm.length / 2)])} | ${f(warm[0])} |`,
  );
});
