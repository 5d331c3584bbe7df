// Amounts above a sane bound (Settings, default 10^12 roubles) or beyond exact kopeck arithmetic
// are refused with a message naming the field, never stored rounded or as a typo.
import { t } from '../../../src/core/i18n';
import { MAX_AMOUNT, parseSettings } from '../../../src/core/workbook/settings';
import { Checker } from '../../../src/core/crm/validate';
import { DEALS } from '../../../src/core/workbook/schema';
import { fixedZone } from '../../../src/core/time';

const problem = (ck: Checker): string =>
  ck.problems.map((p) => t('ru', p.key, p.params ?? {})).join('; ');

describe('the amount bound', () => {
  it('accepts 10^12 roubles and refuses one kopeck more, naming the field', () => {
    const ck = new Checker(DEALS, 'ru');
    expect(ck.amount('amount', 1e12)).toBe(1e14);
    expect(ck.amount('amount', '1 000 000 000 000,01')).toBeNull();
    expect(problem(ck)).toBe(
      'Поле «Сумма»: сумма «1 000 000 000 000,01» больше наибольшей допустимой (1000000000000, лист «Настройки»).',
    );
  });
  it('refuses what kopecks cannot hold exactly, whatever the setting', () => {
    const ck = new Checker(DEALS, 'en', 1e18);
    expect(ck.amount('amount', 9e15)).toBeNull();
    expect(ck.problems[0]).toMatchObject({ key: 'crm.field.amountTooLarge' });
  });
  it('follows the Settings sheet bound', () => {
    const s = parseSettings(
      [
        ['Параметр', 'Значение'],
        ['Наибольшая сумма, ₽', 5_000_000],
      ],
      fixedZone('Europe/Moscow', 180),
    );
    expect(s.maxAmount).toBe(5_000_000);
    const ck = new Checker(DEALS, 'ru', s.maxAmount);
    expect(ck.amount('amount', 5_000_000)).toBe(500_000_000);
    expect(ck.amount('amount', 5_000_001)).toBeNull();
    expect(parseSettings([], fixedZone('Europe/Moscow', 180)).maxAmount).toBe(MAX_AMOUNT);
  });
});
