/** onEdit flags a client typed by hand that duplicates another, reading only the key columns. */
import { createEmulator } from '../../../local/emulator';
import { loadProject } from '../../../local/harness';
import { setUpProject, sheet, values } from './helpers';

type P = ReturnType<typeof setUpProject>;
const a1 = (p: P, col: string, row: number): string => {
  const i = values(p, 'Клиенты')[0].map(String).indexOf(col);
  return `${String.fromCharCode(65 + i)}${row}`;
};
const cell = (p: P, col: string, row: number) => sheet(p, 'Клиенты').getRange(a1(p, col, row));

describe('onEdit: possible duplicate clients', () => {
  it('notes the other client id on a typed client with the same phone, and clears it after', () => {
    const p = setUpProject();
    p.edit('Клиенты', a1(p, 'Клиент', 2), 'ООО «Ромашка»', { user: 'ivan@firm.ru' });
    p.edit('Клиенты', a1(p, 'Телефон', 2), '+7 495 111-11-11', { user: 'ivan@firm.ru' });
    p.edit('Клиенты', a1(p, 'Клиент', 3), 'Лютик', { user: 'ivan@firm.ru' });
    expect(cell(p, 'Клиент', 3).getNote()).toBe('');
    p.edit('Клиенты', a1(p, 'Телефон', 3), '8 (495) 111-11-11', { user: 'ivan@firm.ru' });
    const id = String(cell(p, 'ID', 2).getValue());
    expect(id).toMatch(/^C-/);
    expect(cell(p, 'Клиент', 3).getNote()).toBe(
      `Возможный дубль ${id} (совпало: телефон), проверьте`,
    );
    // The row itself never counts as its own duplicate, and a fixed phone clears the flag.
    expect(cell(p, 'Клиент', 2).getNote()).toBe('');
    p.edit('Клиенты', a1(p, 'Телефон', 3), '+7 495 222-22-22', { user: 'ivan@firm.ru' });
    expect(cell(p, 'Клиент', 3).getNote()).toBe('');
  });

  it('reads only the key columns at 10,000 clients', () => {
    const p = loadProject({ emulator: createEmulator({ activeUser: 'head@vektor-trade.ru' }) });
    p.run('menuSetupWorkbook');
    const s = p.emulator.spreadsheet.getSheetByName('Клиенты')!;
    const head = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].map(String);
    const col = (h: string) => head.indexOf(h);
    const body = Array.from({ length: 10_000 }, (_, i) => {
      const r: unknown[] = head.map(() => '');
      r[col('ID')] = `C-${String(i + 1).padStart(6, '0')}`;
      r[col('Клиент')] = `Клиент ${i}`;
      r[col('Телефон')] = `+7495${String(1_000_000 + i)}`;
      return r;
    });
    if (s.getMaxRows() < 10_100) s.insertRowsAfter(s.getMaxRows(), 10_100 - s.getMaxRows());
    s.getRange(2, 1, body.length, head.length).setValues(body);
    const at = (c: string, row: number) => `${String.fromCharCode(65 + col(c))}${row}`;
    p.edit('Клиенты', at('Клиент', 10_002), 'Новый', { user: 'head@vektor-trade.ru' });
    // The emulator holds the simple trigger to its 30 s budget (its own clock, not this machine's).
    p.edit('Клиенты', at('Телефон', 10_002), '+7 495 100 01 23', { user: 'head@vektor-trade.ru' });
    expect(s.getRange(at('Клиент', 10_002)).getNote()).toBe(
      'Возможный дубль C-000124 (совпало: телефон), проверьте',
    );
    // The header, the edited row, and one read per key column (id, name, phone, email, INN).
    expect(p.lastReads['Клиенты']).toBeLessThanOrEqual(8);
  });
});
