/** typedArg: a range argument straight into typed records, as tableArg + toX gives them. */
import { tableArg, typedArg, wordArg, type ArgReader } from '../../../src/core/analytics/args';
import { toDeal } from '../../../src/core/workbook/records';
import { UserError } from '../../../src/core/errors';
import { DEALS } from '../../../src/core/workbook/schema';
import { moscow } from './fixtures';

const reader: ArgReader = { lang: 'ru', zone: moscow, problem: (key) => key };

describe('typedArg', () => {
  const deals = [
    ['ID', 'ID клиента', 'Менеджер', 'Этап', 'Сумма', 'Дата закрытия'],
    ['d-1', 'C-1', 'Ivan@Firm.ru', 'Успешно', '1 234,56', new Date(Date.UTC(2026, 10, 26, 21))],
    ['', '', '', '', '', ''],
    ['D-2', 'C-2', 'olga@firm.ru', 'Квалификация', 10, ''],
  ];

  it('gives what tableArg and toDeal give, for all columns or some', () => {
    expect(typedArg(reader, 'deals', deals, DEALS, toDeal)).toEqual(
      tableArg(reader, 'deals', deals, DEALS).map(toDeal),
    );
    const keys = ['amount'];
    expect(typedArg(reader, 'deals', deals, DEALS, toDeal, keys)).toEqual(
      tableArg(reader, 'deals', deals, DEALS, keys).map(toDeal),
    );
  });

  it('names a range that is not one, or lacks columns', () => {
    expect(() => typedArg(reader, 'deals', 5, DEALS, toDeal)).toThrow(UserError);
    expect(() => typedArg(reader, 'deals', [['Сумма'], [1]], DEALS, toDeal)).toThrow(UserError);
  });
});

describe('wordArg (SALES_CAC, SALES_DISCOUNTS and the fact basis share it)', () => {
  const words = { month: true, месяц: true, source: false };

  it('reads a word in any case and spacing, from a cell or a one-cell range; blank is the fallback', () => {
    expect(wordArg(reader, 'by', '  Месяц ', words, false, 'money.arg.by')).toBe(true);
    expect(wordArg(reader, 'by', [['MONTH']], words, false, 'money.arg.by')).toBe(true);
    // A word whose value is false is still a word, not a miss.
    expect(wordArg(reader, 'by', 'source', words, true, 'money.arg.by')).toBe(false);
    expect(wordArg(reader, 'by', '', words, true, 'money.arg.by')).toBe(true);
  });

  it('anything else names the argument with the problem key it was given', () => {
    expect(() => wordArg(reader, 'by', 'неделя', words, false, 'money.arg.by')).toThrow(
      expect.objectContaining({ params: { name: 'by', problem: 'money.arg.by' } }),
    );
    expect(() => wordArg(reader, 'by', 'toString', words, false, 'money.arg.by')).toThrow(
      UserError,
    );
  });
});
