import { asOfInstant, buildDashboard, parsePeriod } from '../../../src/core/analytics';
import { day, deal, moscow, msk, rub, workbook } from '../analytics/fixtures';

const period = parsePeriod('2026-11')!;
const asOf = asOfInstant(msk(2026, 11, 10, 12), moscow);
const data = workbook({
  deals: [
    deal({ source: 'Реклама', createdAt: msk(2026, 11, 2, 10) }),
    deal({
      source: 'Реклама',
      createdAt: msk(2026, 11, 3, 10),
      stage: 'Успешно',
      closedAt: day(2026, 11, 9),
      amount: rub(200_000),
    }),
  ],
});
const money = {
  budget: [{ row: 2, line: 'Реклама', source: 'Реклама', month: period, amount: rub(90_000) }],
  spend: [
    {
      row: 2,
      day: day(2026, 11, 5),
      line: 'Реклама',
      source: 'Реклама',
      amount: rub(40_000),
      comment: '',
    },
  ],
};

describe('the Dashboard money blocks', () => {
  it('budget and CAC blocks with their charts, figures as SALES_BUDGET / SALES_CAC', () => {
    const m = buildDashboard(data, period, asOf, 'ru', { money });
    const budget = m.blocks.find((b) => b.key === 'budget')!;
    expect(budget.rows[0]).toEqual([
      'Реклама · Реклама',
      90_000,
      40_000,
      50_000,
      120_000,
      'перерасход по темпу',
    ]);
    const cac = m.blocks.find((b) => b.key === 'cac')!;
    expect(cac.rows).toEqual([['Реклама', 40_000, 40_000, 2, 1, 200_000, 5]]);
    expect(m.charts.map((c) => c.key)).toEqual([
      'planFact',
      'funnel',
      'aging',
      'forecastNext',
      'budget',
      'cac',
    ]);
  });

  it('no budget and no spend: no money blocks and no money charts', () => {
    const m = buildDashboard(data, period, asOf, 'ru', { money: { budget: [], spend: [] } });
    expect(m.blocks.some((b) => b.key === 'budget' || b.key === 'cac')).toBe(false);
    expect(m.charts.map((c) => c.key)).toEqual(['planFact', 'funnel', 'aging', 'forecastNext']);
  });
});
