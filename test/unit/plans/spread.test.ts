import { WorkCalendar } from '../../../src/core/analytics/calendar';
import { rampShare, parseRampCurve } from '../../../src/core/plans/ramp';
import { respread, seasonalWeights, spreadTotal } from '../../../src/core/plans/spread';
import { monthPeriod, monthsOf, parsePeriod } from '../../../src/core/workbook/period';
import { day } from '../analytics/fixtures';

const calendar = new WorkCalendar();
const year = (y: number) => monthsOf(parsePeriod(String(y))!);
const basis = (lastYear: Array<number | null> = [], weights?: number[]) => ({
  calendar,
  lastYear,
  weights,
});

describe('spreading a target over months', () => {
  test('equally: the remainder goes to the first months, the total is exact', () => {
    expect(spreadTotal(100, year(2027), 'equal', basis())).toEqual([
      9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8,
    ]);
  });

  test('by working days: Q2 2026 has 22, 19 and 21 (1 May, 11 May for 9 May, 12 June)', () => {
    const q2 = monthsOf(parsePeriod('2026-Q2')!);
    expect(q2.map((m) => calendar.workingDaysBetween(m.start, m.end))).toEqual([22, 19, 21]);
    expect(spreadTotal(6200, q2, 'workdays', basis())).toEqual([2200, 1900, 2100]);
  });

  test('by working days in a leap February: 2028-02 has 29 days and 20 working days', () => {
    const feb = monthPeriod(2028, 2);
    expect(feb.end - feb.start + 1).toBe(29);
    expect(calendar.workingDaysBetween(feb.start, feb.end)).toBe(20);
  });

  test('by seasonality: half a year of history pulls every month halfway to the mean', () => {
    const last = [null, null, null, null, null, null, 10, 20, 30, 40, 50, 50];
    // mean 200/6; trust 6/12: a month with no history weighs the mean, a known one halfway.
    expect(spreadTotal(2400, year(2027), 'seasonal', basis(last))).toEqual([
      200, 200, 200, 200, 200, 200, 130, 160, 190, 220, 250, 250,
    ]);
  });

  test('by seasonality: a full year is its own shares; no history at all is equal', () => {
    const last = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9];
    expect(spreadTotal(2000, year(2027), 'seasonal', basis(last))).toEqual([
      100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 900,
    ]);
    expect(seasonalWeights([null, null, null])).toEqual([1, 1, 1]);
    expect(seasonalWeights([0, 0, null])).toEqual([1, 1, 1]);
  });

  test('by typed weights, and a zero target gives zeros', () => {
    const q = monthsOf(parsePeriod('2027-Q1')!);
    expect(spreadTotal(1000, q, 'weights', basis([], [1, 1, 2]))).toEqual([250, 250, 500]);
    expect(spreadTotal(0, year(2027), 'workdays', basis())).toEqual(new Array(12).fill(0));
  });
});

describe('re-spreading the closed months', () => {
  test('a shortfall is added to the open months, the total kept', () => {
    expect(respread([100, 100, 100, 100], [80, 90], 2)).toEqual({
      plans: [100, 100, 115, 115],
      shortfall: 30,
    });
  });

  test('a surplus (negative shortfall) lowers them', () => {
    expect(respread([100, 100, 100, 100], [150, 120], 2)).toEqual({
      plans: [100, 100, 65, 65],
      shortfall: -70,
    });
  });

  test('a surplus larger than what is left brings them to 0, never below', () => {
    expect(respread([100, 100, 100, 100], [400, 100], 2).plans).toEqual([100, 100, 0, 0]);
  });

  test('by other weights: 20 left + 10 short, spread 1:4', () => {
    expect(respread([10, 10, 10], [0, 0, 0], 1, [1, 1, 4]).plans).toEqual([10, 6, 24]);
  });
});

describe('ramp-up', () => {
  const april = monthPeriod(2026, 4);
  test('a hire on 16 April works 15 of 30 days: 30% x 15/30; then 60%, 90%, 100%', () => {
    const who = { hiredAt: day(2026, 4, 16), lastDay: null };
    expect(rampShare(who, april)).toBeCloseTo(0.15, 10);
    expect(rampShare(who, monthPeriod(2026, 5))).toBe(0.6);
    expect(rampShare(who, monthPeriod(2026, 6))).toBe(0.9);
    expect(rampShare(who, monthPeriod(2026, 7))).toBe(1);
    expect(rampShare(who, monthPeriod(2027, 7))).toBe(1);
    expect(rampShare(who, monthPeriod(2026, 3))).toBe(0);
  });

  test('a leap February: a hire on 15 Feb 2028 works 15 of 29 days', () => {
    const who = { hiredAt: day(2028, 2, 15), lastDay: null };
    expect(rampShare(who, monthPeriod(2028, 2))).toBeCloseTo((0.3 * 15) / 29, 12);
  });

  test('none after the last day; the last month prorated', () => {
    const who = { hiredAt: null, lastDay: day(2026, 5, 10) };
    expect(rampShare(who, monthPeriod(2026, 5))).toBeCloseTo(10 / 31, 12);
    expect(rampShare(who, monthPeriod(2026, 6))).toBe(0);
    expect(rampShare(who, april)).toBe(1);
  });

  test('a curve typed in Settings', () => {
    expect(parseRampCurve('30/60/90/100')).toEqual([0.3, 0.6, 0.9, 1]);
    expect(parseRampCurve('0,5; 1')).toEqual([0.5, 1]);
    expect(parseRampCurve('много')).toBeNull();
    expect(parseRampCurve('50/150')).toBeNull();
  });
});
