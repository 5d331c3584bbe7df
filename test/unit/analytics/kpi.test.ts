import {
  activityNorms,
  clientCompleteness,
  dealCompleteness,
  StageIndex,
  asOfInstant,
  crmCompleteness,
  dealKpis,
  parsePeriod,
  responseTimes,
  stageFunnel,
} from '../../../src/core/analytics';
import {
  activity,
  change,
  client,
  day,
  deal,
  manager,
  moscow,
  msk,
  rub,
  settings,
  workbook,
} from './fixtures';

const nov = parsePeriod('2026-11')!;
const IVAN = 'ivan@example.com';
const OLGA = 'olga@example.com';

describe('deal KPIs', () => {
  const deals = [
    deal({
      stage: 'Успешно',
      amount: rub(100_000),
      createdAt: msk(2026, 11, 1, 10),
      closedAt: day(2026, 11, 11),
    }),
    deal({
      manager: OLGA,
      stage: 'Успешно',
      amount: rub(300_000),
      createdAt: msk(2026, 10, 20, 10),
      closedAt: day(2026, 11, 19),
    }),
    deal({
      stage: 'Успешно',
      amount: null,
      createdAt: msk(2026, 11, 15, 10),
      closedAt: day(2026, 11, 17),
    }),
    deal({ stage: 'Проиграна', amount: rub(200_000), closedAt: day(2026, 11, 12) }),
    deal({ stage: 'Проиграна', amount: null, closedAt: day(2026, 11, 13) }),
    deal({
      stage: 'Успешно',
      amount: rub(999_000),
      createdAt: msk(2026, 10, 1, 10),
      closedAt: day(2026, 10, 30),
    }),
    deal({ stage: 'Новая заявка' }),
    deal({ stage: 'Квалификация' }),
    deal({ id: 'D-I', stage: 'Коммерческое предложение', closeDatePushes: 3 }),
    deal({ id: 'D-J', stage: 'Счёт выставлен', closeDatePushes: 4 }),
    deal({
      stage: 'Успешно',
      amount: rub(1_000),
      currency: 'USD',
      createdAt: msk(2026, 11, 10, 10),
      closedAt: day(2026, 11, 20),
    }),
  ];
  const s = settings();

  it('pins win rates, average deal, cycle, velocity and pushes', () => {
    const k = dealKpis(deals, nov, s, moscow);
    expect(k).toMatchObject({
      won: 4,
      lost: 2,
      winRate: 4 / 6,
      winRateValue: 400_000 / 600_000,
      wonAmount: rub(400_000), // the USD deal has no rate: left out, noted
      lostAmount: rub(200_000),
      averageDeal: rub(200_000), // over the 2 won deals with a roubles amount
      cycleMedianDays: 10, // cycles 10, 30, 2, 10
      cycleMeanDays: 13,
      openQualified: 3, // past "Новая заявка"
      velocityPerDay: 3_076_923, // 3 x 200 000 x 2/3 / 13 = 30 769,23 a day
      dealsWithoutAmount: 1,
      excluded: [{ currency: 'USD', amount: rub(1_000), count: 1 }],
    });
    expect(k.pushedDeals.map((d) => d.id)).toEqual(['D-J', 'D-I']);
  });

  it('filters by manager and survives an all-lost or empty period', () => {
    const olga = dealKpis(deals, nov, s, moscow, 'OLGA@example.com ');
    expect([
      olga.won,
      olga.winRate,
      olga.averageDeal,
      olga.cycleMedianDays,
      olga.velocityPerDay,
    ]).toEqual([1, 1, rub(300_000), 30, 0]);
    const allLost = dealKpis(
      [deal({ stage: 'Проиграна', amount: rub(5), closedAt: day(2026, 11, 2) })],
      nov,
      s,
      moscow,
    );
    expect([
      allLost.winRate,
      allLost.winRateValue,
      allLost.averageDeal,
      allLost.cycleMeanDays,
      allLost.velocityPerDay,
    ]).toEqual([0, 0, null, null, null]);
    const empty = dealKpis([], nov, s, moscow);
    expect([empty.won, empty.winRate, empty.winRateValue]).toEqual([0, null, null]);
  });
});

