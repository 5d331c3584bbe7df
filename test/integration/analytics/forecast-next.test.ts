/**
 * SALES_FORECAST_NEXT and the fact basis through the built bundle on the demo workbook: the
 * formula and the dashboard give the same figures for the same day and basis, and a custom
 * function reads only the sheets it names.
 */
import type { Project } from '../../../local/harness';
import { dateCell, demoProject, forbiddenCalls, named, range } from './helpers';

const asOf = dateCell(2026, 11, 27);
const MONTHS = ['2026-12', '2027-01', '2027-02'];

function call(p: Project, name: string, args: unknown[], reads: number): unknown[][] {
  const out = p.customFunction(name, args) as unknown[][];
  expect(forbiddenCalls(p.lastCalls)).toEqual([]);
  expect(p.lastCalls['Range.getValues'] ?? 0).toBeLessThanOrEqual(reads);
  return out;
}

/** The data rows of a dashboard block, by its title, up to the first blank first cell. */
function block(p: Project, title: string): unknown[][] {
  const v = range(p, 'Дашборд');
  const at = v.findIndex((r) => r[0] === title);
  expect(at).toBeGreaterThan(0);
  const rows = v.slice(at + 2);
  return rows.slice(
    0,
    rows.findIndex((r) => r[0] === ''),
  );
}

function setFactBasis(p: Project, value: string): void {
  const sheet = p.emulator.spreadsheet.getSheetByName('Настройки')!;
  const v = sheet.getDataRange().getValues();
  const row = v.findIndex((r) => r[0] === 'Факт считать по');
  expect(row).toBeGreaterThanOrEqual(0);
  sheet.getRange(row + 1, 2).setValue(value);
}

describe('SALES_FORECAST_NEXT on the demo workbook', () => {
  const p = demoProject();
  const deals = range(p, 'Сделки');

  it('forecasts the months after the current one, the blend between its parts, within its band', () => {
    // Settings, Managers and the Stage history (the backtest's past stages): one read each.
    const t = call(p, 'SALES_FORECAST_NEXT', [deals, 3, 36, asOf], 3);
    expect(p.lastReads).toEqual({ Настройки: 1, Менеджеры: 1, 'История этапов': 1 });
    expect(t[0]).toEqual([
      'Месяц',
      'Факт / прогноз',
      'Нижняя граница',
      'Верхняя граница',
      'По истории',
      'По воронке',
      'Как посчитано',
    ]);
    const rows = t.filter((r) => MONTHS.includes(r[0] as string));
    expect(rows.map((r) => r[0])).toEqual(MONTHS);
    for (const [, value, low, high, history, pipeline] of rows as number[][]) {
      expect(low).toBeLessThanOrEqual(value);
      expect(value).toBeLessThanOrEqual(high);
      expect(value).toBeGreaterThanOrEqual(Math.min(history, pipeline) - 0.01);
      expect(value).toBeLessThanOrEqual(Math.max(history, pipeline) + 0.01);
    }
    // The tested months came before, each with its fact and both methods' forecasts.
    const tested = t.filter((r) => /^\d{4}-\d{2}$/.test(String(r[0])) && r[2] === '');
    expect(tested.length).toBeGreaterThanOrEqual(6);
    expect(tested.every((r) => typeof r[1] === 'number' && typeof r[4] === 'number')).toBe(true);
    expect(t.some((r) => String(r[0]).startsWith('Точность за последние'))).toBe(true);
  });

  it('gives the dashboard block the same forecast for the same day', () => {
    p.run('menuRefreshDashboard');
    const dash = block(p, 'Прогноз на следующие месяцы');
    const t = call(p, 'SALES_FORECAST_NEXT', [deals, '', '', asOf], 3);
    for (const month of MONTHS) {
      const d = dash.find((r) => r[0] === month)!;
      const f = t.find((r) => r[0] === month)!;
      // Dashboard: month, actual, forecast, low, high, history, pipeline.
      expect([d[2], d[3], d[4], d[5], d[6]]).toEqual([f[1], f[2], f[3], f[4], f[5]]);
    }
  });

  it('per manager, one block of rows each, named', () => {
    const t = call(p, 'SALES_FORECAST_NEXT', [deals, 1, '', asOf, 'менеджер'], 3);
    expect(t[0][0]).toBe('Кто');
    const names = new Set(t.slice(1).map((r) => r[0]));
    expect(names.size).toBeGreaterThan(3);
  });

  it('says which argument is wrong', () => {
    expect(() => p.customFunction('SALES_FORECAST_NEXT', [deals, 13])).toThrow(
      'Аргумент «periods»: нужно целое число от 1 до 12, а не «13»',
    );
    expect(() =>
      p.customFunction('SALES_FORECAST_NEXT', [deals, 3, 36, asOf, '', 'оплаты']),
    ).toThrow('Аргумент «invoices»');
  });
});

describe('fact basis: a formula and the dashboard give the same fact', () => {
  const p = demoProject();
  const deals = range(p, 'Сделки');
  const plans = range(p, 'Планы');
  const invoices = range(p, 'Счета');
  const scheme = named(p, 'ROP_BONUS');
  const total = (t: unknown[][], col: number): number =>
    t.find((r) => r[0] === 'Итого')![col] as number;

  it.each([
    ['Выигранные сделки', 'won'],
    ['Оплаты', 'payments'],
  ])('Settings «%s» = basis "%s"', (setting, basis) => {
    setFactBasis(p, setting);
    p.run('menuRefreshDashboard');
    const dashFact = block(p, 'План-факт и прогноз: 2026-11').find((r) => r[0] === 'Компания')![2];
    // Name and fact per manager (the dashboard ranks by completion, the function by name).
    const byName = (rows: unknown[][]) =>
      rows.map((r) => [r[0], r[3]]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const dashBonus = byName(block(p, 'Премии за период'));
    // Invoices are read from the range; Clients too (a payment without a deal is its client's).
    const planFact = call(
      p,
      'SALES_PLAN_FACT',
      [plans, deals, '2026-11', 'company', asOf, basis, invoices],
      4,
    );
    expect(planFact[1][2]).toBe(dashFact);
    const forecast = call(p, 'SALES_FORECAST', [deals, plans, '2026-11', asOf, basis, invoices], 4);
    expect(total(forecast, 2)).toBe(dashFact);
    const bonus = call(p, 'SALES_BONUS', [plans, deals, scheme, '2026-11', invoices, basis], 4);
    expect(byName(bonus.slice(1, -1))).toEqual(dashBonus);
    const next = call(p, 'SALES_FORECAST_NEXT', [deals, 3, 36, asOf, '', basis, invoices], 4);
    const dashNext = block(p, 'Прогноз на следующие месяцы');
    expect(next.find((r) => r[0] === '2026-10')![1]).toBe(
      dashNext.find((r) => r[0] === '2026-10')![1],
    );
  });

  it('the two bases differ on the demo, so the test above compares something', () => {
    const won = call(p, 'SALES_PLAN_FACT', [plans, deals, '2026-11', 'company', asOf], 3);
    const paid = call(
      p,
      'SALES_PLAN_FACT',
      [plans, deals, '2026-11', 'company', asOf, 'payments', invoices],
      4,
    );
    expect(won[1][2]).not.toBe(paid[1][2]);
  });
});
