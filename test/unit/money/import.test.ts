import { spendFromRows } from '../../../src/core/money/import';
import { day, moscow, rub } from '../analytics/fixtures';

describe('spend from a file', () => {
  it('maps English headers and aliases in any order, and reads amounts as typed', () => {
    const r = spendFromRows(
      [
        ['', ''],
        ['Cost', 'Line', 'Date', 'Note', 'Extra'],
        ['1 200,50 ₽', 'Ads', '2026-11-03', 'search', 'x'],
      ],
      moscow,
      'en',
    );
    expect(r.mapping.map((m) => m.field)).toEqual(['Amount', 'Line', 'Date', 'Comment', '']);
    expect(r.missing).toEqual([]);
    expect(r.rows).toEqual([
      { date: day(2026, 11, 3), line: 'Ads', source: '', amount: rub(1200.5), comment: 'search' },
    ]);
  });

  it('names missing required columns and reads no row', () => {
    const r = spendFromRows([['Статья'], ['Реклама']], moscow, 'ru');
    expect(r.missing).toEqual(['Дата', 'Сумма']);
    expect(r.rows).toEqual([]);
  });
});
