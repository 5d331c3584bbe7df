// Issue #12, "a manager written as a name", through the built bundle: SALES_KPI and SALES_AGING
// resolve a manager cell through the Managers sheet as SALES_PLAN_FACT does (the demo's own
// figures are the yardstick); one not on the sheet is named in a note, never a lower-case row.
import { dateCell, demoProject, range } from './helpers';

type Grid = unknown[][];

describe('manager names in KPI and receivables', () => {
  const p = demoProject();
  const deals = range(p, 'Сделки');
  const invoices = range(p, 'Счета');
  const asOf = dateCell(2026, 11, 27);
  const MANAGER = deals[0].indexOf('Менеджер');
  const EMAIL = 'a.sokolov@vektor-trade.ru';
  const call = (name: string, args: unknown[]): Grid => p.customFunction(name, args) as Grid;
  const kpi = (d: Grid, who: string): Grid => call('SALES_KPI', [d, '2026-11', who]);
  const noteRows = (t: Grid): string[] =>
    t.filter((r) => r.slice(1).every((c) => c === '')).map((r) => String(r[0]));
  const base = kpi(deals, EMAIL);

  it('SALES_KPI: a manager asked for by name, or written by name, is the same person', () => {
    expect(Number(base[1][1]) + Number(base[2][1])).toBeGreaterThan(0); // she closed deals
    expect(kpi(deals, 'Анна Соколова')).toEqual(base);
    expect(kpi(deals, 'соколова анна')).toEqual(base);
    const d = deals.map((r) => r.slice());
    for (const r of d) if (r[MANAGER] === EMAIL) r[MANAGER] = 'Анна Соколова';
    expect(kpi(d, EMAIL)).toEqual(base);
  });

  it('SALES_KPI: a manager not on the Managers sheet is named in a note', () => {
    const d = deals.map((r) => r.slice());
    d[1][MANAGER] = 'Пётр Новиков';
    const t = call('SALES_KPI', [d, '2026-11']);
    expect(noteRows(t)).toContain('Нет на листе «Менеджеры» (показаны как записаны): Пётр Новиков');
    expect(noteRows(call('SALES_KPI', [deals, '2026-11']))).toEqual([]);
  });

  it('SALES_AGING: a client whose manager is typed by name keeps the manager row and total', () => {
    const before = call('SALES_AGING', [invoices, asOf]);
    const clients = p.emulator.spreadsheet.getSheetByName('Клиенты')!;
    const values = clients.getDataRange().getValues();
    const col = values[0].indexOf('Менеджер');
    const rows = values.map((r, i) => [r, i] as const).filter(([r]) => r[col] === EMAIL);
    expect(rows.length).toBeGreaterThan(0);
    for (const [, i] of rows) clients.getRange(i + 1, col + 1).setValue('Анна Соколова');
    // A debtor of another manager is moved to someone not on the Managers sheet.
    const debtor = String(before.find((r, i) => i > 0 && r[1] && r[1] !== 'Анна Соколова')![0]);
    const nameCol = values[0].indexOf('Клиент');
    const at = values.findIndex((r) => r[nameCol] === debtor);
    clients.getRange(at + 1, col + 1).setValue('Пётр Новиков');
    const after = call('SALES_AGING', [invoices, asOf]);
    const total = (t: Grid) => t.find((r) => r[0] === 'Итого');
    expect(total(after)).toEqual(total(before));
    // Every debt of hers still shows her name; nothing shows a lower-cased name.
    const hers = (t: Grid) => t.filter((r) => r[1] === 'Анна Соколова').map((r) => r[0]);
    expect(hers(after)).toEqual(hers(before));
    expect(hers(after).length).toBeGreaterThan(0);
    expect(after.some((r) => /^[а-яё ]+$/.test(String(r[1])))).toBe(false);
    expect(after.find((r) => r[0] === debtor)?.[1]).toBe('Пётр Новиков');
    expect(noteRows(after)).toContain(
      'Нет на листе «Менеджеры» (показаны как записаны): Пётр Новиков',
    );
  });
});