describe('stage funnel', () => {
  const f1 = deal({ stage: 'Успешно', amount: rub(100_000), createdAt: msk(2026, 11, 2, 10) });
  const f2 = deal({ stage: 'Проиграна', createdAt: msk(2026, 11, 3, 10) });
  const f3 = deal({ stage: 'Квалификация', amount: rub(50_000), createdAt: msk(2026, 11, 4, 10) });
  const f4 = deal({ stage: 'Новая заявка', createdAt: msk(2026, 11, 5, 10) });
  const f5 = deal({ stage: 'Проиграна', createdAt: msk(2026, 11, 30, 23, 59) });
  const f6 = deal({ stage: 'Успешно', createdAt: msk(2026, 10, 31, 23, 59) });
  const history = [
    change(f1.id, 'Новая заявка', 'Квалификация', msk(2026, 11, 3)),
    change(f1.id, 'Квалификация', 'Коммерческое предложение', msk(2026, 11, 4)), // skips the meeting
    change(f1.id, 'Коммерческое предложение', 'Успешно', msk(2026, 11, 5)), // skips contract, invoice
    change(f2.id, 'Новая заявка', 'Квалификация', msk(2026, 11, 4)),
    change(f2.id, 'Квалификация', 'Встреча / презентация', msk(2026, 11, 5)),
    change(f2.id, 'Встреча / презентация', 'Проиграна', msk(2026, 11, 6)),
    change(f3.id, 'Квалификация', 'Коммерческое предложение', msk(2026, 11, 5)),
    change(f3.id, 'Коммерческое предложение', 'Квалификация', msk(2026, 11, 6)), // backward: ignored
    change(f6.id, 'Новая заявка', 'Успешно', msk(2026, 11, 6)),
  ];

  it('counts reached stages by cohort with conversion and drop-off', () => {
    const f = stageFunnel(
      [f1, f2, f3, f4, f5, f6],
      history,
      settings(),
      moscow,
      nov.start,
      nov.end,
    );
    expect([f.cohort, f.won, f.lost, f.open]).toEqual([5, 1, 2, 2]);
    expect(f.rows.map((r) => [r.stage, r.reached, r.conversion, r.dropOff])).toEqual([
      ['Новая заявка', 5, null, null],
      ['Квалификация', 3, 0.6, 0.4],
      ['Встреча / презентация', 3, 1, 0],
      ['Коммерческое предложение', 2, 2 / 3, 1 - 2 / 3],
      ['Согласование договора', 1, 0.5, 0.5],
      ['Счёт выставлен', 1, 1, 0],
      ['Успешно', 1, 1, 0],
    ]);
    expect(f.rows[0].amount).toBe(rub(150_000));
    expect(f.rows[6].fromFirst).toBe(0.2);
  });

  it('gives an empty funnel without deals', () => {
    const f = stageFunnel([], [], settings(), moscow, null, null);
    expect(
      f.rows.every((r) => r.reached === 0 && r.conversion === null && r.fromFirst === null),
    ).toBe(true);
  });
});

describe('lead response time', () => {
  const mk = (created: number, first: number | null, who = IVAN) => {
    const d = deal({ manager: who, stage: 'Новая заявка', createdAt: created });
    return { d, a: first === null ? [] : [activity({ dealId: d.id, at: first })] };
  };
  const cases = [
    mk(msk(2026, 11, 26, 10), msk(2026, 11, 26, 10, 3)), // 3
    mk(msk(2026, 11, 26, 10), msk(2026, 11, 26, 10, 10)), // 10
    mk(msk(2026, 11, 26, 17, 50), msk(2026, 11, 27, 9, 20)), // 10 + 20
    mk(msk(2026, 11, 25, 12), msk(2026, 11, 25, 14)), // 120
    mk(msk(2026, 11, 27, 17, 55), null), // waiting 5 minutes: fine so far
    mk(msk(2026, 11, 27, 9), null), // waiting 540 minutes: a breach
    mk(msk(2026, 11, 20, 10), msk(2026, 11, 20, 10, 5), OLGA), // 5
    mk(msk(2026, 10, 30, 10), null), // October: not in the period
  ];
  const data = workbook({ deals: cases.map((c) => c.d), activities: cases.flatMap((c) => c.a) });

  it('reports median, p95, bands and SLA breaches in working minutes', () => {
    const r = responseTimes(data, nov, asOfInstant(msk(2026, 11, 27, 18), moscow));
    expect(r.total).toEqual({
      leads: 7,
      answered: 5,
      waiting: 2,
      medianMinutes: 10, // 3, 5, 10, 30, 120
      p95Minutes: 120,
      bands: [2, 1, 1, 1],
      slaBreaches: 3, // 30 and 120 minutes, and one still waiting past 15
      limitMinutes: 15,
    });
    expect(r.byManager.get(OLGA)).toMatchObject({ leads: 1, medianMinutes: 5, slaBreaches: 0 });
  });

  it('reports nothing on no leads', () => {
    const r = responseTimes(workbook(), nov, asOfInstant(msk(2026, 11, 27, 18), moscow));
    expect(r.total).toMatchObject({
      leads: 0,
      medianMinutes: null,
      p95Minutes: null,
      bands: [0, 0, 0, 0],
    });
  });
});

