/**
 * zoneOf asks Utilities for offsets; it must stay exact across a DST change while asking only a
 * few times for a long run of dates (reading 50,000 rows must not mean 50,000 formatDate calls).
 */
import { zoneOf } from '../../src/gas/zone';

function fakeUtilities(offsetAt: (ms: number) => number) {
  let calls = 0;
  const formatDate = (d: Date, _tz: string, pattern: string): string => {
    calls++;
    expect(pattern).toBe('Z');
    const m = offsetAt(d.getTime());
    const a = Math.abs(m);
    return `${m < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
  };
  (globalThis as unknown as { Utilities: unknown }).Utilities = { formatDate };
  return { calls: () => calls };
}

describe('zoneOf', () => {
  it('is exact around a DST change and cheap over a year of hourly instants', () => {
    const change = Date.UTC(2026, 2, 29, 1, 0, 0); // Europe/Berlin springs forward
    const probe = fakeUtilities((ms) => (ms < change ? 60 : 120));
    const zone = zoneOf('Europe/Berlin');
    expect(zone.offsetMinutes(change - 1)).toBe(60);
    expect(zone.offsetMinutes(change)).toBe(120);
    const start = Date.UTC(2026, 0, 1);
    for (let h = 0; h < 365 * 24; h++) {
      const at = start + h * 3_600_000;
      expect(zone.offsetMinutes(at)).toBe(at < change ? 60 : 120);
    }
    // ~53 windows x 2 ends, plus exact look-ups inside the one window that holds the change.
    expect(probe.calls()).toBeLessThan(300);
  });

  it('reads a negative offset', () => {
    fakeUtilities(() => -150);
    expect(zoneOf('America/St_Johns').offsetMinutes(0)).toBe(-150);
  });
});
