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
import { client, manager, moscow, msk, settings } from './fixtures';

const ctx: FunctionContext = {
  zone: moscow,
  now: msk(2026, 11, 27, 12),
  settings: settings({ rates: [{ currency: 'USD', rate: 90 }] }),
  managers: [
    manager({ email: 'ivan@firm.ru', name: 'Иван Петров', team: 'Альфа' }),
    manager({ email: 'olga@firm.ru', name: 'Ольга Смирнова', team: 'Альфа' }),
  ],
  clients: [client({ id: 'C-000001', name: 'ООО «Ромашка»', manager: 'ivan@firm.ru' })],
  lang: 'ru',
};

/** A date cell as Sheets hands it over: midnight in the spreadsheet's zone. */
const cell = (y: number, m: number, d: number): Date => new Date(msk(y, m, d));

const DEAL_HEAD = [
  'ID',
  'ID клиента',
  'Клиент',
  'Сделка',
  'Менеджер',
  'Этап',
  'Сумма',
  'Валюта',
  'Создана',
  'Ожидаемое закрытие',
  'Дата закрытия',
  'Переносов даты',
];
const deals = [
  DEAL_HEAD,
  [
    'D-000001',
    'C-000001',
    'Ромашка',
    'Трубы',
    'ivan@firm.ru',
    'Успешно',
    400000,
    '',
    new Date(msk(2026, 11, 1, 10)),
    '',
    cell(2026, 11, 11),
    0,
  ],
  [
    'D-000002',
    'C-000001',
    'Ромашка',
    'Краны',
    'ivan@firm.ru',
    'Проиграна',
    100000,
    '',
    new Date(msk(2026, 11, 2, 10)),
    '',
    cell(2026, 11, 12),
    0,
  ],
  [
    'D-000003',
    'C-000001',
    'Ромашка',
    'Насосы',
    'ivan@firm.ru',
    'Коммерческое предложение',
    500000,
    '',
    new Date(msk(2026, 11, 3, 10)),
    cell(2026, 11, 30),
    '',
    3,
  ],
  [
    'D-000004',
    'C-000001',
    'Ромашка',
    'Фитинги',
    'olga@firm.ru',
    'Успешно',
    1000,
    'USD',
    new Date(msk(2026, 11, 5, 10)),
    '',
    cell(2026, 11, 20),
    0,
  ],
  ['', '', '', '', '', '', '', '', '', '', '', ''],
];
const plans = [
  ['Уровень', 'Кто', 'Период', 'Показатель', 'План'],
  ['Менеджер', 'ivan@firm.ru', '2026-11', 'Выручка', 1000000],
  ['Менеджер', 'olga@firm.ru', '2026-11', 'Выручка', 100000],
];

