// A form response that fails is logged with its contact first, in the user's language.
import { failureMessage } from '../../../src/app/crm/form';
import { UserError } from '../../../src/core/errors';
import { cutToCell } from '../../../src/core/crm/validate';

describe('the Log line of a failed form response', () => {
  const answers = {
    'Название компании': 'ООО «Ромашка»',
    Телефон: '8 916 000 11 22',
    Email: 'a@b.ru',
    Комментарий: 'x'.repeat(100),
  };
  it('puts the reason and the contact before the answers, with the message key translated', () => {
    const err = new UserError('crm.import.tooBig', { name: 'f', max: 1 }, [
      { field: 'phone', key: 'crm.field.phone', params: { field: 'Телефон', value: '1' } },
    ]);
    const line = failureMessage(err, answers, 'ru');
    expect(line).toMatch(
      /^Ответ формы не стал лидом \(Файл «f» слишком большой: до 1 строк за раз\.; Поле «Телефон»/,
    );
    expect(line.indexOf('+79160001122')).toBeLessThan(line.indexOf('Ответы:'));
    expect(line).toContain('email a@b.ru');
    expect(line).not.toMatch(/crm\.[a-z]+\./);
    expect(failureMessage(new Error('Lock timeout'), answers, 'en')).toMatch(
      /^A form response did not become a lead \(Lock timeout\)\. Contact: ООО «Ромашка»/,
    );
  });
});

describe('cutToCell', () => {
  it('keeps a text that fits and cuts a longer one with a marker, within the limit', () => {
    expect(cutToCell('abc', 'ru', 10)).toBe('abc');
    const cut = cutToCell('x'.repeat(100), 'en', 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/^x+… \[50 characters cut\]$/);
  });
});
