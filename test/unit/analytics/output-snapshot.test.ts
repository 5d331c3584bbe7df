/**
 * The dashboard model and every custom function's table on the demo workbook, pinned byte for
 * byte: refactors of analytics' presentation (one builder per block, one file per function)
 * must not change a single cell. Regenerate only for an intended change of output.
 */
import { generate, grids, TODAY, ZONE } from '../../../bench/workbook';
import {
  asOfInstant,
  blockFormats,
  blockValues,
  buildDashboard,
  parsePeriod,
} from '../../../src/core/analytics';
import {
  salesAging,
  salesBonus,
  salesForecast,
  salesFunnel,
  salesKpi,
  salesPlanFact,
  salesStale,
  workdaysRu,
  type FunctionContext,
} from '../../../src/core/analytics/functions';
import { localToInstant } from '../../../src/core/workbook/normalize';

const { data } = generate({
  managers: 8,
  clients: 400,
  deals: 900,
  activities: 4_000,
  invoices: 350,
  months: 12,
});
const g = grids(data);
const now = localToInstant(TODAY, 9 * 60, ZONE);
const asOf = asOfInstant(now, ZONE);

describe('analytics output on the demo workbook', () => {
  it.each([
    ['2026-11', 'ru'],
    ['2026-Q4', 'en'],
    ['2026', 'ru'],
  ] as const)('dashboard %s %s', (label, lang) => {
    const m = buildDashboard(data, parsePeriod(label)!, asOf, lang, { updatedAt: '27.11.2026' });
    const rendered = m.blocks.map((b) => ({
      values: blockValues(b),
      formats: blockFormats(b, 'RUB'),
    }));
    expect({ ...m, rendered }).toMatchSnapshot();
  });

  const ctx: FunctionContext = {
    zone: ZONE,
    now,
    settings: data.settings,
    managers: data.managers,
    clients: data.clients,
    lang: 'ru',
  };
  const call = (f: () => unknown): unknown => {
    try {
      return f();
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  const nov = new Date(localToInstant(TODAY - 26, 0, ZONE));
  const cases: [string, () => unknown][] = [
    ['SALES_PLAN_FACT manager', () => salesPlanFact(ctx, g.plans, g.deals, '2026-11')],
    ['SALES_PLAN_FACT team', () => salesPlanFact(ctx, g.plans, g.deals, '2026-Q4', 'team')],
    ['SALES_PLAN_FACT company', () => salesPlanFact(ctx, g.plans, g.deals, 2026, 'company')],
    ['SALES_PLAN_FACT date cell', () => salesPlanFact(ctx, g.plans, g.deals, nov)],
    ['SALES_PLAN_FACT bad', () => salesPlanFact(ctx, g.plans, g.deals, '2026-13')],
    ['SALES_FORECAST', () => salesForecast(ctx, g.deals, g.plans, '2026-11')],
    ['SALES_FUNNEL', () => salesFunnel(ctx, g.deals, g.stageHistory)],
    ['SALES_FUNNEL range', () => salesFunnel(ctx, g.deals, g.stageHistory, nov, '')],
    ['SALES_KPI', () => salesKpi(ctx, g.deals, '2026-Q4')],
    ['SALES_KPI manager', () => salesKpi(ctx, g.deals, '2026', data.managers[2].email)],
    ['SALES_AGING', () => salesAging(ctx, g.invoices)],
    ['SALES_BONUS', () => salesBonus(ctx, g.plans, g.deals, g.bonus, '2026-11', g.invoices)],
    ['SALES_BONUS bad', () => salesBonus(ctx, g.plans, g.deals, 'x', '2026-11')],
    ['SALES_STALE', () => salesStale(ctx, g.deals, g.activities, g.stages)],
    ['WORKDAYS_RU', () => workdaysRu(ctx, nov, new Date(localToInstant(TODAY, 0, ZONE)))],
  ];
  it.each(cases)('%s', (_, f) => {
    expect(call(f)).toMatchSnapshot();
  });
});
