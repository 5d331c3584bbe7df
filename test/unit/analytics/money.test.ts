import {
  annualToMonths,
  bonusStatements,
  computeBonus,
  dso,
  MoneyConverter,
  parsePeriod,
  rampFactor,
  receivables,
  respreadShortfall,
  schemesFrom,
  splitByWeights,
  teamToManagers,
} from '../../../src/core/analytics';
import type { BonusTier } from '../../../src/core/types';
import { client, day, deal, invoice, manager, plan, rub, settings, workbook } from './fixtures';

const IVAN = 'ivan@example.com';
const OLGA = 'olga@example.com';

describe('currency conversion', () => {
  it('converts by roubles-per-unit rates and refuses unknown currencies', () => {
    const c = new MoneyConverter('RUB', [
      { currency: 'usd', rate: 90.5 },
      { currency: 'EUR', rate: 0 },
    ]);
    expect(c.convert(rub(100), 'USD')).toBe(rub(9_050));
    expect(c.convert(rub(100), '')).toBe(rub(100));
    expect(c.convert(rub(100), 'руб.')).toBe(rub(100));
    expect(c.convert(rub(100), 'EUR')).toBeNull();
    const usdBook = new MoneyConverter('USD', [{ currency: 'USD', rate: 90 }]);
    expect(usdBook.convert(rub(900), 'RUB')).toBe(rub(10));
  });
});

describe('receivables', () => {
  const asOf = day(2026, 11, 27);
  const data = workbook({
    managers: [manager({ email: IVAN, name: 'Иван' }), manager({ email: OLGA, name: 'Ольга' })],
    clients: [
      client({ id: 'C-1', name: 'Ромашка', manager: IVAN }),
      client({ id: 'C-2', name: 'Лютик', manager: OLGA }),
    ],
    invoices: [
      invoice({
        clientId: 'C-1',
        amount: rub(100_000),
        issuedAt: day(2026, 11, 1),
        dueDate: day(2026, 11, 30),
      }),
      invoice({
        clientId: 'C-1',
        amount: rub(50_000),
        paidAmount: rub(20_000),
        paidAt: day(2026, 11, 1),
        issuedAt: day(2026, 10, 10),
        dueDate: day(2026, 11, 20),
      }),
      invoice({
        clientId: 'C-1',
        amount: rub(80_000),
        issuedAt: day(2026, 9, 1),
        dueDate: day(2026, 9, 27),
      }),
      invoice({
        clientId: 'C-2',
        amount: rub(40_000),
        issuedAt: day(2026, 10, 1),
        dueDate: day(2026, 10, 28),
      }),
      invoice({
        clientId: 'C-2',
        amount: rub(10_000),
        issuedAt: day(2026, 7, 1),
        dueDate: day(2026, 7, 31),
      }),
      invoice({
        clientId: 'C-2',
        amount: rub(60_000),
        paidAmount: rub(60_000),
        paidAt: day(2026, 11, 5),
        issuedAt: day(2026, 10, 1),
        dueDate: day(2026, 11, 1),
      }),
      invoice({
        clientId: 'C-2',
        amount: rub(60_000),
        paidAmount: rub(60_000),
        paidAt: day(2026, 11, 28),
        issuedAt: day(2026, 11, 2),
        dueDate: day(2026, 11, 1),
      }),
      invoice({
        clientId: 'C-1',
        amount: rub(70_000),
        issuedAt: day(2026, 11, 28),
        dueDate: day(2026, 12, 5),
      }),
      invoice({
        clientId: 'C-2',
        amount: rub(500),
        currency: 'USD',
        issuedAt: day(2026, 11, 1),
        dueDate: day(2026, 11, 2),
      }),
    ],
  });

  it('buckets outstanding debt by days overdue per client and manager', () => {
    const r = receivables(data, asOf);
    expect(r.byClient).toEqual([
      {
        key: 'C-1',
        name: 'Ромашка',
        manager: IVAN,
        invoices: 3,
        outstanding: rub(210_000),
        overdue: rub(110_000),
        buckets: {
          current: rub(100_000),
          d1_30: rub(30_000),
          d31_60: 0,
          d61_90: rub(80_000),
          d90plus: 0,
        },
        maxDaysOverdue: 61,
      },
      {
        key: 'C-2',
        name: 'Лютик',
        manager: OLGA,
        invoices: 3,
        outstanding: rub(110_000),
        overdue: rub(110_000), // 30 days, 26 days (paid only on 28.11), and 119 days
        buckets: { current: 0, d1_30: rub(100_000), d31_60: 0, d61_90: 0, d90plus: rub(10_000) },
        maxDaysOverdue: 119,
      },
    ]);
    expect(r.byManager.map((m) => [m.name, m.overdue])).toEqual([
      ['Иван', rub(110_000)],
      ['Ольга', rub(110_000)],
    ]);
    expect([r.total.outstanding, r.total.overdue]).toEqual([rub(320_000), rub(220_000)]);
    expect(r.excluded).toEqual([{ currency: 'USD', amount: rub(500), count: 1 }]);
  });

  it('computes DSO over the period to the as-of day', () => {
    // Receivables 320 000 / invoiced in 1-27 November 160 000 x 27 days.
    expect(dso(data, parsePeriod('2026-11')!, asOf)).toEqual({
      receivables: rub(320_000),
      invoiced: rub(160_000),
      days: 27,
      dso: 54,
    });
    expect(dso(workbook(), parsePeriod('2026-11')!, asOf).dso).toBeNull();
    expect(receivables(workbook(), asOf).total.outstanding).toBe(0);
  });
});

