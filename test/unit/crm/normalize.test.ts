import {
  companyKey,
  formatPhone,
  innValid,
  isRussianPhone,
  normalizeEmail,
  normalizeInn,
  normalizeOgrn,
  normalizePhone,
  parseAmount,
  parseBool,
  parseDateText,
  parseDay,
  parseInstant,
  parsePercent,
  phoneRu,
} from '../../../src/core/workbook/normalize';
import { dayFromYmd, fixedZone } from '../../../src/core/time';

const moscow = fixedZone('Europe/Moscow', 180);

describe('phones', () => {
  it.each([
    ['8 (916) 123-45-67', '+79161234567'],
    ['+7 916 123 45 67', '+79161234567'],
    ['79161234567', '+79161234567'],
    ['9161234567', '+79161234567'],
    ['8-800-555-35-35', '+78005553535'],
    ['+7(495)123-45-67 доб. 123', '+74951234567'],
    ['  +44 20 7946 0958 ', '+442079460958'],
    ['0049 30 1234567', '+49301234567'],
    ['+1 (212) 555-0100', '+12125550100'],
    ['8 916 123-45-67, 8 495 111-22-33', '+79161234567'],
    ['нет; +7 495 111-22-33', '+74951112233'],
  ])('normalises %s', (input, out) => {
    expect(normalizePhone(input)).toBe(out);
  });

  it('takes numbers from number cells', () => {
    expect(normalizePhone(89161234567)).toBe('+79161234567');
    expect(normalizePhone(9161234567)).toBe('+79161234567');
  });

  it.each(['', '12345', 'call me', '+7 916 123', '8916123456789', '+0123456789', null, undefined])(
    'rejects %p',
    (input) => {
      expect(normalizePhone(input)).toBeNull();
    },
  );

  it('tells Russian from Kazakh +7 numbers', () => {
    expect(isRussianPhone('+79161234567')).toBe(true);
    expect(isRussianPhone('+74951234567')).toBe(true);
    expect(isRussianPhone('+77011234567')).toBe(false);
    expect(isRussianPhone('+76001234567')).toBe(false);
    expect(phoneRu('8 701 123 45 67')).toBe('');
    expect(phoneRu('+44 20 7946 0958')).toBe('');
    expect(phoneRu('8 (916) 123-45-67')).toBe('+79161234567');
    expect(formatPhone('+79161234567')).toBe('+7 (916) 123-45-67');
  });
});

describe('emails', () => {
  it('lower-cases and checks', () => {
    expect(normalizeEmail('  Ivan.Petrov@Romashka.RU ')).toBe('ivan.petrov@romashka.ru');
    expect(normalizeEmail('mailto:a@b.co')).toBe('a@b.co');
    expect(normalizeEmail('<a@b.ru>')).toBe('a@b.ru');
    expect(normalizeEmail('Иван Петров <Ivan@Firm.ru>')).toBe('ivan@firm.ru');
    expect(normalizeEmail('a@b')).toBeNull();
    expect(normalizeEmail('a b@c.ru')).toBeNull();
    expect(normalizeEmail('a@@c.ru')).toBeNull();
    expect(normalizeEmail('a@b..ru')).toBeNull();
    expect(normalizeEmail(42)).toBeNull();
  });
});

describe('INN and OGRN', () => {
  it('accepts right check digits (10 and 12 digits)', () => {
    expect(normalizeInn('7707083893')).toBe('7707083893');
    expect(normalizeInn('500100732259')).toBe('500100732259');
    expect(normalizeInn(' 7707 083893 ')).toBe('7707083893');
    expect(innValid(7707083893)).toBe(true);
  });

  it('restores a leading zero lost in a number cell', () => {
    // 0274062111 is a valid Bashkortostan INN; a number cell holds 274062111.
    expect(normalizeInn('0274062111')).toBe('0274062111');
    expect(normalizeInn(274062111)).toBe('0274062111');
  });

  it('rejects wrong digits, wrong length and zeros', () => {
    expect(normalizeInn('7707083894')).toBeNull();
    expect(normalizeInn('500100732258')).toBeNull();
    expect(normalizeInn('500100732269')).toBeNull();
    expect(normalizeInn('770708389')).toBeNull();
    expect(normalizeInn('0000000000')).toBeNull();
    expect(normalizeInn('77070838ab')).toBeNull();
    expect(normalizeInn(null)).toBeNull();
  });

  it('checks OGRN and OGRNIP', () => {
    expect(normalizeOgrn('1027700132195')).toBe('1027700132195');
    expect(normalizeOgrn('1027700132196')).toBeNull();
    expect(normalizeOgrn('304500116000157')).toBe('304500116000157');
    expect(normalizeOgrn('304500116000158')).toBeNull();
    expect(normalizeOgrn('12345')).toBeNull();
  });
});

