import { checkPlanConsistency, parsePeriod, PlanBook, planFact } from '../../../src/core/analytics';
import { client, day, deal, invoice, manager, plan, rub, settings, workbook } from './fixtures';

const IVAN = 'ivan@example.com';
const OLGA = 'olga@example.com';
const PETR = 'petr@example.com';
const nov = parsePeriod('2026-11')!;
const asOf = day(2026, 11, 27); // Friday; 19 of November's 20 working days have passed

const data = workbook({
  settings: settings({ rates: [{ currency: 'USD', rate: 90 }] }),
  managers: [
    manager({ email: IVAN, name: 'Иван', team: 'Альфа' }),
    manager({ email: OLGA, name: 'Ольга', team: 'Альфа' }),
    manager({ email: PETR, name: 'Пётр', team: 'Бета' }),
    manager({ email: 'boss@example.com', name: 'Босс', role: 'head' }),
  ],
  clients: [client({ id: 'C-7', manager: OLGA })],
  plans: [
    plan({ target: IVAN, period: '2026-11', value: rub(1_000_000) }),
    plan({ target: OLGA, period: '2026-11', value: rub(500_000) }),
    plan({ target: PETR, period: '2026-Q4', value: rub(900_000) }),
    plan({ level: 'team', target: 'Альфа', period: '2026-11', value: rub(1_600_000) }),
  ],
  deals: [
    deal({
      id: 'D-1',
      manager: IVAN,
      stage: 'Успешно',
      amount: rub(400_000),
      closedAt: day(2026, 11, 10),
    }),
    deal({
      id: 'D-2',
      manager: IVAN,
      stage: 'Успешно',
      amount: rub(200_000),
      closedAt: day(2026, 11, 27),
    }),
    deal({
      id: 'D-3',
      manager: IVAN,
      stage: 'Успешно',
      amount: rub(300_000),
      closedAt: day(2026, 11, 28),
    }),
    deal({
      id: 'D-4',
      manager: IVAN,
      stage: 'Успешно',
      amount: rub(100),
      currency: 'USD',
      closedAt: day(2026, 11, 15),
    }),
    deal({ id: 'D-5', manager: IVAN, stage: 'Успешно', amount: null, closedAt: day(2026, 11, 12) }),
    deal({
      id: 'D-6',
      manager: IVAN,
      stage: 'Успешно',
      amount: rub(100),
      currency: 'EUR',
      closedAt: day(2026, 11, 16),
    }),
    deal({
      id: 'D-7',
      manager: IVAN,
      stage: 'Проиграна',
      amount: rub(999_000),
      closedAt: day(2026, 11, 20),
    }),
    deal({
      id: 'D-8',
      manager: IVAN,
      stage: 'Коммерческое предложение',
      amount: rub(500_000),
      expectedClose: day(2026, 11, 30),
    }),
    deal({
      id: 'D-9',
      manager: IVAN,
      stage: 'Квалификация',
      amount: rub(100_000),
      probability: 0.25,
      expectedClose: day(2026, 11, 29),
    }),
    deal({
      id: 'D-10',
      manager: IVAN,
      stage: 'Квалификация',
      amount: rub(1_000_000),
      expectedClose: day(2026, 12, 2),
    }),
    deal({
      id: 'D-11',
      manager: OLGA,
      stage: 'Успешно',
      amount: rub(600_000),
      closedAt: day(2026, 11, 2),
    }),
    deal({
      id: 'D-12',
      manager: PETR,
      stage: 'Успешно',
      amount: rub(50_000),
      closedAt: day(2026, 10, 31),
    }),
    deal({
      id: 'D-13',
      manager: PETR,
      stage: 'Успешно',
      amount: rub(50_000),
      closedAt: day(2026, 11, 5),
    }),
  ],
  invoices: [
    invoice({
      dealId: 'D-1',
      clientId: 'C-1',
      amount: rub(400_000),
      paidAmount: rub(100_000),
      paidAt: day(2026, 11, 15),
    }),
    invoice({
      clientId: 'C-7',
      amount: rub(50_000),
      paidAmount: rub(50_000),
      paidAt: day(2026, 11, 26),
    }),
    invoice({
      clientId: 'C-7',
      amount: rub(70_000),
      paidAmount: rub(70_000),
      paidAt: day(2026, 11, 28),
    }),
  ],
});

describe('planFact by manager', () => {
  const rows = planFact(data, nov, 'manager', asOf);
  const ivan = rows.find((r) => r.target === IVAN)!;

  it('has a row per active manager, sorted by name, heads only with a plan', () => {
    expect(rows.map((r) => r.name)).toEqual(['Иван', 'Ольга', 'Пётр']);
  });

  it('pins every figure for a manager mid-period', () => {
    expect(ivan).toEqual({
      level: 'manager',
      target: IVAN,
      name: 'Иван',
      team: 'Альфа',
      period: '2026-11',
      metric: 'revenue',
      plan: rub(1_000_000),
      planSource: 'explicit',
      fact: rub(609_000), // 400 000 + 200 000 (closed on the as-of day) + 100 USD x 90
      completion: 0.609,
      deviation: rub(-391_000),
      runRateForecast: 64_105_263, // 609 000 x 20 / 19 = 641 052,63
      requiredDailyPace: rub(391_000), // one working day left (30.11)
      weightedPipeline: rub(325_000), // 500 000 x 60% + 100 000 x 25% (own probability)
      openPipeline: rub(600_000),
      forecast: rub(934_000),
      coverage: 600_000 / 391_000,
      workingDaysElapsed: 19,
      workingDaysTotal: 20,
      workingDaysLeft: 1,
      dealsWithoutAmount: 1,
      excluded: [{ currency: 'EUR', amount: rub(100), count: 1 }],
      wonUndated: 0,
      negativeAmounts: 0,
      badProbabilities: 0,
      planMissing: [],
      unknownManagers: [],
      ambiguousManagers: [],
    });
  });

  it('handles a met plan and a missing plan', () => {
    const olga = rows.find((r) => r.target === OLGA)!;
    expect([olga.completion, olga.coverage, olga.requiredDailyPace]).toEqual([1.2, null, 0]);
    const petr = rows.find((r) => r.target === PETR)!;
    expect([petr.plan, petr.planSource, petr.fact, petr.completion]).toEqual([
      0,
      'none',
      rub(50_000),
      null,
    ]);
  });
});