const tier = (over: Partial<BonusTier>): BonusTier => ({
  scheme: 'Основная',
  kind: 'flat',
  from: 0,
  to: null,
  rate: 0.05,
  multiplier: 1,
  reduceByOverdue: false,
  ...over,
});

describe('bonus schemes', () => {
  const [flat] = schemesFrom([tier({})]);
  const [marginal] = schemesFrom([
    tier({ kind: 'marginal', from: 1, to: 1.2, rate: 0.15 }),
    tier({ kind: 'marginal', from: 0, to: 1, rate: 0.1 }),
    tier({ kind: 'marginal', from: 1.2, to: null, rate: 0.2 }),
  ]);
  const [threshold] = schemesFrom([
    tier({ kind: 'threshold', from: 0, to: 0.5, rate: 0.05 }),
    tier({ kind: 'threshold', from: 0.5, to: 1, rate: 0.1 }),
    tier({ kind: 'threshold', from: 1, to: null, rate: 0.1, multiplier: 1.5 }),
  ]);

  it('pays a flat rate', () => {
    expect(computeBonus(flat, rub(1_000_000), rub(609_000)).bonus).toBe(rub(30_450));
  });

  it('pays marginal tiers on each slice of the fact', () => {
    const s = computeBonus(marginal, rub(1_000_000), rub(1_300_000));
    expect(s.steps.map((x) => [x.from, x.to, x.base, x.rate, x.amount])).toEqual([
      [0, 1, rub(1_000_000), 0.1, rub(100_000)],
      [1, 1.2, rub(200_000), 0.15, rub(30_000)],
      [1.2, null, rub(100_000), 0.2, rub(20_000)],
    ]);
    expect(s.bonus).toBe(rub(150_000));
    expect(s.completion).toBe(1.3);
  });

  it('applies a threshold rate to the whole fact, with the accelerator', () => {
    expect(computeBonus(threshold, rub(1_000_000), rub(400_000)).bonus).toBe(rub(20_000));
    expect(computeBonus(threshold, rub(1_000_000), rub(700_000)).bonus).toBe(rub(70_000));
    expect(computeBonus(threshold, rub(1_000_000), rub(1_100_000)).bonus).toBe(rub(165_000));
    const [high] = schemesFrom([tier({ kind: 'threshold', from: 0.5, rate: 0.1 })]);
    expect(computeBonus(high, rub(1_000_000), rub(300_000))).toMatchObject({
      bonus: 0,
      note: 'belowThreshold',
    });
  });

  it('reduces the base by overdue receivables when the scheme says so', () => {
    const [reduced] = schemesFrom([tier({ reduceByOverdue: true })]);
    const s = computeBonus(reduced, rub(1_000_000), rub(609_000), rub(109_000));
    expect([s.overdue, s.base, s.bonus]).toEqual([rub(109_000), rub(500_000), rub(25_000)]);
    expect(computeBonus(flat, rub(1), rub(609_000), rub(109_000)).base).toBe(rub(609_000));
    expect(computeBonus(reduced, 0, rub(10), rub(100)).base).toBe(0);
  });

  it('explains a missing plan or scheme instead of inventing a bonus', () => {
    expect(computeBonus(marginal, 0, rub(500_000))).toMatchObject({
      bonus: 0,
      note: 'noPlan',
      completion: null,
    });
    expect(computeBonus(null, rub(1), rub(1))).toMatchObject({ bonus: 0, note: 'noScheme' });
  });

  it('builds statements per manager, picking a scheme by name, team or default', () => {
    const data = workbook({
      settings: settings({
        bonus: [tier({ scheme: 'Общая', rate: 0.05 }), tier({ scheme: 'Альфа', rate: 0.1 })],
      }),
      managers: [
        manager({ email: IVAN, name: 'Иван', team: 'Альфа' }),
        manager({ email: OLGA, name: 'Ольга', team: 'Бета' }),
      ],
      plans: [plan({ target: IVAN, period: '2026-11', value: rub(100_000) })],
      deals: [
        deal({ manager: IVAN, stage: 'Успешно', amount: rub(200_000), closedAt: day(2026, 11, 3) }),
        deal({ manager: OLGA, stage: 'Успешно', amount: rub(100_000), closedAt: day(2026, 11, 3) }),
      ],
    });
    const rows = bonusStatements(data, parsePeriod('2026-11')!, day(2026, 11, 30));
    expect(rows.map((r) => [r.name, r.scheme, r.fact, r.bonus])).toEqual([
      ['Иван', 'Альфа', rub(200_000), rub(20_000)],
      ['Ольга', 'Общая', rub(100_000), rub(5_000)],
    ]);
  });
});

