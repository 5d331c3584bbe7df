import { formatCell } from '../../../local/playground/format';

const NB = '\u00a0';
const ru = { locale: 'ru_RU', timeZone: 'Europe/Moscow' };
const en = { locale: 'en_US', timeZone: 'Europe/Moscow' };
// 27.11.2026 00:00 in Moscow.
const midnight = new Date(Date.UTC(2026, 10, 26, 21, 0, 0));

describe('formatCell (Sheets display rules)', () => {
  it('formats money in roubles with ru separators', () => {
    expect(formatCell(1234567.5, '#,##0.00 [$₽-419]', ru)).toEqual({
      text: `1${NB}234${NB}567,50${NB}₽`,
      align: 'r',
    });
    expect(formatCell(1234567.5, '#,##0.00 "₽"', ru).text).toBe(`1${NB}234${NB}567,50${NB}₽`);
    expect(formatCell(-15, '#,##0.00 "₽"', ru).text).toBe(`-15,00${NB}₽`);
    expect(formatCell(0.5, '#,##0', ru).text).toBe('1');
    expect(formatCell(1234.5, '#,##0.00', en).text).toBe('1,234.50');
  });

  it('formats percentages and optional decimals', () => {
    expect(formatCell(0.25, '0%', ru).text).toBe('25%');
    expect(formatCell(0.125, '0.0%', ru).text).toBe('12,5%');
    expect(formatCell(2.5, '0.##', ru).text).toBe('2,5');
    // Sheets keeps the separator when optional decimals are all blank.
    expect(formatCell(24600000, '#,##0.##', ru).text).toBe('24\u00a0600\u00a0000,');
    expect(formatCell(5, '0.###############', ru).text).toBe('5');
  });

  it('formats dates and date-times in the spreadsheet zone', () => {
    expect(formatCell(midnight, 'dd.mm.yyyy', ru).text).toBe('27.11.2026');
    expect(formatCell(midnight, 'dd.MM.yyyy', ru).text).toBe('27.11.2026');
    const t = new Date(midnight.getTime() + (9 * 60 + 5) * 60_000);
    expect(formatCell(t, 'dd.mm.yyyy hh:mm', ru).text).toBe('27.11.2026 09:05');
    expect(formatCell(t, 'd mmmm yyyy', ru).text).toBe('27 ноября 2026');
    expect(formatCell(midnight, '', ru).text).toBe('27.11.2026');
    expect(formatCell(t, '', ru).text).toBe('27.11.2026 9:05:00');
  });

  it('keeps plain text, booleans and automatic numbers readable', () => {
    expect(formatCell('+79161234567', '@', ru)).toEqual({ text: '+79161234567', align: 'l' });
    expect(formatCell(true, '', ru)).toEqual({ text: 'ИСТИНА', align: 'c' });
    expect(formatCell(false, '', en).text).toBe('FALSE');
    expect(formatCell(0.1 + 0.2, '', ru).text).toBe('0,3');
    expect(formatCell('', '#,##0', ru).text).toBe('');
  });
});
