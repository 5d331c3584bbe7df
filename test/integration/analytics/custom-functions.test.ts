import {
  dateCell,
  demoProject,
  forbiddenCalls,
  mskDay,
  named,
  range,
  records,
  round2,
} from './helpers';

describe('custom functions on the demo workbook (custom-function mode)', () => {
  const p = demoProject();
  const deals = range(p, 'Сделки');
  const plans = range(p, 'Планы');
  const history = range(p, 'История этапов');
  const activities = range(p, 'Активности');
  const invoices = range(p, 'Счета');
  const dealRows = records(deals);
  const asOf = dateCell(2026, 11, 27);

  const call = (name: string, args: unknown[]): unknown[][] => {
    const out = p.customFunction(name, args) as unknown[][];
    expect(forbiddenCalls(p.lastCalls)).toEqual([]);
    // Whole-range arguments: reading Settings/Managers (and Clients for debts) is all it does.
    expect(p.lastCalls['Range.getValues'] ?? 0).toBeLessThanOrEqual(3);
    return out;
  };

  const wonInNovember = dealRows.filter(
    (d) =>
      d['Этап'] === 'Успешно' &&
      mskDay(d['Дата закрытия']) >= '2026-11-01' &&
      mskDay(d['Дата закрытия']) <= '2026-11-27',
  );

  it('SALES_PLAN_FACT: teams, a total equal to the won deals of the month, in one table', () => {
    const t = call('SALES_PLAN_FACT', [plans, deals, '2026-11', 'team', asOf]);
    expect(t[0].slice(0, 4)).toEqual(['Команда', 'План', 'Факт', 'Выполнение, %']);
    const total = t.find((r) => r[0] === 'Итого')!;
    const fact = round2(
      wonInNovember.reduce((s, d) => s + (typeof d['Сумма'] === 'number' ? d['Сумма'] : 0), 0),
    );
    expect(total[2]).toBe(fact);
    const teams = t.slice(1, t.indexOf(total));
    expect(teams.map((r) => r[0])).toEqual(['Север', 'Юг']);
    expect(round2(teams.reduce((s, r) => s + (r[2] as number), 0))).toBe(fact);
    // Full precision: the cell's format rounds for display, a formula reading it must not.
    expect(total[3]).toBeCloseTo(((total[2] as number) / (total[1] as number)) * 100, 9);
    expect(Number.isInteger((total[3] as number) * 10)).toBe(false);
    const managers = call('SALES_PLAN_FACT', [plans, deals, '2026-11']);
    expect(managers[0][0]).toBe('Менеджер');
    expect(managers.length).toBeGreaterThan(5);
  });

  it('SALES_FORECAST: forecast = fact + weighted pipeline on every row', () => {
    const t = call('SALES_FORECAST', [deals, plans, '2026-11', asOf]);
    for (const r of t.slice(1).filter((x) => typeof x[2] === 'number')) {
      expect(round2((r[2] as number) + (r[3] as number))).toBe(r[4]);
    }
    expect(t[t.length - 1][0]).toMatch(/Итого|Сделок без суммы/);
  });

  it('SALES_FUNNEL: every deal created in the range enters the first stage', () => {
    const t = call('SALES_FUNNEL', [deals, history, dateCell(2026, 9, 1), dateCell(2026, 11, 30)]);
    const created = dealRows.filter((d) => {
      const day = new Date((d['Создана'] as Date).getTime() + 3 * 3_600_000)
        .toISOString()
        .slice(0, 10);
      return day >= '2026-09-01' && day <= '2026-11-30';
    });
    expect(t[1][0]).toBe('Новая заявка');
    expect(t[1][1]).toBe(created.length);
    const reached = t.slice(1, 8).map((r) => r[1] as number);
    expect([...reached].sort((a, b) => b - a)).toEqual(reached); // never grows down the funnel
    expect(t[8][0]).toBe(
      `Когорта: ${created.length} сделок; выиграно ${created.filter((d) => d['Этап'] === 'Успешно').length}, проиграно ${created.filter((d) => d['Этап'] === 'Проиграна').length}, в работе ${created.filter((d) => d['Этап'] !== 'Успешно' && d['Этап'] !== 'Проиграна').length}`,
    );
  });

  it('SALES_KPI: won and lost counts match the sheet', () => {
    const t = call('SALES_KPI', [deals, '2026-11']);
    const kpi = Object.fromEntries(t.slice(1));
    const closed = (stage: string) =>
      dealRows.filter(
        (d) => d['Этап'] === stage && mskDay(d['Дата закрытия']).startsWith('2026-11'),
      ).length;
    expect(kpi['Выиграно сделок']).toBe(closed('Успешно'));
    expect(kpi['Проиграно сделок']).toBe(closed('Проиграна'));
  });

  it('SALES_AGING: the total is what is invoiced and not yet paid', () => {
    const t = call('SALES_AGING', [invoices, asOf]);
    const owed = records(invoices)
      .filter((i) => mskDay(i['Выставлен']) <= '2026-11-27')
      .map((i) => {
        const paid =
          mskDay(i['Дата оплаты']) !== '' && mskDay(i['Дата оплаты']) <= '2026-11-27'
            ? (i['Оплачено'] as number) || 0
            : 0;
        return Math.max(0, (i['Сумма'] as number) - paid);
      });
    const total = t.find((r) => r[0] === 'Итого')!;
    expect(total[3]).toBe(round2(owed.reduce((s, x) => s + x, 0)));
    // Buckets add up to the outstanding amount.
    expect(round2((total.slice(5, 10) as number[]).reduce((s, x) => s + x, 0))).toBe(total[3]);
  });

  it('SALES_BONUS: a statement per manager by the workbook scheme', () => {
    const t = call('SALES_BONUS', [plans, deals, named(p, 'ROP_BONUS'), '2026-11', invoices]);
    expect(t[0]).toEqual([
      'Менеджер',
      'Схема',
      'План',
      'Факт',
      'Выполнение, %',
      'Просроченная дебиторка',
      'База',
      'Премия',
      'Расчёт',
    ]);
    const body = t.slice(1, -1);
    expect(body.length).toBeGreaterThan(5);
    expect(round2(body.reduce((s, r) => s + (r[7] as number), 0))).toBe(t[t.length - 1][7]);
    expect(
      body.filter((r) => (r[7] as number) > 0).every((r) => /× .* = /.test(String(r[8]))),
    ).toBe(true);
  });

  it('SALES_STALE: forgotten deals by the stages table, most urgent first', () => {
    const t = call('SALES_STALE', [deals, activities, named(p, 'ROP_STAGES'), asOf]);
    expect(t[0][0]).toBe('ID сделки');
    const active = t.slice(1).filter((r) => r[9] === 'требует внимания');
    expect(active.length).toBeGreaterThan(0);
    for (const r of active) expect(r[5] as number).toBeGreaterThan(r[6] as number);
    const ids = new Set(
      dealRows
        .filter((d) => d['Этап'] !== 'Успешно' && d['Этап'] !== 'Проиграна')
        .map((d) => d['ID']),
    );
    expect(active.every((r) => ids.has(r[0]))).toBe(true);
  });

  it('WORKDAYS_RU: Russian working days with the workbook calendar', () => {
    expect(call('WORKDAYS_RU', [dateCell(2026, 11, 1), dateCell(2026, 11, 30)])).toBe(20);
    expect(
      call('WORKDAYS_RU', [dateCell(2026, 1, 1), dateCell(2026, 1, 31), named(p, 'ROP_CALENDAR')]),
    ).toBe(15);
  });

  it('answers bad arguments with a readable message, no stack trace', () => {
    expect(() => p.customFunction('SALES_KPI', [deals, 'ноябрь'])).toThrow(
      'Аргумент «period»: период пишется как «2026-11», «2026-Q4» или «2026», а не «ноябрь»',
    );
    expect(() => p.customFunction('SALES_AGING', ['I-000001'])).toThrow(
      'Аргумент «invoices»: нужен диапазон вместе со строкой заголовков',
    );
    expect(() => p.customFunction('WORKDAYS_RU', ['завтра', dateCell(2026, 11, 30)])).toThrow(
      'Аргумент «start»: нужна дата, а не «завтра»',
    );
  });
});