describe('SALES_PLAN_FACT', () => {
  it('returns managers and a total, money in roubles, percents at full precision', () => {
    const t = salesPlanFact(ctx, plans, deals, '2026-11', '', cell(2026, 11, 27)) as unknown[][];
    expect(t[0]).toEqual([
      'Менеджер',
      'План',
      'Факт',
      'Выполнение, %',
      'Отклонение',
      'Прогноз по темпу',
      'Нужно в день',
      'Взвешенная воронка',
      'Прогноз (факт + воронка)',
      'Покрытие',
      'Раб. дней прошло',
      'Раб. дней всего',
    ]);
    // Иван: 400 000 of 1 000 000; 19 of 20 working days; one day left; 500 000 x 60% in the pipeline.
    expect(t[1]).toEqual([
      'Иван Петров',
      1000000,
      400000,
      40,
      -600000,
      421052.63,
      600000,
      300000,
      700000,
      0.83,
      19,
      20,
    ]);
    // Ольга: 1 000 USD x 90 = 90 000.
    expect(t[2]).toEqual([
      'Ольга Смирнова',
      100000,
      90000,
      90,
      -10000,
      94736.84,
      10000,
      0,
      90000,
      0,
      19,
      20,
    ]);
    expect(t[3].slice(0, 4)).toEqual(['Итого', 1100000, 490000, (490000 / 1100000) * 100]);
    expect(t).toHaveLength(4);
  });

  it('answers in English when the ranges have English headers', () => {
    const en = [
      ['ID', 'Client ID', 'Manager', 'Stage', 'Amount', 'Closed'],
      ['D-1', 'C-1', 'ivan@firm.ru', 'Won', 5000, cell(2026, 11, 2)],
    ];
    const enPlans = [
      ['Level', 'Target', 'Period', 'Plan'],
      ['Company', '', '2026-11', 10000],
    ];
    const t = salesPlanFact(
      ctx,
      enPlans,
      en,
      '2026-11',
      'company',
      cell(2026, 11, 30),
    ) as unknown[][];
    expect(t[0][0]).toBe('Who');
    expect(t[1].slice(0, 4)).toEqual(['Company', 10000, 5000, 50]);
  });

  it("reads the period and the Plans sheet's periods as the Plans sheet does", () => {
    const asOf = cell(2026, 11, 27);
    const iso = salesPlanFact(ctx, plans, deals, '2026-11', '', asOf);
    for (const typed of ['ноябрь 2026', 'Ноября 2026 г.', 'Nov 2026', '11.2026'])
      expect(salesPlanFact(ctx, plans, deals, typed, '', asOf)).toEqual(iso);
    const typedPlans = plans.map((r, i) => (i ? [r[0], r[1], 'ноябрь 2026', r[3], r[4]] : r));
    expect(salesPlanFact(ctx, typedPlans, deals, '2026-11', '', asOf)).toEqual(iso);
    expect(salesPlanFact(ctx, plans, deals, 'IV квартал 2026', 'company', asOf)).toEqual(
      salesPlanFact(ctx, plans, deals, '2026-Q4', 'company', asOf),
    );
  });

  it('rejects bad arguments with a readable message in the user language', () => {
    expect(() => salesPlanFact(ctx, plans, deals, '2026-13')).toThrow(
      'Аргумент «period»: период пишется как «2026-11», «2026-Q4» или «2026», а не «2026-13»',
    );
    expect(() => salesPlanFact(ctx, plans, deals, '2026-11', 'отдел продаж')).toThrow(
      /Аргумент «level»/,
    );
    expect(() => salesPlanFact(ctx, plans, 'D-1', '2026-11')).toThrow(
      'Аргумент «deals»: нужен диапазон вместе со строкой заголовков',
    );
    expect(() => salesPlanFact(ctx, plans, [['ID', 'Сумма']], '2026-11')).toThrow(
      /нет столбца «ID клиента», «Менеджер», «Этап»/,
    );
    expect(() => salesPlanFact(ctx, plans, deals, '2026-11', '', 'вчера')).toThrow(
      'Аргумент «asOf»: нужна дата, а не «вчера»',
    );
  });

  it('reads a period cell that Sheets turned into a date as its month', () => {
    const t = salesPlanFact(
      ctx,
      plans,
      deals,
      cell(2026, 11, 1),
      'company',
      cell(2026, 11, 27),
    ) as unknown[][];
    expect(t[1].slice(0, 3)).toEqual(['Компания', 1100000, 490000]);
  });
});

describe('SALES_FORECAST', () => {
  it('shows fact, weighted pipeline, forecast and the coverage the win rate needs', () => {
    const t = salesForecast(ctx, deals, plans, '2026-11', cell(2026, 11, 27)) as unknown[][];
    expect(t[0][8]).toBe('Нужное покрытие (1 / конверсия)');
    // Иван: won 1, lost 1 in the last 12 months -> win rate 50% -> coverage needed 2.
    expect(t[1]).toEqual([
      'Иван Петров',
      1000000,
      400000,
      300000,
      700000,
      421052.63,
      500000,
      0.83,
      2,
    ]);
    expect(t[3][0]).toBe('Итого');
    expect(t[3][8]).toBe(1.5); // 2 won of 3 closed
  });
});

