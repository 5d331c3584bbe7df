/**
 * The spreadsheet's time zone as a core `Zone`. Offsets come from Utilities.formatDate(…, 'Z'),
 * cached per hour, because date cells are midnights in the *spreadsheet's* zone while `new Date()`
 * arithmetic in V8 uses the *script's* zone: mixing the two is the classic off-by-one-day bug.
 */
import { dayOfInstant, startOfDay, type Day, type Zone } from '../core/time';

const HOUR = 3_600_000;

export function zoneOf(timeZone: string): Zone {
  const cache = new Map<number, number>();
  return {
    id: timeZone,
    offsetMinutes(at: number): number {
      const bucket = Math.floor(at / HOUR);
      let offset = cache.get(bucket);
      if (offset === undefined) {
        const z = Utilities.formatDate(new Date(bucket * HOUR), timeZone, 'Z'); // "+0300"
        const sign = z.startsWith('-') ? -1 : 1;
        offset = sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
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
