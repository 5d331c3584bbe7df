import {
  childPeriods,
  monthsOf,
  parentPeriod,
  parsePeriod,
  periodContaining,
  shiftPeriod,
} from '../../../src/core/analytics';
import { day } from './fixtures';

describe('parsePeriod', () => {
  it('reads a month with its first and last day', () => {
    expect(parsePeriod('2026-11')).toEqual({
      kind: 'month',
      year: 2026,
      index: 11,
      start: day(2026, 11, 1),
      end: day(2026, 11, 30),
      label: '2026-11',
    });
    expect(parsePeriod('11.2026')?.label).toBe('2026-11');
    expect(parsePeriod('2026-2')?.label).toBe('2026-02');
  });

  it('knows February in leap and common years and December edges', () => {
    expect(parsePeriod('2026-02')?.end).toBe(day(2026, 2, 28));
    expect(parsePeriod('2028-02')?.end).toBe(day(2028, 2, 29));
    expect(parsePeriod('2026-12')?.end).toBe(day(2026, 12, 31));
  });

  it('reads quarters in several spellings', () => {
    const q4 = parsePeriod('2026-Q4');
    expect(q4).toMatchObject({ kind: 'quarter', index: 4, label: '2026-Q4' });
    expect(q4?.start).toBe(day(2026, 10, 1));
    expect(q4?.end).toBe(day(2026, 12, 31));
    expect(parsePeriod('2026 q1')?.end).toBe(day(2026, 3, 31));
    expect(parsePeriod('Q2 2026')?.label).toBe('2026-Q2');
    expect(parsePeriod('2026-К3')?.label).toBe('2026-Q3');
  });

  it('reads a year, also as a number', () => {
    expect(parsePeriod('2026')).toMatchObject({
      kind: 'year',
      start: day(2026, 1, 1),
      end: day(2026, 12, 31),
    });
    expect(parsePeriod(2027)?.label).toBe('2027');
  });

  it('rejects nonsense', () => {
    for (const bad of [
      '2026-13',
      '2026-00',
      '2026-Q5',
      'ноябрь',
      '',
      '26-11',
      null,
      undefined,
      3.5,
    ]) {
      expect(parsePeriod(bad)).toBeNull();
    }
  });
});

describe('period navigation', () => {
  it('finds the containing month, quarter and year of a day', () => {
    const d = day(2026, 11, 27);
    expect(periodContaining(d, 'month').label).toBe('2026-11');
    expect(periodContaining(d, 'quarter').label).toBe('2026-Q4');
    expect(periodContaining(d, 'year').label).toBe('2026');
    expect(periodContaining(day(2026, 3, 31), 'quarter').label).toBe('2026-Q1');
    expect(periodContaining(day(2026, 4, 1), 'quarter').label).toBe('2026-Q2');
  });

  it('lists children and months, and goes up', () => {
    const year = parsePeriod('2026')!;
    expect(childPeriods(year).map((p) => p.label)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(childPeriods(parsePeriod('2026-Q4')!).map((p) => p.label)).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(childPeriods(parsePeriod('2026-11')!)).toEqual([]);
    expect(monthsOf(year)).toHaveLength(12);
    expect(parentPeriod(parsePeriod('2026-11')!)?.label).toBe('2026-Q4');
    expect(parentPeriod(parsePeriod('2026-Q4')!)?.label).toBe('2026');
    expect(parentPeriod(year)).toBeNull();
  });

  it('shifts across year ends', () => {
    expect(shiftPeriod(parsePeriod('2026-01')!, -1).label).toBe('2025-12');
    expect(shiftPeriod(parsePeriod('2026-12')!, 1).label).toBe('2027-01');
    expect(shiftPeriod(parsePeriod('2026-Q1')!, -1).label).toBe('2025-Q4');
    expect(shiftPeriod(parsePeriod('2026')!, 1).label).toBe('2027');
  });
});
