import { forecastNext } from '../../../src/core/analytics/forecast-next';
import { salesForecastNext, type FunctionContext } from '../../../src/core/analytics/functions';
import {
  holtWinters,
  historyForecast,
  seasonalNaiveTrend,
} from '../../../src/core/analytics/forecast-next/models';
import type { Deal } from '../../../src/core/types';
import {
  change,
  day,
  deal,
  invoice,
  manager,
  moscow,
  msk,
  rub,
  settings,
  workbook,
} from './fixtures';

const SEASON = [10, 12, 15, 11, 9, 8, 7, 9, 13, 16, 18, 30];
const seasonal = (months: number): number[] =>
  Array.from({ length: months }, (_, i) => SEASON[i % 12]);

describe('history models on series whose answer is known', () => {
  it('a pure seasonal series is forecast exactly by Holt-Winters (36 months) and seasonal naive (18)', () => {
    const y = seasonal(36);
    expect(holtWinters(y, 14).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([
      ...SEASON,
      ...SEASON.slice(0, 2),
    ]);
    expect(seasonalNaiveTrend(seasonal(18), 6)).toEqual(SEASON.slice(6, 12));
  });

  it('a flat series gives flat with every model', () => {
    for (const n of [1, 5, 18, 30]) {
      const f = historyForecast(new Array<number>(n).fill(50), 6);
      expect(f.values.map((v) => Math.round(v * 1e9) / 1e9)).toEqual(new Array(6).fill(50));
    }
  });

  it('the model follows the amount of history: thresholds 2, 13 and 24 months', () => {
    expect(historyForecast([5], 1).method).toBe('naive');
    expect(historyForecast(seasonal(12), 1).method).toBe('smoothing');
    expect(historyForecast(seasonal(13), 1).method).toBe('seasonalNaive');
    expect(historyForecast(seasonal(23), 1).method).toBe('seasonalNaive');
    expect(historyForecast(seasonal(24), 1).method).toBe('holtWinters');
  });

  it('seasonal naive adds the year-on-year change, and never goes below zero', () => {
    // Each month of the second year is 3 above the first: the third year repeats +3.
    const y = [...SEASON, ...SEASON.slice(0, 6).map((v) => v + 3)];
    expect(seasonalNaiveTrend(y, 2)).toEqual([SEASON[6] + 3, SEASON[7] + 3]);
    expect(seasonalNaiveTrend([...new Array(12).fill(10), ...new Array(12).fill(0)], 1)).toEqual([
      0,
    ]);
  });
});

const asOf = day(2026, 11, 27);
/** One won deal per month, closed on the 15th, amounts in roubles; month 0 = `first`. */
function wonSeries(
  values: number[],
  firstYear: number,
  firstMonth: number,
  over: Partial<Deal> = {},
): Deal[] {
  return values.map((v, i) => {
    const m = firstMonth - 1 + i;
    return deal({
      stage: 'Успешно',
      amount: rub(v * 1000),
      closedAt: day(firstYear + Math.floor(m / 12), (m % 12) + 1, 15),
      ...over,
    });
  });
}

describe('forecastNext', () => {
  it('a seasonal history is forecast exactly, with a zero-error backtest and a narrow band', () => {
    // 2023-11 .. 2026-10: 36 months whose season starts in November.
    const deals = wonSeries(seasonal(36), 2023, 11);
    const [company] = forecastNext(workbook({ deals }), { asOf, zone: moscow });
    expect(company.method).toBe('holtWinters');
    // Forecast months 2026-12, 2027-01, 2027-02 = season positions 1, 2, 3.
    expect(company.months.map((m) => m.month)).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(company.months.map((m) => m.history)).toEqual([12, 15, 11].map((v) => rub(v * 1000)));
    // No pipeline ever: the blend is the history model alone.
    expect(company.weights).toEqual({ history: 1, pipeline: 0 });
    expect(company.months.map((m) => m.value)).toEqual(company.months.map((m) => m.history));
    expect(company.backtest).toHaveLength(12);
    expect(company.accuracy.history.mape).toBeCloseTo(0, 9);
    expect(company.accuracy.blend.within).toBeCloseTo(0, 9);
    expect(company.band.measured).toBe(true);
  });

  it('a flat history gives a flat forecast', () => {
    const deals = wonSeries(new Array(20).fill(100), 2025, 3);
    const [company] = forecastNext(workbook({ deals }), { asOf, zone: moscow, periods: 6 });
    expect(company.method).toBe('seasonalNaive');
    expect(new Set(company.months.map((m) => m.value))).toEqual(new Set([rub(100_000)]));
    expect(company.accuracy.blend.bias).toBeCloseTo(0, 9);
  });

  it('a step up in the fact shows as a negative bias of the history model in the backtest', () => {
    // 24 months at 100, then 12 months at 200 (the backtest year).
    const deals = wonSeries([...new Array(24).fill(100), ...new Array(12).fill(200)], 2023, 11);
    const [company] = forecastNext(workbook({ deals }), { asOf, zone: moscow });
    // The model catches up within months, so the year's bias is a few percent, but below zero.
    expect(company.accuracy.history.bias).toBeLessThan(-0.03);
    expect(company.accuracy.blend.bias).toBeLessThan(-0.03);
    expect(company.accuracy.history.mape).toBeGreaterThan(0.03);
    // The first backtest month forecast 100 against a fact of 200.
    expect(company.backtest[0]).toMatchObject({ month: '2025-11', fact: rub(200_000) });
    expect(company.backtest[0].history).toBe(rub(100_000));
  });

  it('the pipeline: open deals by expected close month × probability, slipped deals discounted', () => {
    const created = msk(2026, 9, 1);
    const deals = [
      ...wonSeries(new Array(12).fill(100), 2025, 11),
      // Proposal = 60 %: 60,000 in December, 30,000 in January.
      deal({
        stage: 'Коммерческое предложение',
        amount: rub(100_000),
        createdAt: created,
        expectedClose: day(2026, 12, 10),
      }),
      deal({
        stage: 'Коммерческое предложение',
        amount: rub(50_000),
        createdAt: created,
        expectedClose: day(2027, 1, 10),
      }),
      // Slipped (expected in October, still open): 80 % × 50 % (no slipped deal closed to measure).
      deal({
        stage: 'Согласование договора',
        amount: rub(100_000),
        createdAt: created,
        expectedClose: day(2026, 10, 20),
      }),
      // Expected later this month: the current month is not forecast.
      deal({
        stage: 'Коммерческое предложение',
        amount: rub(70_000),
        createdAt: created,
        expectedClose: day(2026, 11, 30),
      }),
    ];
    const [company] = forecastNext(workbook({ deals }), { asOf, zone: moscow, periods: 3 });
    expect(company.slip).toEqual({ factor: 0.5, measured: false });
    expect(company.months.map((m) => m.pipeline)).toEqual([rub(60_000 + 40_000), rub(30_000), 0]);
  });

  it('the slipped-deal factor is measured from closed deals once there are enough', () => {
    const closed = (won: boolean, slipped: boolean): Deal =>
      deal({
        stage: won ? 'Успешно' : 'Проиграна',
        amount: rub(10),
        closedAt: day(2026, 6, 10),
        closeDatePushes: slipped ? 1 : 0,
      });
    // Slipped: 4 of 20 won (20 %); all: 25 of 50 won (50 %) -> factor 0.4.
    const deals = [
      ...Array.from({ length: 20 }, (_, i) => closed(i < 4, true)),
      ...Array.from({ length: 30 }, (_, i) => closed(i < 21, false)),
    ];
    const [company] = forecastNext(workbook({ deals }), { asOf, zone: moscow });
    expect(company.slip.measured).toBe(true);
    expect(company.slip.factor).toBeCloseTo(0.4, 9);
  });

  it("no look-ahead: what happens from a month on does not change that month's backtest", () => {
    const base = [
      ...wonSeries(seasonal(30), 2024, 5, { createdAt: msk(2024, 1, 10) }),
      deal({
        id: 'D-OPEN',
        stage: 'Успешно',
        amount: rub(80_000),
        createdAt: msk(2026, 3, 2),
        expectedClose: day(2026, 6, 20),
        closedAt: day(2026, 8, 5),
      }),
    ];
    const history = [change('D-OPEN', 'Новая заявка', 'Согласование договора', msk(2026, 4, 1))];
    const before = forecastNext(workbook({ deals: base, stageHistory: history }), {
      asOf,
      zone: moscow,
    })[0];
    // After 2026-06-01: a big deal created and won, the open deal moved to won.
    const later = [
      ...base,
      deal({
        stage: 'Успешно',
        amount: rub(900_000),
        createdAt: msk(2026, 6, 3),
        closedAt: day(2026, 9, 1),
      }),
    ];
    const moved = [
      ...history,
      change('D-OPEN', 'Согласование договора', 'Успешно', msk(2026, 8, 5)),
    ];
    const after = forecastNext(workbook({ deals: later, stageHistory: moved }), {
      asOf,
      zone: moscow,
    })[0];
    const upToJune = (x: typeof before) => x.backtest.filter((b) => b.month <= '2026-06');
    expect(upToJune(after).map(({ history, pipeline }) => ({ history, pipeline }))).toEqual(
      upToJune(before).map(({ history, pipeline }) => ({ history, pipeline })),
    );
    // The open deal was in the June pipeline at its stage then (contract, 80 %).
    const june = before.backtest.find((b) => b.month === '2026-06')!;
    expect(june.pipeline).toBeGreaterThanOrEqual(rub(64_000));
    expect(after.backtest.find((b) => b.month === '2026-09')!.fact).not.toBe(
      before.backtest.find((b) => b.month === '2026-09')!.fact,
    );
  });

  it('payments basis: the fact is payments by month and the pipeline is not used', () => {
    const invoices = Array.from({ length: 14 }, (_, i) =>
      invoice({
        amount: rub(500),
        paidAmount: rub(500),
        paidAt: day(2025 + Math.floor((8 + i) / 12), ((8 + i) % 12) + 1, 3),
      }),
    );
    const [company] = forecastNext(workbook({ invoices }), {
      asOf,
      zone: moscow,
      basis: 'payments',
    });
    expect(company.months[0]).toMatchObject({ value: rub(500), pipeline: null });
    expect(company.accuracy.pipeline).toBeNull();
  });

  it('per manager and per team', () => {
    const managers = [
      manager({ email: 'a@x.ru', name: 'Анна', team: 'Север' }),
      manager({ email: 'b@x.ru', name: 'Борис', team: 'Юг' }),
    ];
    const deals = [
      ...wonSeries(new Array(14).fill(10), 2025, 9, { manager: 'a@x.ru' }),
      ...wonSeries(new Array(14).fill(30), 2025, 9, { manager: 'Борис' }),
    ];
    const byManager = forecastNext(workbook({ deals, managers }), {
      asOf,
      zone: moscow,
      level: 'manager',
    });
    expect(byManager.map((r) => [r.name, r.months[0].value])).toEqual([
      ['Анна', rub(10_000)],
      ['Борис', rub(30_000)],
    ]);
    const byTeam = forecastNext(workbook({ deals, managers }), {
      asOf,
      zone: moscow,
      level: 'team',
    });
    expect(byTeam.map((r) => r.target)).toEqual(['Север', 'Юг']);
  });
});

describe('SALES_FORECAST_NEXT table', () => {
  const ctx: FunctionContext = {
    zone: moscow,
    now: msk(2026, 11, 27, 12),
    settings: settings(),
    managers: [],
    clients: [],
    lang: 'ru',
  };
  const cell = (y: number, m: number, d: number): Date => new Date(msk(y, m, d));
  // 18 months of a flat 100,000 won on the 10th: seasonal naive, a flat forecast.
  const grid: unknown[][] = [
    ['ID', 'ID клиента', 'Менеджер', 'Этап', 'Сумма', 'Дата закрытия'],
    ...Array.from({ length: 18 }, (_, i) => [
      `D-${i + 1}`,
      'C-1',
      'ivan@firm.ru',
      'Успешно',
      100000,
      cell(2025, 5 + i, 10),
    ]),
  ];
  const asOfCell = cell(2026, 11, 27);

  it('the tested months, the forecast months, a full quarter and the accuracy lines', () => {
    const t = salesForecastNext(ctx, grid, 6, '', asOfCell) as unknown[][];
    expect(t[0]).toEqual([
      'Месяц',
      'Факт / прогноз',
      'Нижняя граница',
      'Верхняя граница',
      'По истории',
      'По воронке',
      'Как посчитано',
    ]);
    const labels = t.slice(1).map((r) => r[0] as string);
    expect(labels.slice(0, 12)).toEqual(
      Array.from(
        { length: 12 },
        (_, i) =>
          `${2025 + Math.floor((10 + i) / 12)}-${String(((10 + i) % 12) + 1).padStart(2, '0')}`,
      ),
    );
    expect(labels.slice(12, 19)).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-Q1',
    ]);
    const q = t[1 + 18];
    expect(q.slice(1, 2)).toEqual([300000]);
    expect(q[6]).toBe('сумма месяцев квартала');
    for (const r of t.slice(13, 19)) {
      expect(r[1]).toBe(100000);
      expect(r[6]).toBe('сезонный наивный с трендом по 18 мес.');
    }
    expect(labels.slice(19).map((x) => x.replace(/\u00a0/g, ' '))).toEqual([
      'Точность за последние 12 мес.: прогноз в пределах ±0 % в 12 из 12 мес.',
      'Прогноз: MAPE 0 %, смещение 0 %.',
      // The pipeline held nothing: it missed by 100 % and got no weight.
      'По истории: MAPE 0 %, смещение 0 %. По воронке: MAPE 100 %, смещение −100 %.',
      'Сделки с прошедшей датой закрытия — в первый месяц, вес × 0,5 (условно: данных мало).',
    ]);
  });

  it('reads basis and counts as written, in either language, and names a bad one', () => {
    expect(() => salesForecastNext(ctx, grid, 3, '', asOfCell, '', 'оплаты')).toThrow(
      'Аргумент «invoices»: для основы «payments» нужен диапазон счетов со строкой заголовков',
    );
    expect(() => salesForecastNext(ctx, grid, 3, '', asOfCell, '', 'кредит')).toThrow(
      'Аргумент «basis»: основа факта — «won» (выигранные сделки) или «payments» (оплаты), а не «кредит»',
    );
    expect(() => salesForecastNext(ctx, grid, 2.5)).toThrow('Аргумент «periods»');
    expect(() => salesForecastNext(ctx, grid, 3, 40)).toThrow(
      'Аргумент «history_months»: нужно целое число от 1 до 36, а не «40»',
    );
    const won = salesForecastNext(ctx, grid, '3', '', asOfCell, '', 'Выигранные сделки');
    expect(won).toEqual(salesForecastNext(ctx, grid, 3, 36, asOfCell));
  });
});