describe('SALES_FUNNEL', () => {
  it('counts a cohort through the stages', () => {
    const history = [
      ['ID сделки', 'Из этапа', 'В этап', 'Когда'],
      ['D-000001', 'Новая заявка', 'Коммерческое предложение', new Date(msk(2026, 11, 5))],
      ['D-000001', 'Коммерческое предложение', 'Успешно', new Date(msk(2026, 11, 11))],
    ];
    const t = salesFunnel(
      ctx,
      deals,
      history,
      cell(2026, 11, 1),
      cell(2026, 11, 30),
    ) as unknown[][];
    expect(t[0]).toEqual([
      'Этап',
      'Дошли',
      'Конверсия из предыдущего, %',
      'Потери, %',
      'От входа, %',
      'Сумма',
    ]);
    expect(t.slice(1, 8).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Новая заявка', 4, ''],
      ['Квалификация', 3, 75], // D-1 skipped it but reached КП; D-3 is in КП; D-4 won
      ['Встреча / презентация', 3, 100],
      ['Коммерческое предложение', 3, 100],
      ['Согласование договора', 2, (2 / 3) * 100],
      ['Счёт выставлен', 2, 100],
      ['Успешно', 2, 100],
    ]);
    expect(t[8][0]).toBe('Когорта: 4 сделки; выиграно 2, проиграно 1, в работе 1');
    expect(() => salesFunnel(ctx, deals, history, cell(2026, 11, 30), cell(2026, 11, 1))).toThrow(
      'Аргумент «to»: конец периода раньше начала',
    );
  });
});

describe('SALES_KPI', () => {
  it('lists the KPIs as metric / value rows, optionally for one manager', () => {
    const t = salesKpi(ctx, deals, '2026-11') as unknown[][];
    expect(Object.fromEntries(t.slice(1))).toMatchObject({
      'Выиграно сделок': 2,
      'Проиграно сделок': 1,
      'Конверсия в успех (по числу), %': (2 / 3) * 100,
      'Средний чек': 245000, // (400 000 + 90 000) / 2
      'Сделок с датой закрытия, перенесённой 3+ раз': 1,
    });
    const olga = salesKpi(ctx, deals, '2026-11', 'olga@firm.ru') as unknown[][];
    expect(olga[1]).toEqual(['Выиграно сделок', 1]);
  });
});

describe('SALES_AGING', () => {
  it('ages debts per client with the manager from the Clients sheet', () => {
    const invoices = [
      ['ID', 'ID клиента', 'Выставлен', 'Срок оплаты', 'Сумма', 'Оплачено'],
      ['I-1', 'C-000001', cell(2026, 10, 1), cell(2026, 10, 10), 50000, 10000],
      ['I-2', 'C-000001', cell(2026, 11, 1), cell(2026, 12, 1), 20000, ''],
    ];
    const t = salesAging(ctx, invoices, cell(2026, 11, 27)) as unknown[][];
    expect(t[1]).toEqual([
      'ООО «Ромашка»',
      'Иван Петров',
      2,
      60000,
      40000,
      20000,
      0,
      40000,
      0,
      0,
      48,
    ]);
    expect(t[2].slice(0, 5)).toEqual(['Итого', '', 2, 60000, 40000]);
  });
});

describe('SALES_BONUS', () => {
  it('computes each manager bonus from the scheme table and shows how', () => {
    const scheme = [
      ['Схема', 'Вид', 'От % плана', 'До % плана', 'Ставка', 'Множитель', 'Минус просрочка'],
      ['Базовая', 'Прогрессивная', 0, 1, 0.1, 1, false],
      ['Базовая', 'Прогрессивная', 1, '', 0.2, 1, false],
    ];
    const t = salesBonus(ctx, plans, deals, scheme, '2026-11') as unknown[][];
    expect(t[0][8]).toBe('Расчёт');
    expect(t[1].slice(0, 8)).toEqual([
      'Иван Петров',
      'Базовая',
      1000000,
      400000,
      40,
      0,
      400000,
      40000,
    ]);
    expect(t[1][8]).toBe(
      '0\u00a0%–100\u00a0% плана: 400\u00a0000,00\u00a0₽ × 10\u00a0% = 40\u00a0000,00\u00a0₽',
    );
    expect(t[3]).toEqual(['Итого', '', '', '', '', '', '', 49000, '']);
    expect(() => salesBonus(ctx, plans, deals, [['Что-то']], '2026-11')).toThrow(
      /Аргумент «scheme»: в диапазоне нет столбца «Схема»/,
    );
  });
});

