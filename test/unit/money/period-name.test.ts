/** Period titles: nominative month names, Roman quarters in Russian, and the parser reads them back. */
import { periodName } from '../../../src/core/money/period-name';
import {
  monthPeriod,
  parsePeriod,
  quarterPeriod,
  yearPeriod,
} from '../../../src/core/workbook/period';

describe('periodName', () => {
  it('says a month, a quarter and a year as people do, in both languages', () => {
    expect(periodName(monthPeriod(2026, 11), 'ru')).toBe('ноябрь 2026');
    expect(periodName(monthPeriod(2026, 11), 'en')).toBe('November 2026');
    expect(periodName(quarterPeriod(2026, 4), 'ru')).toBe('IV квартал 2026');
    expect(periodName(quarterPeriod(2026, 4), 'en')).toBe('Q4 2026');
    expect(periodName(yearPeriod(2026), 'ru')).toBe('2026 год');
    expect(periodName(yearPeriod(2026), 'en')).toBe('2026');
  });

  it('every title parses back to its period, so a copied title is a valid argument', () => {
    const periods = [
      ...Array.from({ length: 12 }, (_, i) => monthPeriod(2027, i + 1)),
      ...[1, 2, 3, 4].map((q) => quarterPeriod(2027, q)),
      yearPeriod(2027),
    ];
    for (const p of periods) {
      for (const lang of ['ru', 'en'] as const) {
        expect(parsePeriod(periodName(p, lang))?.label).toBe(p.label);
      }
    }
  });
});