describe('discipline', () => {
  it('compares activities with the norms over elapsed working days', () => {
    const data = workbook({
      managers: [
        manager({ email: IVAN, name: 'Иван', callsPerDay: 10, meetingsPerWeek: 5 }),
        manager({ email: OLGA, name: 'Ольга' }),
        manager({ email: 'old@example.com', active: false }),
      ],
      activities: [
        ...Array.from({ length: 95 }, () => activity({ type: 'call', at: msk(2026, 11, 10, 12) })),
        ...Array.from({ length: 6 }, () =>
          activity({ type: 'meeting', at: msk(2026, 11, 11, 12) }),
        ),
        activity({ type: 'email', at: msk(2026, 11, 11, 12) }),
        activity({ type: 'call', at: msk(2026, 11, 11, 12), manager: OLGA }),
        activity({ type: 'call', at: msk(2026, 12, 1, 12) }),
      ],
    });
    // 1-11 November 2026: 2, 3, 5, 6, 9, 10, 11 = 7 working days.
    const rows = activityNorms(data, nov, day(2026, 11, 11), moscow);
    expect(rows).toEqual([
      {
        manager: IVAN,
        name: 'Иван',
        calls: 95,
        callsNorm: 70,
        callsCompliance: 95 / 70,
        meetings: 6,
        meetingsNorm: 7,
        meetingsCompliance: 6 / 7,
        other: 1,
      },
      {
        manager: OLGA,
        name: 'Ольга',
        calls: 1,
        callsNorm: null,
        callsCompliance: null,
        meetings: 0,
        meetingsNorm: null,
        meetingsCompliance: null,
        other: 0,
      },
    ]);
  });

  it('averages completeness per manager over deals and clients', () => {
    const data = workbook({
      managers: [manager({ email: IVAN, name: 'Иван' })],
      deals: [
        // open, past the first stage: 4 + 3 + amount = 8 required; 5 filled
        deal({
          clientId: 'C-1',
          title: 'Поставка',
          source: 'Сайт',
          need: 'Трубы',
          stage: 'Квалификация',
          nextStep: 'Звонок',
        }),
        // lost: 4 + reason + close date = 6 required, all filled
        deal({
          clientId: 'C-1',
          title: 'X',
          source: 'Сайт',
          need: 'Y',
          stage: 'Проиграна',
          lostReason: 'Цена',
          closedAt: day(2026, 11, 1),
        }),
      ],
      clients: [
        client({
          id: 'C-1',
          contactName: 'Анна',
          phone: '',
          email: 'a@b.ru',
          source: 'Сайт',
          need: '',
        }),
      ],
    });
    const { rows, total } = crmCompleteness(data);
    expect(rows).toEqual([
      {
        manager: IVAN,
        name: 'Иван',
        records: 3,
        completeness: (5 / 8 + 1 + 4 / 5) / 3,
        incomplete: 2,
      },
    ]);
    expect(total.records).toBe(3);
    expect(crmCompleteness(workbook()).total.completeness).toBeNull();
  });
});

describe('record completeness', () => {
  it('names the empty required fields, depending on the stage', () => {
    const stages = new StageIndex();
    expect(
      dealCompleteness(
        deal({ stage: 'Новая заявка', clientId: 'C-1', title: 'X', source: 'Сайт', need: 'Y' }),
        stages,
      ),
    ).toEqual({
      filled: 4,
      required: 7,
      missing: ['nextStep', 'nextStepDate', 'expectedClose'], // no amount needed at the first stage
    });
    expect(dealCompleteness(deal({ stage: 'Успешно', amount: null }), stages).missing).toEqual([
      'clientId',
      'source',
      'need',
      'amount',
      'closedAt',
    ]);
    expect(
      clientCompleteness(
        client({
          id: 'C-1',
          contactName: 'Анна',
          phone: '+79001234567',
          source: 'Сайт',
          need: 'Трубы',
        }),
      ),
    ).toEqual({
      filled: 5,
      required: 5,
      missing: [],
    });
  });
});