describe('plan decomposition', () => {
  it('splits exactly, remainders to the largest fractions', () => {
    expect(splitByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeights(10, [0, 0])).toEqual([5, 5]);
    expect(splitByWeights(-7, [1, 1])).toEqual([-4, -3]);
    expect(splitByWeights(5, [])).toEqual([]);
  });

  it('spreads an annual plan over months, equally or by seasonality', () => {
    expect(annualToMonths(rub(1_200_000))).toEqual(new Array(12).fill(rub(100_000)));
    const season = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2];
    const months = annualToMonths(rub(1_300_000), season);
    expect(months[11]).toBe(rub(200_000));
    expect(months.reduce((a, b) => a + b)).toBe(rub(1_300_000));
    expect(() => annualToMonths(100, [1, 2])).toThrow(RangeError);
  });

  it('splits a team plan equally, by history or by capacity with ramp-up', () => {
    const start = day(2026, 11, 1);
    const people = [
      { email: 'new', hiredAt: day(2026, 11, 16) },
      { email: 'second', hiredAt: day(2026, 10, 1) },
      { email: 'old', hiredAt: null },
      { email: 'future', hiredAt: day(2026, 12, 1) },
    ];
    expect(rampFactor(day(2026, 8, 1), start)).toBe(1);
    expect([
      ...teamToManagers(rub(1_750_000), people, { method: 'capacity', periodStart: start }),
    ]).toEqual([
      ['new', rub(250_000)],
      ['second', rub(500_000)],
      ['old', rub(1_000_000)],
      ['future', 0],
    ]);
    const history = new Map([
      ['new', 1],
      ['second', 3],
    ]);
    expect([
      ...teamToManagers(400, people.slice(0, 2), { method: 'history', history }).values(),
    ]).toEqual([100, 300]);
    expect([...teamToManagers(400, people, { method: 'equal' }).values()]).toEqual([
      100, 100, 100, 100,
    ]);
  });

  it('re-spreads a shortfall over the remaining months', () => {
    expect(respreadShortfall([100, 100, 100, 100], [80, 90], 2)).toEqual([100, 100, 115, 115]);
    expect(respreadShortfall([100, 100, 100, 100], [130, 90], 2)).toEqual([100, 100, 100, 100]);
    expect(respreadShortfall([100, 100, 100, 100], [130, 90], 2, false)).toEqual([
      100, 100, 105, 105,
    ]);
    expect(respreadShortfall([100, 100, 0, 0], [0, 0], 2)).toEqual([100, 100, 100, 100]);
  });
});
