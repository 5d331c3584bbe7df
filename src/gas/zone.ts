/**
 * The spreadsheet's time zone as a core `Zone`. Offsets come from Utilities.formatDate(…, 'Z'),
 * cached per year when the year has one offset, else per hour, because date cells are midnights in the *spreadsheet's* zone while `new Date()`
 * arithmetic in V8 uses the *script's* zone: mixing the two is the classic off-by-one-day bug.
 */
import { dayOfInstant, startOfDay, type Day, type Zone } from '../core/time';

const HOUR = 3_600_000;

export function zoneOf(timeZone: string): Zone {
  const cache = new Map<number, number>();
  const probe = (at: number): number => {
    const z = Utilities.formatDate(new Date(at), timeZone, 'Z'); // "+0300"
    const sign = z.startsWith('-') ? -1 : 1;
    return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  };
  // Most zones (Moscow among them) keep one offset all year: probing a year every 15 days tells
  // so in ~25 calls, after which no instant of that year costs a call. This keeps the number of
  // Utilities calls of a job independent of its rows. Years with DST or a change fall back to the
  // hourly cache.
  const steady = new Map<number, number | null>();
  const steadyOffset = (at: number): number | null => {
    const year = new Date(at).getUTCFullYear();
    let s = steady.get(year);
    if (s === undefined) {
      const start = Date.UTC(year, 0, 1);
      const end = Date.UTC(year + 1, 0, 1) - 1;
      const first = probe(start);
      s = first;
      for (let t = start + 15 * 24 * HOUR; s !== null && t < end; t += 15 * 24 * HOUR) {
        if (probe(t) !== first) s = null;
      }
      if (s !== null && probe(end) !== first) s = null;
      steady.set(year, s);
    }
    return s;
  };
  return {
    id: timeZone,
    offsetMinutes(at: number): number {
      const fixed = steadyOffset(at);
      if (fixed !== null) return fixed;
      const bucket = Math.floor(at / HOUR);
      let offset = cache.get(bucket);
      if (offset === undefined) {
        offset = probe(bucket * HOUR);
        cache.set(bucket, offset);
      }
      return offset;
    },
  };
}

/** A date cell's value (midnight in the spreadsheet zone) as a Day. */
export function dayOfDate(date: Date, zone: Zone): Day {
  return dayOfInstant(date.getTime(), zone);
}

/** A Day as the Date object to write into a date cell. */
export function dateOfDay(day: Day, zone: Zone): Date {
  return new Date(startOfDay(day, zone));
}
