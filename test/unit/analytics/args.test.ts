/** typedArg: a range argument straight into typed records, as tableArg + toX gives them. */
import { tableArg, typedArg, type ArgReader } from '../../../src/core/analytics/args';
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
