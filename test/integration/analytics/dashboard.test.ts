import { createEmulator } from '../../../local/emulator';
import { loadProject, type Project } from '../../../local/harness';
import { demoProject, range } from './helpers';

/** Spreadsheet service calls of the last execution (Utilities, Lock, Properties left out). */
function sheetCalls(p: Project): Record<string, number> {
  return Object.fromEntries(
    Object.entries(p.lastCalls).filter(([k]) =>
      /^(SpreadsheetApp|Spreadsheet|Sheet|Range|EmbeddedChart|DeveloperMetadata)/.test(k),
    ),
  );
}

const titles = (values: unknown[][]): string[] => values.map((r) => String(r[0]));

describe('Refresh dashboard on the demo workbook', () => {
  const p = demoProject();
  p.run('menuRefreshDashboard');
  const first = sheetCalls(p);
  const firstReads = { ...p.lastReads };
  const dash = () => p.emulator.spreadsheet.getSheetByName('Дашборд')!;

  it('writes the current month with every block', () => {
    const v = range(p, 'Дашборд');
    // The title says which period is shown, as the period cell does.
    expect(v[0][0]).toBe('ROP Desk — дашборд руководителя продаж · 2026-11');
    expect(v[1].slice(0, 2)).toEqual(['Период', '2026-11']);
    expect(v[2][0]).toBe('Обновлено 27.11.2026 09:00; данные на 27.11.2026');
    const t = titles(v);
    for (const title of [
      'План-факт и прогноз: 2026-11',
      'Менеджер',
      'Показатели сделок',
      'Воронка: сделки, созданные в периоде',
      'Дебиторская задолженность по срокам, 27.11.2026',
      'Должники (топ-10)',
      'Премии за период',
      'Дисциплина',
    ]) {
      expect(t).toContain(title);
    }
    const pf = t.indexOf('План-факт и прогноз: 2026-11');
    expect(v[pf + 2][0]).toBe('Компания');
    expect(v[pf + 2][2]).toBeGreaterThan(0);
    expect(
      dash()
        .getRange(pf + 3, 2)
        .getNumberFormat(),
    ).toBe('#,##0.00 "₽"');
    expect(
      dash()
        .getRange(pf + 3, 4)
        .getNumberFormat(),
    ).toBe('0.0%');
    expect(p.emulator.ui.alerts).toEqual([]);
  });

  it('reads as the head reads it: no trailing separators, ranked managers, room for the figures', () => {
    const sheet = dash();
    const formats = sheet.getDataRange().getNumberFormats().flat();
    // '0.##' shows «559,» in Sheets: no format of ours with an optional decimal ("0.####…" is
    // what Google answers for a cell left on Automatic).
    const ours = formats.filter((f) => f !== '0.###############');
    expect(ours.filter((f) => /\.#/.test(f))).toEqual([]);
    const v = range(p, 'Дашборд');
    const t = titles(v);
    const at = t.indexOf('Менеджер') + 2;
    const managers = v.slice(at, at + range(p, 'Менеджеры').length - 3);
    const completion = managers.map((r) => r[3]).filter((x): x is number => x !== '');
    expect(completion.length).toBeGreaterThan(1);
    expect(completion).toEqual([...completion].sort((a, b) => b - a));
    // Column A holds names; the figures start within a laptop screen.
    expect(sheet.getColumnWidth(1)).toBeLessThanOrEqual(220);
    expect(sheet.getColumnWidth(4)).toBeGreaterThanOrEqual(110);
    const d = t.indexOf('Дисциплина') + 1;
    const head = v[d].map(String);
    const col = head.indexOf('Заполненность CRM, %');
    const rows = v.slice(d + 1).filter((r) => String(r[0]) !== '');
    expect(rows.every((r) => typeof r[col] === 'number')).toBe(true);
    const minutes = head.indexOf('Реакция на лид, медиана, мин');
    expect(rows.every((r) => r[minutes] === '' || Number.isInteger(r[minutes]))).toBe(true);
  });

  it('creates seven native charts fed by the blocks (three of them the money blocks)', () => {
    const charts = dash().getCharts();
    expect(charts.map((c) => String(c.modify().getChartType())).sort()).toEqual([
      'BAR',
      'BAR',
      'COLUMN',
      'COLUMN',
      'COLUMN',
      'COLUMN',
      'LINE',
    ]);
    const v = range(p, 'Дашборд');
    const managers = titles(v).indexOf('Менеджер') + 1; // 1-based row of the block title
    const a1 = charts.map((c) => c.getRanges()[0].getA1Notation());
    expect(a1).toContain(`A${managers + 1}:C${managers + 1 + (range(p, 'Менеджеры').length - 3)}`);
    const aging = titles(v).indexOf('Дебиторская задолженность по срокам, 27.11.2026') + 1;
    expect(a1).toContain(`A${aging + 1}:B${aging + 6}`); // header + 5 buckets, not the total
    // The forecast: month, actual, forecast, low, high over the tested and the 3 forecast months.
    const forecast = titles(v).indexOf('Прогноз на следующие месяцы') + 1;
    const months = titles(v.slice(forecast + 1)).findIndex((x) => !/^\d{4}-\d{2}$/.test(x));
    expect(months).toBeGreaterThanOrEqual(3 + 6);
    expect(titles(v.slice(forecast + 1 + months - 3, forecast + 1 + months))).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    expect(a1).toContain(`A${forecast + 1}:E${forecast + 1 + months}`);
  });

  it('updates the same charts on every refresh, never duplicating them', () => {
    const ids = dash()
      .getCharts()
      .map((c) => c.getChartId())
      .sort();
    p.run('menuRefreshDashboard');
    p.run('menuRefreshDashboard');
    expect(
      dash()
        .getCharts()
        .map((c) => c.getChartId())
        .sort(),
    ).toEqual(ids);
  });

  it('recreates a chart the user deleted, once', () => {
    const [gone, ...kept] = dash().getCharts();
    dash().removeChart(gone);
    p.run('menuRefreshDashboard');
    const after = dash().getCharts();
    expect(after).toHaveLength(7);
    expect(after.map((c) => c.getChartId())).toEqual(
      expect.arrayContaining(kept.map((c) => c.getChartId())),
    );
    p.run('menuRefreshDashboard');
    expect(dash().getCharts()).toHaveLength(7);
  });

  it('follows the period typed into B2', () => {
    dash().getRange('B2').setValue('2026-q4');
    p.run('menuRefreshDashboard');
    const v = range(p, 'Дашборд');
    expect(v[1][1]).toBe('2026-Q4');
    expect(titles(v)).toContain('План-факт и прогноз: 2026-Q4');
    dash().getRange('B2').setValue('вчера');
    p.run('menuRefreshDashboard');
    expect(range(p, 'Дашборд')[2][0]).toBe(
      'Период «вчера» не понят, показан текущий месяц 2026-11.',
    );
  });

  it('writes each block with one setValues, and makes as many calls for twice the rows', () => {
    // Blocks + the header: 16 or 17 blocks (plan inconsistencies only when there are some).
    expect(first['Range.setValues']).toBeGreaterThanOrEqual(16);
    expect(first['Range.setValues']).toBeLessThanOrEqual(18);
    // Settings + 7 data sheets + Tasks, Budget, Spend and Deal lines, one read each
    expect(first['Range.getValues']).toBe(12);
    expect(firstReads['Строки сделок']).toBe(1);
    expect(Object.values(firstReads).every((n) => n === 1)).toBe(true);

    const doubled = demoProject();
    const ss = doubled.emulator.spreadsheet;
    for (const name of ['Сделки', 'Активности', 'Счета', 'История этапов', 'Клиенты']) {
      const s = ss.getSheetByName(name)!;
      const body = s.getDataRange().getValues().slice(1);
      s.insertRowsAfter(s.getMaxRows(), body.length);
      s.getRange(s.getLastRow() + 1, 1, body.length, body[0].length).setValues(body);
    }
    doubled.run('menuRefreshDashboard'); // creates the charts
    doubled.run('menuRefreshDashboard');
    p.run('menuRefreshDashboard');
    expect(sheetCalls(doubled)).toEqual(sheetCalls(p));
  });
});

describe('Refresh dashboard without data', () => {
  it('shows zeros and hints on a set-up but empty workbook', () => {
    const p = loadProject({ emulator: createEmulator({ activeUser: 'head@firm.ru' }) });
    p.run('menuSetupWorkbook');
    p.run('menuRefreshDashboard');
    const v = range(p, 'Дашборд');
    expect(v[3][0]).toBe(
      'Нет данных — добавьте сделки и планы или выберите «Настроить и заполнить демо-данными».',
    );
    const t = titles(v);
    const pf = t.indexOf('План-факт и прогноз: 2026-11');
    expect(v[pf + 2].slice(0, 3)).toEqual(['Компания', 0, 0]);
    expect(t).toContain('Планов на период нет: добавьте строки на лист «Планы».');
    expect(t).toContain('Долгов нет.');
    // No budget and no spend: no money blocks, so no money charts.
    expect(p.emulator.spreadsheet.getSheetByName('Дашборд')!.getCharts()).toHaveLength(4);
    expect(p.emulator.ui.alerts).toEqual([]);
  });

  it('works even before setup, creating the Dashboard sheet', () => {
    const p = loadProject({ emulator: createEmulator({ activeUser: 'head@firm.ru' }) });
    p.run('menuRefreshDashboard');
    expect(range(p, 'Дашборд')[1].slice(0, 2)).toEqual(['Период', '2026-11']);
  });
});
