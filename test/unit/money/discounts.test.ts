/**
 * SALES_DISCOUNTS drops, before parsing, the deals not closed in the period and the lines of
 * other deals: the figures must be those of the whole ranges. And a deal's lines in two
 * currencies count at their converted value.
 */
import { salesDiscounts, type FunctionContext } from '../../../src/core/analytics/functions';
import { priceRealisation } from '../../../src/core/money/discounts';
import { toDealLine } from '../../../src/core/money/lines';
import { readTyped } from '../../../src/core/workbook/tables';
import { readDeals } from '../../../src/core/workbook/records';
import { DEAL_LINES } from '../../../src/core/workbook/schema';
import { parsePeriod } from '../../../src/core/workbook/period';
import { manager, moscow, msk, settings } from '../analytics/fixtures';

const ctx: FunctionContext = {
  zone: moscow,
  now: msk(2026, 11, 27, 12),
  settings: settings({ rates: [{ currency: 'USD', rate: 90 }] }),
  managers: [manager({ email: 'ivan@firm.ru', name: 'Иван Петров' })],
  clients: [],
  lang: 'ru',
};
const cell = (y: number, m: number, d: number): Date => new Date(msk(y, m, d));

const deals: unknown[][] = [
  ['ID', 'ID клиента', 'Менеджер', 'Этап', 'Сумма', 'Валюта', 'Дата закрытия'],
  ['D-1', 'C-1', 'ivan@firm.ru', 'Успешно', 1000, '', cell(2026, 11, 1)], // first day, in
  ['D-2', 'C-1', 'ivan@firm.ru', 'Проиграна', 1000, '', '15.11.2026'], // typed as text, in
  ['D-3', 'C-1', 'ivan@firm.ru', 'Квалификация', 1000, '', ''], // open
  ['D-4', 'C-1', 'ivan@firm.ru', 'Успешно', 1000, '', cell(2026, 10, 31)], // the day before
  ['D-5', 'C-1', 'ivan@firm.ru', 'Успешно', 1000, '', cell(2026, 11, 30)], // last day, in
  ['D-6', 'C-1', 'ivan@firm.ru', 'Успешно', 1000, '', cell(2026, 12, 1)], // the day after
];
const lines: unknown[][] = [
  ['ID сделки', 'Товар', 'Количество', 'Цена по прайсу', 'Цена', 'Валюта'],
  [' d-1 ', 'Станок', 1, 1000, 950, ''], // the id as typed by hand: trimmed, any case
  ['D-2', 'Станок', 1, 1000, 800, ''],
  ['D-3', 'Станок', 1, 1000, 500, ''],
  ['D-4', 'Станок', 1, 1000, 500, ''],
  // Two currencies on one deal: 1 000 ₽ at list price and 10 $ sold at 9 $ (90 ₽ a dollar).
  ['D-5', 'Станок', 1, 1000, 1000, ''],
  ['D-5', 'Услуга', 1, 10, 9, 'USD'],
  ['D-6', 'Станок', 1, 1000, 500, ''],
];

describe('SALES_DISCOUNTS reads only what the period needs', () => {
  const period = parsePeriod('2026-11')!;

  it('gives the figures of the whole ranges: first and last day in, the days around out', () => {
    const all = priceRealisation({
      deals: readDeals(deals, moscow),
      lines: readTyped(lines, DEAL_LINES, moscow, toDealLine),
      settings: ctx.settings,
      period,
      by: 'manager',
    });
    // D-1 (5 %), D-2 (20 %, lost) and D-5 (90 ₽ of 1 900 ₽ list).
    expect(all.total).toMatchObject({ closedWith: 3, wonWith: 2, closedWithout: 0 });
    expect(all.total.given).toBe(5_000 + 9_000);
    expect(all.total.listValue).toBe(100_000 + 190_000);
    const out = salesDiscounts(ctx, deals, lines, '2026-11') as unknown[][];
    const total = out.find((r) => r[0] === 'Итого')!;
    const [lineCount, avg, given, winWith, winWithout, closedWith, closedWithout] = total.slice(
      1,
      8,
    );
    expect([lineCount, given, winWithout, closedWith, closedWithout]).toEqual([4, 140, '', 3, 0]);
    expect(avg).toBeCloseTo((14_000 / 290_000) * 100, 9);
    expect(winWith).toBeCloseTo((2 / 3) * 100, 9);
    // Bands: none 0; up to 5 %: D-1 (exactly 5 %) and D-5 (4.7 %); 15+ : D-2.
    const bands = out.slice(out.findIndex((r) => r[0] === 'Скидка сделки') + 1);
    expect(bands.slice(0, 5).map((r) => r[1])).toEqual([0, 2, 0, 0, 1]);
  });
});