describe('SALES_STALE', () => {
  it('lists forgotten deals by the stages table, snoozed ones last', () => {
    const stages = [
      ['Этап', 'Вероятность', 'Дней без активности', 'Тип этапа'],
      ['Новая заявка', 0.1, 1, 'В работе'],
      ['Коммерческое предложение', 0.6, 5, 'В работе'],
      ['Успешно', 1, '', 'Успех'],
      ['Проиграна', 0, '', 'Проигрыш'],
    ];
    const activities = [
      ['ID', 'Когда', 'Менеджер', 'Тип', 'ID сделки'],
      ['A-1', new Date(msk(2026, 11, 20, 11)), 'ivan@firm.ru', 'Звонок', 'D-000003'],
    ];
    const t = salesStale(ctx, deals, activities, stages, cell(2026, 11, 27)) as unknown[][];
    expect(t).toHaveLength(2);
    expect(t[1].slice(0, 10)).toEqual([
      'D-000003',
      'Ромашка',
      'Насосы',
      'Иван Петров',
      'Коммерческое предложение',
      7,
      5,
      2,
      'обычная',
      'требует внимания',
    ]);
  });
});

describe('SALES_STALE activities', () => {
  const stages = [
    ['Stage', 'Probability', 'Rotting days', 'Stage kind'],
    ['Коммерческое предложение', 0.6, 5, 'Open'],
    ['Успешно', 1, '', 'Won'],
    ['Проиграна', 0, '', 'Lost'],
  ];
  it('reads activity times typed as text, and names a missing column', () => {
    const typed = [
      ['ID', 'Когда', 'Менеджер', 'Тип', 'ID сделки'],
      ['A-1', '25.11.2026 11:00', 'ivan@firm.ru', 'Звонок', 'd-000003'],
      ['A-2', '', 'ivan@firm.ru', 'Звонок', 'D-000003'],
    ];
    const t = salesStale(ctx, deals, typed, stages, cell(2026, 11, 27)) as unknown[][];
    expect(t).toHaveLength(1); // 2 days since the call on 25.11: within the 5-day limit
    expect(() => salesStale(ctx, deals, [['ID', 'Когда', 'ID сделки']], stages)).toThrow(
      'Аргумент «activities»: в диапазоне нет столбца «Менеджер», «Тип»',
    );
  });
});

describe('WORKDAYS_RU', () => {
  it('counts working days by the Russian calendar, with extra holidays or a calendar table', () => {
    expect(workdaysRu(ctx, cell(2026, 11, 1), cell(2026, 11, 30))).toBe(20);
    expect(workdaysRu(ctx, cell(2026, 11, 30), cell(2026, 11, 1))).toBe(-20);
    expect(
      workdaysRu(ctx, cell(2026, 12, 1), cell(2026, 12, 31), [[cell(2026, 12, 31)], ['']]),
    ).toBe(22);
    const table = [
      ['Дата', 'Выходной', 'Примечание'],
      [cell(2026, 12, 31), true, 'перенос'],
      [cell(2026, 12, 26), false, 'рабочая суббота'],
    ];
    expect(workdaysRu(ctx, cell(2026, 12, 1), cell(2026, 12, 31), table)).toBe(23);
    expect(workdaysRu(ctx, '01.11.2026', '2026-11-30')).toBe(20);
    expect(() => workdaysRu(ctx, '', cell(2026, 11, 30))).toThrow(
      'Аргумент «start»: нужна дата, а не «»',
    );
  });
});
