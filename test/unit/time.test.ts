import {
  dayFromYmd,
  dayOfInstant,
  fixedZone,
  formatDay,
  parseIsoDay,
  startOfDay,
  weekday,
  ymdFromDay,
} from '../../src/core/time';

describe('calendar days', () => {
  const moscow = fixedZone('Europe/Moscow', 180);

  it('round-trips a date and knows its weekday', () => {
    const d = dayFromYmd(2026, 11, 27);
    expect(ymdFromDay(d)).toEqual({ year: 2026, month: 11, day: 27 });
    expect(weekday(d)).toBe(5); // a Friday
    expect(formatDay(d)).toBe('27.11.2026');
  });

  it('reads a Moscow midnight as that Moscow day, not the UTC day before', () => {
    const midnight = Date.UTC(2026, 10, 26, 21, 0, 0); // 27.11.2026 00:00 in Moscow
    expect(formatDay(dayOfInstant(midnight, moscow))).toBe('27.11.2026');
    expect(startOfDay(dayFromYmd(2026, 11, 27), moscow)).toBe(midnight);
  });

  it('rejects impossible ISO dates', () => {
    expect(parseIsoDay('2026-02-30')).toBeNull();
    expect(parseIsoDay('2026-02-28')).toBe(dayFromYmd(2026, 2, 28));
  });
});