describe('amounts', () => {
  it.each([
    ['1 234,50', 123450],
    ['1234.5', 123450],
    ['1 234 ₽', 123400],
    ['1\u00a0234\u00a0567,89 руб.', 123456789],
    ['1,234.50', 123450],
    ['1.234,50', 123450],
    ['1,234', 123400],
    ['12 000 000', 1200000000],
    ['0,5', 50],
    ['-500', -50000],
    ['$100', 10000],
    ['100 RUB', 10000],
  ])('parses %s', (text, kopecks) => {
    expect(parseAmount(text)).toBe(kopecks);
  });

  it('takes numbers and refuses text', () => {
    expect(parseAmount(1234.5)).toBe(123450);
    expect(parseAmount(0.1 + 0.2)).toBe(30);
    expect(parseAmount('abc')).toBeNull();
    expect(parseAmount('1.2.3,4,5')).toBeNull();
    expect(parseAmount('')).toBeNull();
    expect(parseAmount(NaN)).toBeNull();
  });

  it('reads percents as fractions', () => {
    expect(parsePercent(0.25)).toBe(0.25);
    expect(parsePercent(25)).toBe(0.25);
    expect(parsePercent('12,5%')).toBeCloseTo(0.125);
    expect(parsePercent('0.125')).toBeCloseTo(0.125);
    expect(parsePercent('x')).toBeNull();
  });

  it('reads booleans in both languages', () => {
    expect(parseBool('Да')).toBe(true);
    expect(parseBool('ИСТИНА')).toBe(true);
    expect(parseBool('no')).toBe(false);
    expect(parseBool(true)).toBe(true);
    expect(parseBool('maybe')).toBeNull();
  });
});

describe('dates', () => {
  it('parses dd.MM.yyyy, ISO and short years', () => {
    expect(parseDateText('27.11.2026')).toEqual({ day: dayFromYmd(2026, 11, 27), minute: null });
    expect(parseDateText('2026-11-27')).toEqual({ day: dayFromYmd(2026, 11, 27), minute: null });
    expect(parseDateText('7.1.26')).toEqual({ day: dayFromYmd(2026, 1, 7), minute: null });
    expect(parseDateText('27/11/2026 14:30')).toEqual({
      day: dayFromYmd(2026, 11, 27),
      minute: 14 * 60 + 30,
    });
    expect(parseDateText('31.02.2026')).toBeNull();
    expect(parseDateText('27.11.2026 25:00')).toBeNull();
    expect(parseDateText('tomorrow')).toBeNull();
  });

  it('reads Date cells as the day in the spreadsheet zone', () => {
    // Midnight 27.11.2026 in Moscow is 26.11 21:00 UTC.
    const cell = new Date(Date.UTC(2026, 10, 26, 21, 0));
    expect(parseDay(cell, moscow)).toBe(dayFromYmd(2026, 11, 27));
    expect(parseDay('27.11.2026', moscow)).toBe(dayFromYmd(2026, 11, 27));
    expect(parseDay(46353, moscow)).toBe(dayFromYmd(2026, 11, 27)); // a Sheets serial
    expect(parseDay('nope', moscow)).toBeNull();
  });

  it('reads date-times as instants, text in the zone', () => {
    expect(parseInstant('27.11.2026 09:00', moscow)).toBe(Date.UTC(2026, 10, 27, 6, 0));
    expect(parseInstant('2026-11-27T06:00:00Z', moscow)).toBe(Date.UTC(2026, 10, 27, 6, 0));
    const d = new Date(Date.UTC(2026, 10, 27, 6, 0));
    expect(parseInstant(d, moscow)).toBe(d.getTime());
  });
});

describe('company names', () => {
  it('ignores legal form, quotes and case', () => {
    const key = companyKey('ООО «Ромашка»');
    expect(key).toBe('ромашка');
    expect(companyKey('Ромашка ООО')).toBe(key);
    expect(companyKey('ООО "Ромашка"')).toBe(key);
    expect(companyKey('общество с ограниченной ответственностью «РОМАШКА»')).toBe(key);
    expect(companyKey('ИП Ёлкин')).toBe('елкин');
    expect(companyKey('Romashka LLC')).toBe(companyKey('romashka, llc'));
    expect(companyKey('ООО «Ромашка-Сервис»')).not.toBe(key);
    expect(companyKey('ООО')).toBe('');
  });
});