describe('planFact roll-ups', () => {
  it('sums teams and the company, and rolls the company plan up from teams', () => {
    const teams = planFact(data, nov, 'team', asOf);
    expect(teams.map((r) => [r.name, r.plan, r.planSource, r.fact])).toEqual([
      ['Альфа', rub(1_600_000), 'explicit', rub(1_209_000)],
      ['Бета', 0, 'none', rub(50_000)],
    ]);
    const [company] = planFact(data, nov, 'company', asOf);
    expect([company.plan, company.planSource, company.fact, company.weightedPipeline]).toEqual([
      rub(1_600_000),
      'children',
      rub(1_259_000),
      rub(325_000),
    ]);
    expect(company.excluded).toEqual([{ currency: 'EUR', amount: rub(100), count: 1 }]);
  });

  it('rolls a quarter up from months and counts the whole quarter', () => {
    const q4 = parsePeriod('2026-Q4')!;
    const petr = planFact(data, q4, 'manager', asOf).find((r) => r.target === PETR)!;
    expect([petr.plan, petr.planSource, petr.fact]).toEqual([
      rub(900_000),
      'explicit',
      rub(100_000),
    ]);
    const ivan = planFact(data, q4, 'manager', asOf).find((r) => r.target === IVAN)!;
    expect([ivan.plan, ivan.planSource]).toEqual([rub(1_000_000), 'periods']);
    // Q4 2026: October 22 + November 20 + December 23 working days (no decree list here).
    expect([ivan.workingDaysTotal, ivan.workingDaysElapsed]).toEqual([65, 41]);
  });

  it('counts payments by payment date on the payments basis', () => {
    const payments = { ...data, settings: { ...data.settings, factBasis: 'payments' as const } };
    const rows = planFact(payments, nov, 'manager', asOf);
    expect(rows.map((r) => [r.name, r.fact])).toEqual([
      ['Иван', rub(100_000)], // through the invoice's deal
      ['Ольга', rub(50_000)], // through the client's manager; the 28.11 payment is after as-of
      ['Пётр', 0],
    ]);
  });

  it('counts won deals for the wonDeals metric with an expected-count pipeline', () => {
    const [ivan] = planFact(data, nov, 'manager', asOf, { metric: 'wonDeals' });
    expect([ivan.fact, ivan.weightedPipeline, ivan.openPipeline, ivan.plan]).toEqual([
      5, 0.85, 2, 0,
    ]);
  });

  it('gives a past period all its days and a future one none', () => {
    const [oct] = planFact(data, parsePeriod('2026-10')!, 'company', asOf);
    expect([oct.workingDaysElapsed, oct.workingDaysLeft, oct.fact, oct.requiredDailyPace]).toEqual([
      22,
      0,
      rub(50_000),
      null,
    ]);
    const [jan] = planFact(data, parsePeriod('2027-01')!, 'company', asOf);
    expect([jan.workingDaysElapsed, jan.runRateForecast, jan.fact]).toEqual([0, null, 0]);
  });

  it('gives zeros on an empty workbook', () => {
    const [c] = planFact(workbook(), nov, 'company', asOf);
    expect([c.plan, c.fact, c.completion, c.forecast, c.coverage]).toEqual([0, 0, null, 0, null]);
    expect(planFact(workbook(), nov, 'manager', asOf)).toEqual([]);
  });
});

describe('plan consistency', () => {
  it('shows where children do not add up to the parent, never changing either', () => {
    const book = new PlanBook(
      [
        ...data.plans,
        plan({ level: 'company', target: '', period: '2026', value: rub(10_000_000) }),
        plan({ level: 'company', target: '', period: '2026-Q4', value: rub(3_000_000) }),
      ],
      data.managers,
    );
    expect(checkPlanConsistency(book)).toEqual([
      {
        kind: 'levels',
        level: 'team',
        target: 'Альфа',
        period: '2026-11',
        metric: 'revenue',
        parent: rub(1_600_000),
        childrenSum: rub(1_500_000),
        difference: rub(-100_000),
      },
      {
        kind: 'periods',
        level: 'company',
        target: '',
        period: '2026',
        metric: 'revenue',
        parent: rub(10_000_000),
        childrenSum: rub(3_000_000),
        difference: rub(-7_000_000),
      },
      // Teams for the year: Альфа from its November plan, Бета from Пётр's Q4 plan.
      {
        kind: 'levels',
        level: 'company',
        target: '',
        period: '2026',
        metric: 'revenue',
        parent: rub(10_000_000),
        childrenSum: rub(2_500_000),
        difference: rub(-7_500_000),
      },
      {
        kind: 'levels',
        level: 'company',
        target: '',
        period: '2026-Q4',
        metric: 'revenue',
        parent: rub(3_000_000),
        childrenSum: rub(2_500_000),
        difference: rub(-500_000),
      },
    ]);
  });
});
