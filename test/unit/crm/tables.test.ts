import { readTable, MissingColumns } from '../../../src/core/workbook/tables';
import { toDeal, toPlan } from '../../../src/core/workbook/records';
import {
  parseSettings,
  defaultSettings,
  locateSettingsTables,
} from '../../../src/core/workbook/settings';
import { DEALS, PLANS } from '../../../src/core/workbook/schema';
import { dayFromYmd, fixedZone } from '../../../src/core/time';

const zone = fixedZone('Europe/Moscow', 180);

describe('reading a sheet by header', () => {
  const values = [
    ['Сделки ООО «Вектор»', '', '', '', '', '', ''],
    ['', '', '', '', '', '', ''],
    ['Моя заметка', 'Stage', 'Сумма', 'ID', 'ID клиента', 'Ответственный', 'Дата закрытия'],
    ['x', 'Квалификация', '1 234,50', 'd-000001', 'C-000001', 'Ivan@Firm.RU', '27.11.2026'],
    ['', '', '', '', '', '', ''],
    [
      'y',
      'Успешно',
      5000,
      'D-000002',
      'C-000002',
      'petr@firm.ru',
      new Date(Date.UTC(2026, 10, 26, 21)),
    ],
  ];

  it('finds the header below title rows, in any order, with aliases and English', () => {
    const t = readTable(values, DEALS, zone);
    expect(t.headerRow).toBe(2);
    expect(t.map.extra).toEqual([0]);
    expect(t.records.map((r) => r.row)).toEqual([4, 6]);
    const [a, b] = t.records.map(toDeal);
    expect(a).toMatchObject({
      id: 'D-000001',
      stage: 'Квалификация',
      amount: 123450,
      manager: 'ivan@firm.ru',
      closedAt: dayFromYmd(2026, 11, 27),
      closeDatePushes: 0,
    });
    expect(b).toMatchObject({ id: 'D-000002', amount: 500000, closedAt: dayFromYmd(2026, 11, 27) });
  });

  it('names the missing required column', () => {
    const broken = values.map((r) => r.filter((_, i) => i !== 5));
    expect(() => readTable(broken, DEALS, zone)).toThrow(MissingColumns);
    try {
      readTable(broken, DEALS, zone);
    } catch (e) {
      expect((e as MissingColumns).missing.map((c) => c.key)).toEqual(['manager']);
    }
  });

  it('reads plans with periods people type', () => {
    const t = readTable(
      [
        ['Уровень', 'Кто', 'Период', 'Показатель', 'План'],
        ['Компания', '', 'ноябрь 2026', 'Выручка', 1000000],
        ['manager', 'Ivan@firm.ru', '4 кв. 2026', 'Won deals', 12],
        ['Команда', 'Север', 2026, '', 5e6],
        ['???', '', '2026', '', 1],
      ],
      PLANS,
      zone,
    );
    const plans = t.records.map(toPlan);
    expect(plans[0]).toMatchObject({ level: 'company', period: '2026-11', value: 100000000 });
    expect(plans[1]).toMatchObject({
      level: 'manager',
      target: 'ivan@firm.ru',
      period: '2026-Q4',
      metric: 'wonDeals',
      value: 12,
    });
    expect(plans[2]).toMatchObject({ level: 'team', period: '2026', metric: 'revenue' });
    expect(plans[3]).toBeNull();
  });
});

describe('settings', () => {
  it('defaults when the sheet is empty', () => {
    const s = parseSettings([], zone);
    expect(s).toEqual(defaultSettings('ru'));
    expect(s.stages.map((x) => x.probability)).toEqual([0.1, 0.2, 0.4, 0.6, 0.8, 0.9, 1, 0]);
    expect(s.reminderHour).toBe(9);
    expect(s.factBasis).toBe('won');
    expect(s.currency).toBe('RUB');
  });

  it('reads side-by-side tables wherever they are', () => {
    const values = [
      [
        'Параметр',
        'Значение',
        'Пояснение',
        '',
        'Stage',
        'Probability',
        'Rotting days',
        'Stage kind',
        '',
        'Валюта',
        'Курс, ₽',
      ],
      ['Language', 'en', '', '', 'Lead', 0.1, 2, 'Open', '', 'USD', 95.5],
      ['Час напоминаний', 8, '', '', 'Deal', '50%', '', 'open', '', 'eur', '101,2'],
      ['Факт считать по', 'Оплаты', '', '', 'Won', 1, '', 'Успех', '', '', ''],
      ['Начало рабочего дня', '10:30', '', '', 'Lost', 0, '', 'lost', '', '', ''],
      ['Получатели отчётов', 'Boss@firm.ru; bad, ceo@firm.ru', '', '', '', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '', '', '', '', ''],
      ['Дата', 'Выходной', 'Примечание', '', '', '', '', '', '', '', ''],
      ['09.01.2026', 'да', 'перенос', '', '', '', '', '', '', '', ''],
      ['31.12.2026', true, '', '', '', '', '', '', '', '', ''],
    ];
    const tables = locateSettingsTables(values);
    expect(tables.stages).toMatchObject({ headerRow: 0, startCol: 4, endCol: 7, lastRow: 4 });
    expect(tables.calendar).toMatchObject({ headerRow: 7, startCol: 0 });
    const s = parseSettings(values, zone);
    expect(s.lang).toBe('en');
    expect(s.reminderHour).toBe(8);
    expect(s.factBasis).toBe('payments');
    expect(s.workdayStartMinute).toBe(630);
    expect(s.reportRecipients).toEqual(['boss@firm.ru', 'ceo@firm.ru']);
    expect(s.stages.map((x) => [x.name, x.probability, x.rottingDays, x.kind])).toEqual([
      ['Lead', 0.1, 2, 'open'],
      ['Deal', 0.5, null, 'open'],
      ['Won', 1, null, 'won'],
      ['Lost', 0, null, 'lost'],
    ]);
    expect(s.rates).toEqual([
      { currency: 'USD', rate: 95.5 },
      { currency: 'EUR', rate: 101.2 },
    ]);
    expect(s.calendar.map((c) => c.day)).toEqual([
      dayFromYmd(2026, 1, 9),
      dayFromYmd(2026, 12, 31),
    ]);
    // Tables that are absent keep their defaults.
    expect(s.bonus).toEqual(defaultSettings('en').bonus);
  });

  it('keeps the default funnel when the stages table has no won or lost end', () => {
    const s = parseSettings(
      [
        ['Этап', 'Вероятность', 'Тип этапа'],
        ['Один', 0.5, 'open'],
      ],
      zone,
    );
    expect(s.stages).toEqual(defaultSettings('ru').stages);
  });
});
