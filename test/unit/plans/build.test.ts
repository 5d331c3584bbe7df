import { buildPlan } from '../../../src/core/plans/build';
import { diffPlans, plansAfter, plansVersion, rowsToWrite } from '../../../src/core/plans/diff';
import { day, deal, manager, moscow, plan, rub, workbook } from '../analytics/fixtures';
import type { WorkbookData } from '../../../src/core/types';

const ctx = (data: WorkbookData, asOf = day(2026, 12, 1)) => ({ data, zone: moscow, asOf });
const draft = {
  metric: 'revenue' as const,
  period: '2027',
  target: rub(1_200_000),
  growthPercent: 0,
  spread: 'equal' as const,
  split: 'equal' as const,
};

describe('building a plan', () => {
  const data = workbook({
    managers: [
      manager({ email: 'a@x.ru', name: 'A', team: 'North' }),
      manager({ email: 'b@x.ru', name: 'B', team: 'North' }),
      manager({ email: 'c@x.ru', name: 'C', team: 'South' }),
    ],
  });

  test('a year: months, quarters and the year at every level, parents = sums', () => {
    const p = buildPlan(draft, ctx(data));
    const v = (level: string, target: string, period: string) =>
      p.rows.find((r) => r.level === level && r.target === target && r.period === period)?.value;
    expect(p.rows).toHaveLength(6 * 17); // company, 2 teams, 3 managers x (12 + 4 + 1)
    expect(v('company', '', '2027')).toBe(rub(1_200_000));
    expect(v('company', '', '2027-03')).toBe(rub(100_000));
    expect(v('company', '', '2027-Q1')).toBe(rub(300_000));
    // Teams by the sum of their people's weights: North 2/3, South 1/3.
    expect(v('team', 'North', '2027-01')).toBe(6_666_667);
    expect(v('team', 'South', '2027-01')).toBe(3_333_333);
    expect(v('manager', 'a@x.ru', '2027-01')! + v('manager', 'b@x.ru', '2027-01')!).toBe(6_666_667);
    expect(v('manager', 'c@x.ru', '2027')).toBe(v('team', 'South', '2027'));
  });

  test('a manager hired mid-month takes a prorated, ramped share', () => {
    const d = workbook({
      managers: [
        manager({ email: 'a@x.ru', team: 'T' }),
        manager({ email: 'b@x.ru', team: 'T', hiredAt: day(2027, 4, 16) }),
      ],
    });
    const p = buildPlan({ ...draft, period: '2027-04', target: 11_500 }, ctx(d));
    const m = (e: string) => p.rows.find((r) => r.target === e)!.value;
    expect([m('a@x.ru'), m('b@x.ru')]).toEqual([10_000, 1_500]);
  });

  test('by last year share: 3:1, and a newcomer without history at the mean of the others', () => {
    const d = workbook({
      managers: [
        manager({ email: 'a@x.ru', team: 'T' }),
        manager({ email: 'b@x.ru', team: 'T' }),
        manager({ email: 'n@x.ru', team: 'T', hiredAt: day(2026, 6, 1) }),
      ],
      deals: [
        deal({ manager: 'a@x.ru', stage: 'Успешно', amount: 300, closedAt: day(2026, 3, 3) }),
        deal({ manager: 'b@x.ru', stage: 'Успешно', amount: 100, closedAt: day(2026, 3, 4) }),
      ],
    });
    const p = buildPlan({ ...draft, period: '2027-03', target: 6000, split: 'share' }, ctx(d));
    const m = (e: string) => p.rows.find((r) => r.target === e)!.value;
    // Weights 300, 100 and the newcomer's 200 (fully ramped by March 2027).
    expect([m('a@x.ru'), m('b@x.ru'), m('n@x.ru')]).toEqual([3000, 1000, 2000]);
  });

  test('by capacity: the monthly rates at current conversion, ramped', () => {
    const won = (who: string, mo: number, amount: number) =>
      deal({
        manager: who,
        stage: 'Успешно',
        amount,
        createdAt: Date.UTC(2026, mo - 1, 1, 7),
        closedAt: day(2026, mo, 20),
      });
    const d = workbook({
      managers: [
        manager({ email: 'a@x.ru', team: 'T' }),
        manager({ email: 'b@x.ru', team: 'T' }),
        manager({ email: 'n@x.ru', team: 'T', hiredAt: day(2027, 1, 1) }),
      ],
      // a: 2 leads, both won, 300 each over 12 months; b: 1 lead won at 300.
      deals: [won('a@x.ru', 3, 300), won('a@x.ru', 4, 300), won('b@x.ru', 5, 300)],
    });
    const p = buildPlan({ ...draft, period: '2027-01', target: 4500, split: 'capacity' }, ctx(d));
    const m = (e: string) => p.rows.find((r) => r.target === e)!.value;
    // Rates 50 and 25 a month; the newcomer takes their mean 37.5 x 30 % = 11.25 in the first
    // month: 4500 x 50 / 86.25 = 2608.7, x 25 / 86.25 = 1304.3, x 11.25 / 86.25 = 586.96.
    expect([m('a@x.ru'), m('b@x.ru'), m('n@x.ru')]).toEqual([2609, 1304, 587]);
  });

  test('last year +10 %, spread by last year; a zero target writes zeros', () => {
    const d = workbook({
      managers: [manager({ email: 'a@x.ru' })],
      deals: [
        deal({ manager: 'a@x.ru', stage: 'Успешно', amount: rub(300), closedAt: day(2026, 1, 5) }),
        deal({ manager: 'a@x.ru', stage: 'Успешно', amount: rub(700), closedAt: day(2026, 2, 5) }),
      ],
    });
    const p = buildPlan(
      { ...draft, period: '2027-Q1', target: null, growthPercent: 10, spread: 'seasonal' },
      ctx(d),
    );
    expect(p.total).toBe(rub(1100));
    // History from January: every month known, March's zero included (trust 3/12 to the mean).
    expect(p.months.map((m) => m.lastYear)).toEqual([rub(300), rub(700), 0]);
    expect(p.months.reduce((s, m) => s + m.value, 0)).toBe(rub(1100));
    const zero = buildPlan({ ...draft, target: 0 }, ctx(data));
    expect(zero.rows.every((r) => r.value === 0)).toBe(true);
  });

  test('months of last year not closed yet count as no history, not as zero', () => {
    const d = workbook({
      managers: [manager({ email: 'a@x.ru' })],
      deals: [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((mo) =>
          deal({ manager: 'a@x.ru', stage: 'Успешно', amount: 100, closedAt: day(2026, mo, 3) }),
        ),
        // November is under way: its 50 so far are not its fact.
        deal({ manager: 'a@x.ru', stage: 'Успешно', amount: 50, closedAt: day(2026, 11, 3) }),
      ],
    });
    const p = buildPlan(
      { ...draft, target: null, growthPercent: 0, spread: 'seasonal' },
      ctx(d, day(2026, 11, 27)),
    );
    expect(p.months.map((m) => m.lastYear).slice(9)).toEqual([100, null, null]);
    // 10 known months of 100, the two unknown at their mean: 1200, spread flat.
    expect(p.total).toBe(1200);
    expect(p.months.map((m) => m.value)).toEqual(new Array(12).fill(100));
  });

  test('re-spread: Q1 fell short by 30 000, the rest of the year carries it', () => {
    const d = workbook({
      managers: [manager({ email: 'a@x.ru' })],
      plans: ['2027-01', '2027-02', '2027-03'].map((period) =>
        plan({ level: 'company', target: '', period, value: rub(100_000) }),
      ),
      deals: [1, 2, 3].map((mo) =>
        deal({
          manager: 'a@x.ru',
          stage: 'Успешно',
          amount: rub(90_000),
          closedAt: day(2027, mo, 10),
        }),
      ),
    });
    const p = buildPlan({ ...draft, respread: true }, ctx(d, day(2027, 4, 2)));
    expect(p.shortfall).toBe(rub(30_000));
    expect(p.months.slice(0, 3).map((m) => m.value)).toEqual(new Array(3).fill(rub(100_000)));
    // 3 000 000 kopecks over 9 months: 333 333 each, the 3 left over to the first three.
    expect(p.months.slice(3).map((m) => m.value - rub(100_000))).toEqual([
      333_334, 333_334, 333_334, 333_333, 333_333, 333_333, 333_333, 333_333, 333_333,
    ]);
    // Closed months keep their plans, so fact so far + the open months' plans = the target.
    expect(p.total).toBe(rub(1_230_000));
    const open = p.months.slice(3).reduce((a, m) => a + m.value, 0);
    expect(rub(3 * 90_000) + open).toBe(rub(1_200_000));
  });
});

