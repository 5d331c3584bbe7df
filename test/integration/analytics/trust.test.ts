// Issue #12 "no silent wrong number", through the built bundle: each ordinary input that used to
// give a plausible wrong figure gives the right one, or the figure plus a note row saying what was
// left out.
import { dateCell, demoProject, range } from './helpers';

type Grid = unknown[][];

describe('custom functions give no silent wrong number', () => {
  const p = demoProject();
  const plans = range(p, 'Планы');
  const deals = range(p, 'Сделки');
  const asOf = dateCell(2026, 11, 27);
  const head = deals[0];
  const col = (name: string): number => head.indexOf(name);
  const [MANAGER, STAGE, AMOUNT, PROB, CLOSED] = [
    'Менеджер',
    'Этап',
    'Сумма',
    'Вероятность',
    'Дата закрытия',
  ].map(col);
  const plan = (name: string): number => plans[0].indexOf(name);
  const [LEVEL, TARGET, PERIOD, METRIC, VALUE] = [
    'Уровень',
    'Кто',
    'Период',
    'Показатель',
    'План',
  ].map(plan);
  const copy = (g: Grid): Grid => g.map((r) => r.slice());
  const call = (name: string, args: unknown[]): Grid => p.customFunction(name, args) as Grid;
  const planFact = (d: Grid, period: unknown = '2026-11', pl: Grid = plans): Grid =>
    call('SALES_PLAN_FACT', [pl, d, period, 'manager', asOf]);
  const total = (t: Grid): unknown[] => t.find((r) => r[0] === 'Итого')!;
  const noteRows = (t: Grid): string[] =>
    t.filter((r) => r.slice(1).every((c) => c === '')).map((r) => String(r[0]));
  const base = planFact(deals);
  const rowOf = (t: Grid, name: string): unknown[] | undefined => t.find((r) => r[0] === name);
  const wonInNovember = (d: Grid): number[] =>
    d
      .map((r, i) => [r, i] as const)
      .filter(
        ([r]) =>
          r[STAGE] === 'Успешно' &&
          r[CLOSED] instanceof Date &&
          (r[CLOSED] as Date) >= dateCell(2026, 11, 1) &&
          (r[CLOSED] as Date) <= asOf,
      )
      .map(([, i]) => i);

  it('resolves a manager written as a name (as CRM exports write it) to the same row', () => {
    const d = copy(deals);
    const sokolova = wonInNovember(d).filter((i) => d[i][MANAGER] === 'a.sokolov@vektor-trade.ru');
    expect(sokolova.length).toBeGreaterThan(0);
    for (const i of sokolova) d[i][MANAGER] = 'Анна Соколова';
    d[sokolova[0]][MANAGER] = 'СОКОЛОВА АННА';
    const t = planFact(d);
    expect(rowOf(t, 'Анна Соколова')).toEqual(rowOf(base, 'Анна Соколова'));
    expect(t.some((r) => /соколова/.test(String(r[0])))).toBe(false);
    expect(total(t)).toEqual(total(base));
  });

  it('resolves a manager plan written by name', () => {
    const pl = copy(plans);
    for (const r of pl) if (r[TARGET] === 'a.sokolov@vektor-trade.ru') r[TARGET] = 'Анна Соколова';
    expect(planFact(deals, '2026-11', pl)).toEqual(base);
  });

  it('reports a manager not on the Managers sheet, under the name as written', () => {
    const d = copy(deals);
    const [i] = wonInNovember(d);
    d[i][MANAGER] = 'Пётр Новиков';
    const t = planFact(d);
    expect(rowOf(t, 'Пётр Новиков')?.[2]).toBe(d[i][AMOUNT]);
    expect(total(t)[2]).toBe(total(base)[2]);
    expect(noteRows(t)).toContain('Нет на листе «Менеджеры» (показаны как записаны): Пётр Новиков');
  });

  it('counts a won deal whose close date does not parse in a "not dated" note', () => {
    const d = copy(deals);
    const [i, j] = wonInNovember(d);
    d[i][CLOSED] = '31.11.2026';
    d[j][CLOSED] = 'вчера';
    const t = planFact(d);
    const lost = (d[i][AMOUNT] as number) + (d[j][AMOUNT] as number);
    expect(total(t)[2]).toBeCloseTo((total(base)[2] as number) - lost, 2);
    expect(noteRows(t)).toContain(
      'Успешных сделок без читаемой даты закрытия (не вошли ни в один период): 2',
    );
  });

  it('flags negative amounts and plans and clamps probabilities outside 0-100 %', () => {
    const d = copy(deals);
    const [i] = wonInNovember(d);
    d[i][AMOUNT] = -1000;
    const EXPECTED = col('Ожидаемое закрытие');
    const open = d.findIndex(
      (r, k) =>
        k > 0 &&
        r[STAGE] !== 'Успешно' &&
        r[STAGE] !== 'Проиграна' &&
        r[EXPECTED] instanceof Date &&
        (r[EXPECTED] as Date) >= dateCell(2026, 11, 1) &&
        (r[EXPECTED] as Date) <= dateCell(2026, 11, 30),
    );
    expect(open).toBeGreaterThan(0);
    d[open][PROB] = 150;
    const pl = copy(plans);
    const n = pl.findIndex(
      (r) => r[LEVEL] === 'Менеджер' && r[PERIOD] === '2026-11' && r[METRIC] === 'Выручка',
    );
    pl[n][VALUE] = -5;
    const notes = noteRows(planFact(d, '2026-11', pl));
    expect(notes).toContain('Сделок с отрицательной суммой (учтены как есть): 1');
    expect(notes.some((x) => /^Сделок с вероятностью вне 0–100 %/.test(x))).toBe(true);
    expect(notes.find((x) => x.startsWith('Отрицательный план:'))).toBeDefined();
  });

  it('reads English stage names with the default probabilities and kinds', () => {
    const d = copy(deals);
    const en: Record<string, string> = {
      Успешно: 'Won',
      Проиграна: 'Lost',
      'Новая заявка': 'New lead',
      Квалификация: 'Qualification',
      'Встреча / презентация': 'Meeting',
      'Коммерческое предложение': 'Proposal',
      'Согласование договора': 'Contract',
      'Счёт выставлен': 'Invoiced',
    };
    for (const r of d.slice(1)) r[STAGE] = en[String(r[STAGE])] ?? r[STAGE];
    expect(planFact(d)).toEqual(base);
  });

  it('accepts every period form the Plans sheet does, a date among them', () => {
    const forms: unknown[] = [
      '2026-11',
      'ноябрь 2026',
      'Nov 2026',
      dateCell(2026, 11, 1),
      '11.2026',
    ];
    for (const f of forms) expect(planFact(deals, f)).toEqual(base);
    expect(planFact(deals, 'Q4 2026')).toEqual(planFact(deals, '4 кв. 2026'));
    for (const fn of ['SALES_FORECAST'] as const) {
      const a = call(fn, [deals, plans, 'ноябрь 2026', asOf]);
      expect(call(fn, [deals, plans, dateCell(2026, 11, 1), asOf])).toEqual(a);
    }
    expect(call('SALES_KPI', [deals, 'Q4 2026'])).toEqual(call('SALES_KPI', [deals, '2026-Q4']));
  });

  it('says a quarter plan is partial, and which months have none', () => {
    const onlyNovember = plans.filter((r, i) => i === 0 || r[PERIOD] === '2026-11');
    const t = planFact(deals, 'Q4 2026', onlyNovember);
    expect(noteRows(t)).toContain(
      'План задан не на все месяцы периода, нет плана на: 2026-10, 2026-12',
    );
    expect(noteRows(planFact(deals, 'Q4 2026'))).not.toContainEqual(
      expect.stringMatching(/не на все месяцы/),
    );
  });

  it('returns percentages at full precision', () => {
    const r = rowOf(base, 'Итого')!;
    expect(r[3]).toBeCloseTo(((r[2] as number) / (r[1] as number)) * 100, 9);
  });
});

