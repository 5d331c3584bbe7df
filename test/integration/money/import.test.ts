/** Expenses imported from a file into the Spend sheet through the bundle: preview, import, refusals. */
import { ok, rpc, seedDemo } from '../rpc/seed';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const CSV =
  'Дата;Статья;Источник;Сумма;Комментарий\n' +
  '03.11.2026;Реклама;Реклама;12 500,50;Директ\n' +
  '04.11.2026;Выставки;;30000;=HYPERLINK("http://x")\n' +
  ';Реклама;;100;\n' +
  '05.11.2026;;;abc;\n';

describe('spend import (the import panel, target "spend")', () => {
  const demo = seedDemo();
  const { project } = demo;
  const spendRows = () =>
    project.emulator.spreadsheet.getSheetByName('Расходы')!.getDataRange().getValues();
  const file = (mode: 'preview' | 'import', csv = CSV) =>
    ({ mode, target: 'spend', name: 'spend.csv', type: 'text/csv', base64: b64(csv) }) as const;

  it('previews the mapping and the rejected rows with their reasons, writing nothing', () => {
    const before = spendRows().length;
    const r = ok(rpc(project, demo.head, 'importFile', file('preview')));
    expect(r.mapping.map((m) => m.field)).toEqual([
      'Дата',
      'Статья',
      'Источник',
      'Сумма',
      'Комментарий',
    ]);
    expect(r.added).toBe(2);
    expect(r.rejected).toEqual([
      { row: 4, reasons: ['нет даты или она не читается'] },
      { row: 5, reasons: ['не указана статья', 'нет суммы или она не число'] },
    ]);
    expect(spendRows().length).toBe(before);
    expect(project.lastCalls['Range.setValues'] ?? 0).toBe(0);
  });

  it('imports the good rows in one write, amounts in roubles, formulas neutralised', () => {
    const before = spendRows().length;
    const r = ok(rpc(project, demo.head, 'importFile', file('import')));
    expect(r).toMatchObject({ mode: 'import', added: 2 });
    const rows = spendRows();
    expect(rows.length).toBe(before + 2);
    expect(rows[rows.length - 2].slice(1, 4)).toEqual(['Реклама', 'Реклама', 12500.5]);
    expect(rows[rows.length - 1][4]).toBe('=HYPERLINK("http://x")');
    const sheet = project.emulator.spreadsheet.getSheetByName('Расходы')!;
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(project.lastCalls['Range.setValues']).toBe(1);
    expect(project.lastReads['Расходы'] ?? 0).toBeLessThanOrEqual(1);
  });

  it('a file without the amount column names it and imports nothing', () => {
    const r = ok(
      rpc(project, demo.head, 'importFile', file('import', 'Дата;Статья\n03.11.2026;Реклама\n')),
    );
    expect(r.missing).toEqual(['Сумма']);
    expect(r.added).toBe(0);
    expect(project.lastCalls['Range.setValues'] ?? 0).toBe(0);
  });

  it('a manager may not import expenses', () => {
    const reply = rpc(project, demo.managers[0], 'importFile', file('import'));
    expect(reply.ok).toBe(false);
  });
});
