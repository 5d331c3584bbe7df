import {
  dateCell,
  demoProject,
  forbiddenCalls,
  mskDay,
  range,
  records,
  round2,
} from '../analytics/helpers';

describe('SALES_BUDGET and SALES_CAC on the demo workbook, through the bundle', () => {
  const p = demoProject();
  const budget = range(p, 'Бюджет');
  const spend = range(p, 'Расходы');
  const deals = range(p, 'Сделки');
  const spendRows = records(spend);

  const call = (name: string, args: unknown[]): unknown[][] => {
    const out = p.customFunction(name, args) as unknown[][];
    expect(forbiddenCalls(p.lastCalls)).toEqual([]);
    // Settings and Managers (and Clients for the client's source): the ranges come as arguments.
    expect(p.lastCalls['Range.getValues'] ?? 0).toBeLessThanOrEqual(3);
    return out;
  };
  const inNovember = (r: Record<string, unknown>): boolean =>
    mskDay(r['Дата']).startsWith('2026-11');
  const novemberSpend = round2(
    spendRows.filter(inNovember).reduce((s, r) => s + (r['Сумма'] as number), 0),
  );

  it('Setup made the sheets and the demo filled a year of budget and spend', () => {
    expect(budget[0]).toEqual(['Статья', 'Источник', 'Месяц', 'План']);
    expect(spend[0]).toEqual(['Дата', 'Статья', 'Источник', 'Сумма', 'Комментарий']);
    expect(new Set(spendRows.map((r) => mskDay(r['Дата']).slice(0, 7))).size).toBe(12);
  });

  it('SALES_BUDGET: the total actual is the month`s spend; ads run hot and are flagged', () => {
    const t = call('SALES_BUDGET', [budget, spend, '2026-11']);
    expect(t[0].slice(0, 5)).toEqual(['Статья', 'Источник', 'Месяц', 'План', 'Факт']);
    const total = t.find((r) => r[0] === 'Итого')!;
    expect(total[4]).toBe(novemberSpend);
    const ads = t.find((r) => r[0] === 'Реклама' && r[1] === 'Реклама')!;
    expect(ads[8]).toBe('перерасход по темпу');
    expect(ads[7] as number).toBeGreaterThan(ads[3] as number);
    expect(t[t.length - 1][0]).toMatch(/Прошло дней периода: 27 из 30/);
  });

  it('SALES_BUDGET: a year splits each line by month', () => {
    const t = call('SALES_BUDGET', [budget, spend, dateCell(2026, 6, 1)]);
    expect(t[1][2]).toBe('2026-06');
    const y = call('SALES_BUDGET', [budget, spend, 2026]);
    const shows = y.filter((r) => r[0] === 'Выставки');
    expect(shows.map((r) => r[2])).toContain('2026-09');
    expect(shows.length).toBe(13);
  });

  it('SALES_CAC: spend by source adds up to the total, unsourced spend is in its own row and a note', () => {
    const t = call('SALES_CAC', [deals, spend, '2026-11']);
    expect(t[0]).toEqual([
      'Источник',
      'Расход',
      'Лиды',
      'Выиграно',
      'Выручка',
      'Цена лида',
      'Цена сделки (CAC)',
      'Выручка на рубль (ROMI)',
    ]);
    const total = t.find((r) => r[0] === 'Итого')!;
    expect(total[1]).toBe(novemberSpend);
    const rows = t.slice(1, t.indexOf(total));
    expect(round2(rows.reduce((s, r) => s + (r[1] as number), 0))).toBe(novemberSpend);
    const ads = rows.find((r) => r[0] === 'Реклама')!;
    expect(ads[5]).toBeCloseTo((ads[1] as number) / (ads[2] as number), 2);
    expect(rows.find((r) => r[0] === '(без источника)')).toBeDefined();
    expect(t.some((r) => /^Без источника:/.test(String(r[0])))).toBe(true);
    const leads = records(deals).filter((d) => mskDay(d['Создана']).startsWith('2026-11')).length;
    expect(total[2]).toBe(leads);
  });

  it('SALES_CAC by month: one row per source and month; a bad "by" names the argument', () => {
    const t = call('SALES_CAC', [deals, spend, '2026-Q4', 'месяц']);
    expect(t[0][1]).toBe('Месяц');
    const body = t.slice(1).filter((r) => !/^Без источника:/.test(String(r[0])));
    // December has not begun on the emulator's 27 November: no spend and no leads, so no rows.
    expect(new Set(body.map((r) => r[1]))).toEqual(new Set(['2026-10', '2026-11', '2026-Q4']));
    const byMonth = body.filter((r) => r[0] !== 'Итого');
    const keys = byMonth.map((r) => `${r[0]}|${r[1]}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(() => p.customFunction('SALES_CAC', [deals, spend, '2026-11', 'неделя'])).toThrow(/by/);
  });
});

describe('SALES_DISCOUNTS through the bundle', () => {
  const p = demoProject();
  const deals = range(p, 'Сделки');
  const closed = records(deals).filter(
    (d) =>
      (d['Этап'] === 'Успешно' || d['Этап'] === 'Проиграна') &&
      mskDay(d['Дата закрытия']).startsWith('2026-11'),
  );
  // Lines on the month's closed deals: every other one sold 10 % off, the rest at list price.
  const lines: unknown[][] = [
    ['ID сделки', 'Товар', 'Количество', 'Цена по прайсу', 'Цена', 'Валюта'],
    ...closed.map((d, i) => [d['ID'], 'Станок', 2, 1000, i % 2 ? 900 : 1000, '']),
  ];

  it('counts every closed deal with lines in a band, and the given-away revenue of the won ones', () => {
    const out = p.customFunction('SALES_DISCOUNTS', [deals, lines, '2026-11']) as unknown[][];
    expect(forbiddenCalls(p.lastCalls)).toEqual([]);
    expect(out[0][0]).toBe('Менеджер');
    const total = out.find((r) => r[0] === 'Итого')!;
    const won = closed.filter((d, i) => d['Этап'] === 'Успешно' && i % 2).length;
    expect(total[3]).toBe(won * 200);
    expect(total[6]).toBe(closed.filter((_, i) => i % 2).length);
    const bands = out.slice(out.findIndex((r) => r[0] === 'Скидка сделки') + 1);
    const none = bands.find((r) => r[0] === 'без скидки')!;
    const upTo10 = bands.find((r) => r[0] === '5–10 %')!;
    expect(none[1]).toBe(closed.filter((_, i) => i % 2 === 0).length);
    expect(upTo10[1]).toBe(closed.filter((_, i) => i % 2).length);
    expect(out.some((r) => /Закрытых сделок без строк/.test(String(r[0])))).toBe(false);
  });

  it('a bad "by" names the argument', () => {
    expect(() => p.customFunction('SALES_DISCOUNTS', [deals, lines, '2026-11', 'неделя'])).toThrow(
      /by/,
    );
  });
});