describe('two managers with the same display name', () => {
  const p = demoProject();
  const sheet = p.emulator.spreadsheet.getSheetByName('Менеджеры')!;
  sheet.appendRow(['Иван Козлов', 'i.kozlov2@vektor-trade.ru', 'Север', 'Менеджер', true]);
  const deals = range(p, 'Сделки');
  const plans = range(p, 'Планы');
  const MANAGER = deals[0].indexOf('Менеджер');
  it('get one row each, told apart by team, with their own figures', () => {
    const d = deals.map((r) => r.slice());
    const [STAGE, CLOSED] = [deals[0].indexOf('Этап'), deals[0].indexOf('Дата закрытия')];
    const mine = d.findIndex(
      (r, i) =>
        i > 0 &&
        r[MANAGER] === 'e.vasilev@vektor-trade.ru' &&
        r[STAGE] === 'Успешно' &&
        (r[CLOSED] as Date) >= dateCell(2026, 10, 1) &&
        (r[CLOSED] as Date) <= dateCell(2026, 11, 27),
    );
    d[mine][MANAGER] = 'i.kozlov2@vektor-trade.ru';
    const t = p.customFunction('SALES_PLAN_FACT', [plans, d, 'Q4 2026']) as unknown[][];
    const names = t.map((r) => String(r[0])).filter((n) => n.startsWith('Иван Козлов'));
    expect(names).toEqual(['Иван Козлов (Север)', 'Иван Козлов (Юг)']);
    // A deal that only says «Иван Козлов» cannot be given to either: it is reported.
    d[mine][MANAGER] = 'Иван Козлов';
    const t2 = p.customFunction('SALES_PLAN_FACT', [plans, d, 'Q4 2026']) as unknown[][];
    expect(t2.map((r) => String(r[0])).join('\n')).toMatch(
      /Это имя у нескольких менеджеров.*Иван Козлов/,
    );
  });
});

describe('the dashboard shows the same notes', () => {
  const p = demoProject();
  const sheet = p.emulator.spreadsheet.getSheetByName('Сделки')!;
  const values = sheet.getDataRange().getValues();
  const [STAGE, CLOSED, MANAGER] = ['Этап', 'Дата закрытия', 'Менеджер'].map((h) =>
    values[0].indexOf(h),
  );
  const i = values.findIndex((r, k) => k > 0 && r[STAGE] === 'Успешно');
  sheet.getRange(i + 1, CLOSED + 1).setValue('31.11.2026');
  sheet.getRange(i + 2, MANAGER + 1).setValue('Анна Соколова');
  p.run('menuRefreshDashboard');
  it('lists the undated won deal under the plan-fact block, and no lower-case name row', () => {
    const cells = range(p, 'Дашборд').map((r) => String(r[0]));
    expect(cells).toContain(
      'Успешных сделок без читаемой даты закрытия (не вошли ни в один период): 1',
    );
    expect(cells.some((c) => c === 'анна соколова')).toBe(false);
    const plain = demoProject();
    plain.run('menuRefreshDashboard');
    const rows = (x: string[]) => x.filter((c) => c === 'Анна Соколова').length;
    expect(rows(cells)).toBe(rows(range(plain, 'Дашборд').map((r) => String(r[0]))));
  });
});
