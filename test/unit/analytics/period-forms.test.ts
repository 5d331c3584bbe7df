import { parsePeriod } from '../../../src/core/analytics';
import { normalizePeriod } from '../../../src/core/workbook/plan-period';
import { fixedZone } from '../../../src/core/time';

/** Every form a person or Sheets may hand over, read the same by the Plans sheet and the functions. */
const FORMS: [unknown, string][] = [
  ['2026-11', '2026-11'],
  ['2026.11', '2026-11'],
  ['2026/11', '2026-11'],
  ['2026-2', '2026-02'],
  ['11.2026', '2026-11'],
  ['11/2026', '2026-11'],
  ['11-2026', '2026-11'],
  ['2026-Q4', '2026-Q4'],
  ['2026Q4', '2026-Q4'],
  ['2026 q1', '2026-Q1'],
  ['2026-К3', '2026-Q3'],
  ['2026-4кв', '2026-Q4'],
  ['Q4 2026', '2026-Q4'],
  ['q4-2026', '2026-Q4'],
  ['4 кв. 2026', '2026-Q4'],
  ['4кв 2026', '2026-Q4'],
  ['4 квартал 2026 г.', '2026-Q4'],
  ['4-й квартал 2026', '2026-Q4'],
  ['IV квартал 2026', '2026-Q4'],
  ['II кв. 2026', '2026-Q2'],
  ['Quarter 3 2026', '2026-Q3'],
  ['2026', '2026'],
  ['2026 г.', '2026'],
  [2026, '2026'],
  ['ноябрь 2026', '2026-11'],
  ['Ноября 2026', '2026-11'],
  ['НОЯБРЬ 2026 г.', '2026-11'],
  ['ноябре 2026', '2026-11'],
  ['нояб. 2026', '2026-11'],
  ['май 2026', '2026-05'],
  ['мая 2026', '2026-05'],
  ['март 2026', '2026-03'],
  ['марта 2026', '2026-03'],
  ['Июнь 2026', '2026-06'],
  ['июля 2026', '2026-07'],
  ['сентябрь 2026', '2026-09'],
  ['февраля 2026', '2026-02'],
  ['Декабрь  2026', '2026-12'],
  ['Nov 2026', '2026-11'],
  ['November 2026', '2026-11'],
  ['NOVEMBER 2026', '2026-11'],
  ['Sept 2026', '2026-09'],
  ['may-2026', '2026-05'],
  ['2026 Nov', '2026-11'],
];

const REJECTED: unknown[] = [
  '2026-13',
  '13.2026',
  '2026-00',
  '2026-Q5',
  'Q5 2026',
  'V квартал 2026',
  '5 кв. 2026',
  'ноябрь',
  'ма 2026',
  'когда-нибудь',
  'декабрист 2026',
  '',
  '   ',
  '26-11',
  '1899',
  null,
  undefined,
  3.5,
  20_758, // a Day or a serial is not a year: refused, not guessed
  new Date(NaN),
  {},
];

describe('the one period parser', () => {
  it.each(FORMS)('reads %p as %p', (input, label) => {
    expect(parsePeriod(input)?.label).toBe(label);
  });

  it.each(REJECTED.map((v) => [v]))('refuses %p', (input) => {
    expect(parsePeriod(input)).toBeNull();
  });

  it('is what the Plans sheet uses too', () => {
    for (const [input, label] of FORMS) expect(normalizePeriod(input)).toBe(label);
    for (const input of REJECTED) expect(normalizePeriod(input)).toBeNull();
  });

  it('reads a date cell as its month, in the given zone or at local midnight of any zone', () => {
    // 1 December 00:00 in Moscow is 30 November 21:00 UTC.
    const msk = new Date(Date.UTC(2026, 10, 30, 21));
    expect(parsePeriod(msk)?.label).toBe('2026-12');
    expect(parsePeriod(msk, fixedZone('Europe/Moscow', 180))?.label).toBe('2026-12');
    expect(parsePeriod(msk, fixedZone('UTC', 0))?.label).toBe('2026-11');
    // 1 November 00:00 in New York (UTC-4) is 04:00 UTC the same day.
    expect(parsePeriod(new Date(Date.UTC(2026, 10, 1, 4)))?.label).toBe('2026-11');
    expect(parsePeriod(new Date(Date.UTC(2026, 10, 1, 4)))).toMatchObject({ kind: 'month' });
  });
});