describe('the diff against the Plans sheet', () => {
  const sheet = [
    plan({
      row: 2,
      level: 'company',
      target: '',
      period: '2027-01',
      value: 100,
      source: 'Построитель',
    }),
    plan({ row: 3, level: 'manager', target: 'a@x.ru', period: '2027-01', value: 50 }),
    plan({ row: 4, level: 'manager', target: 'b@x.ru', period: '2027-01', value: 40 }),
  ];
  const built = [
    {
      level: 'company' as const,
      target: '',
      name: '',
      period: '2027-01',
      metric: 'revenue' as const,
      value: 120,
    },
    {
      level: 'manager' as const,
      target: 'A@x.ru',
      name: 'A',
      period: '2027-01',
      metric: 'revenue' as const,
      value: 60,
    },
    {
      level: 'manager' as const,
      target: 'b@x.ru',
      name: 'B',
      period: '2027-01',
      metric: 'revenue' as const,
      value: 40,
    },
    {
      level: 'manager' as const,
      target: 'c@x.ru',
      name: 'C',
      period: '2027-01',
      metric: 'revenue' as const,
      value: 20,
    },
  ];

  test('added, changed, unchanged; a hand-typed row only when ticked', () => {
    const diff = diffPlans(built, sheet);
    expect(diff.map((d) => [d.kind, d.old, d.row, d.hand])).toEqual([
      ['changed', 100, 2, false],
      ['changed', 50, 3, true],
      ['unchanged', 40, 4, true],
      ['added', null, 0, false],
    ]);
    expect(rowsToWrite(diff, new Set()).map((d) => d.row)).toEqual([2, 0]);
    expect(rowsToWrite(diff, new Set([diff[1].key])).map((d) => d.row)).toEqual([2, 3, 0]);
    const after = plansAfter(sheet, rowsToWrite(diff, new Set()));
    expect(after.map((p) => p.value)).toEqual([120, 50, 40, 20]);
  });

  test('the fingerprint moves with any value', () => {
    const moved = sheet.map((p, i) => (i === 2 ? { ...p, value: 41 } : p));
    expect(plansVersion(moved)).not.toBe(plansVersion(sheet));
    expect(plansVersion([...sheet])).toBe(plansVersion(sheet));
  });
});
