/**
 * zoneOf asks Utilities for offsets. It must stay exact across DST changes and historic moves
 * while asking only a handful of times, whatever the span of the dates read (each formatDate is a
 * service round trip; a sheet of 50,000 dated rows must not cost one per week of data).
 */
import { forgetZones, segmentedOffsets, zoneOf } from '../../src/gas/zone';

const HOUR = 3_600_000;

/** The real offset, by a different route than zone.ts takes (Intl's "GMT+03:00" names). */
function oracle(timeZone: string): (ms: number) => number {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  return (ms) => {
    const name = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')!.value;
    const m = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name)!;
    return m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  };
}

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
  forgetZones();
  return { calls: () => calls };
}

/** Every change of `offset` in [from, to), to the minute (scanning daily, then by minutes). */
function changes(offset: (ms: number) => number, from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = from; t < to; t += 24 * HOUR) {
    if (offset(t) === offset(t + 24 * HOUR)) continue;
    for (let m = t; m <= t + 24 * HOUR; m += 60_000) {
      if (offset(m) !== offset(t)) {
        out.push(m);
        break;
      }
    }
  }
  return out;
}

/** Instants a workbook holds: every ~11 hours over the span, both sides of each change, in random order. */
function instants(offset: (ms: number) => number, from: number, to: number): number[] {
  const list: number[] = [];
  for (let t = from; t < to; t += 11 * HOUR + 17 * 60_000) list.push(t);
  for (const c of changes(offset, from, to)) list.push(c - 1, c, c - 60_000, c + 60_000);
  let seed = 7;
  for (let i = list.length - 1; i > 0; i--) {
    seed = (seed * 16807) % 2147483647;
    const j = seed % (i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

describe('zoneOf', () => {
  it.each([
    ['Europe/Berlin', 2015, 2027, 24],
    ['America/New_York', 2015, 2027, 24],
    ['Europe/Moscow', 2009, 2017, 6],
    ['Australia/Sydney', 2020, 2027, 14],
    ['Asia/Kolkata', 2000, 2027, 0],
    ['UTC', 2000, 2027, 0],
  ])(
    '%s is exact over %i-%i with a handful of formatDate calls',
    (timeZone, fromYear, toYear, expectedChanges) => {
      const truth = oracle(timeZone);
      const probe = fakeUtilities(truth);
      const zone = zoneOf(timeZone);
      const from = Date.UTC(fromYear, 0, 1);
      const to = Date.UTC(toYear, 0, 1);
      expect(changes(truth, from, to)).toHaveLength(expectedChanges);
      for (const at of instants(truth, from, to)) {
        if (zone.offsetMinutes(at) !== truth(at))
          throw new Error(`${timeZone} at ${new Date(at).toISOString()}`);
      }
      expect(probe.calls()).toBeLessThanOrEqual(10);
      // Another reader in the same execution learns nothing new and asks nothing.
      const before = probe.calls();
      zoneOf(timeZone).offsetMinutes(from);
      expect(probe.calls()).toBe(before);
    },
  );

  it('falls back to formatDate alone, still exact, when Intl does not know the zone', () => {
    // A made-up zone: +1:00, +2:00 from an odd minute in spring, back to +1:00 in autumn.
    const spring = Date.UTC(2026, 2, 29, 1, 7);
    const autumn = Date.UTC(2026, 9, 25, 1, 0);
    const offset = (ms: number): number => (ms >= spring && ms < autumn ? 120 : 60);
    const probe = fakeUtilities(offset);
    const zone = zoneOf('Test/Made_Up');
    const start = Date.UTC(2026, 0, 1);
    for (let h = 0; h < 365 * 24; h++) {
      const at = start + h * HOUR;
      expect(zone.offsetMinutes(at)).toBe(offset(at));
    }
    for (const c of [spring, autumn]) {
      expect(zone.offsetMinutes(c - 1)).toBe(offset(c - 1));
      expect(zone.offsetMinutes(c)).toBe(offset(c));
    }
    // 4-week samples over the year, ~16 to bisect each change: far fewer than one per week.
    expect(probe.calls()).toBeLessThan(60);
  });

  it('does not trust Intl where formatDate disagrees with it', () => {
    // Berlin by name, but this "formatDate" moves its spring change a week later.
    const truth = oracle('Europe/Berlin');
    const shifted = Date.UTC(2026, 3, 5, 1);
    const offset = (ms: number): number =>
      ms >= Date.UTC(2026, 2, 29, 1) && ms < shifted ? 60 : truth(ms);
    fakeUtilities(offset);
    const zone = zoneOf('Europe/Berlin');
    for (let at = Date.UTC(2026, 2, 1); at < Date.UTC(2026, 4, 1); at += HOUR)
      expect(zone.offsetMinutes(at)).toBe(offset(at));
    expect(zone.offsetMinutes(shifted - 1)).toBe(60);
    expect(zone.offsetMinutes(shifted)).toBe(120);
  });

  it('reads a negative offset', () => {
    fakeUtilities(() => -150);
    expect(zoneOf('America/St_Johns').offsetMinutes(0)).toBe(-150);
  });

  it('finds a change inside a block to the minute', () => {
    const change = Date.UTC(2026, 5, 10, 13, 41);
    const offset = segmentedOffsets((ms) => (ms < change ? 0 : 30), 28 * 86_400_000);
    expect(offset(change - 1)).toBe(0);
    expect(offset(change)).toBe(30);
  });
});
