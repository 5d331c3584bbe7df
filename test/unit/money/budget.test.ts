import { budgetVsActual } from '../../../src/core/money/budget';
import type { BudgetRow, SpendRow } from '../../../src/core/money/records';
import { parsePeriod, type Period } from '../../../src/core/workbook/period';
import { day, rub } from '../analytics/fixtures';

const P = (label: string): Period => {
  const p = parsePeriod(label);
  if (!p) throw new Error(label);
  return p;
};
const b = (line: string, source: string, month: string | null, roubles: number): BudgetRow => ({
  row: 0,
  line,
  source,
  month: month === null ? null : P(month),
  amount: rub(roubles),
});
const s = (d: number | null, line: string, source: string, roubles: number | null): SpendRow => ({
  row: 0,
  day: d,
  line,
  source,
  amount: roubles === null ? null : rub(roubles),
  comment: '',
});

const budget = [
  b('Реклама', 'Яндекс', '2026-11', 100_000),
  b('Реклама', 'Авито', '2026-11', 50_000),
  b('Выставки', '', '2026-11', 30_000),
  b('Обучение', '', '2026-12', 20_000),
  b('Премии', '', '2026-11', 30_000),
  b('Прочее', '', null, 1_000),
];
const spend = [
  s(day(2026, 11, 5), 'Реклама', 'Яндекс', 40_000),
  s(day(2026, 11, 3), 'реклама ', 'авито', 10_000),
  // A line budgeted without a source takes the spend of any source.
  s(day(2026, 11, 2), 'Выставки', 'Выставка', 35_000),
  s(day(2026, 11, 1), 'Сервисы', '', 5_000),
  s(day(2026, 11, 9), 'Премии', '', 10_000),
  s(day(2026, 10, 30), 'Реклама', 'Яндекс', 99_000),
  s(null, 'Реклама', 'Яндекс', 1_000),
  s(day(2026, 11, 9), 'Реклама', 'Яндекс', null),
];

describe('budgetVsActual', () => {
  // 10 of November's 30 days gone: the pace multiplies the actual by 3.
  const r = budgetVsActual(budget, spend, P('2026-11'), day(2026, 11, 10));
  const line = (name: string, source = '') =>
    r.lines.find(
      (l) =>
        l.line.toLowerCase() === name.toLowerCase() &&
        l.source.toLowerCase() === source.toLowerCase(),
    );

  it('projects each line at its pace and flags it before it overspends', () => {
    expect(r.elapsed).toBe(10);
    expect(r.days).toBe(30);
    expect(line('Реклама', 'Яндекс')).toMatchObject({
      plan: rub(100_000),
      actual: rub(40_000),
      remaining: rub(60_000),
      projection: rub(120_000),
      status: 'atRisk',
    });
    expect(line('Реклама', 'Авито')).toMatchObject({ actual: rub(10_000), status: 'ok' });
    expect(line('Выставки')).toMatchObject({
      actual: rub(35_000),
      remaining: rub(-5_000),
      status: 'over',
    });
    expect(line('Сервисы')).toMatchObject({ plan: 0, actual: rub(5_000), status: 'unplanned' });
  });

  it('a pace landing exactly on the plan is on plan', () => {
    expect(line('Премии')).toMatchObject({ projection: rub(30_000), status: 'ok' });
  });

  it('keeps next month out, and counts the rows it cannot use', () => {
    expect(line('Обучение')).toBeUndefined();
    expect(r.total).toMatchObject({ plan: rub(210_000), actual: rub(100_000) });
    expect(r.skipped).toEqual({ budgetNoMonth: 1, spendUndated: 1, noAmount: 1 });
  });

  it('splits a quarter by month, and a finished period projects its actual', () => {
    const q = budgetVsActual(budget, spend, P('2026-Q4'), day(2027, 1, 15));
    const ads = q.lines.find((l) => l.line === 'Реклама' && l.source === 'Яндекс');
    expect(ads?.months.map((m) => [m.month.label, m.plan / 100, m.actual / 100])).toEqual([
      ['2026-10', 0, 99_000],
      ['2026-11', 100_000, 40_000],
      ['2026-12', 0, 0],
    ]);
    expect(ads).toMatchObject({ projection: rub(139_000), status: 'over' });
    expect(q.lines.find((l) => l.line === 'Обучение')).toMatchObject({ plan: rub(20_000) });
  });

  it('a period not yet started projects nothing beyond what is booked', () => {
    const f = budgetVsActual(budget, spend, P('2026-12'), day(2026, 11, 10));
    expect(f.elapsed).toBe(0);
    expect(f.total).toMatchObject({ plan: rub(20_000), actual: 0, projection: 0, status: 'ok' });
  });
});
