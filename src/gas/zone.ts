/**
 * The spreadsheet's time zone as a core `Zone`. Offsets come from Utilities.formatDate(…, 'Z'),
 * because date cells are midnights in the *spreadsheet's* zone while `new Date()` arithmetic in V8
 * uses the *script's* zone: mixing the two is the classic off-by-one-day bug.
 *
 * Offsets change only at DST transitions, never twice within a week, so when both ends of a
 * 7-day window share an offset every instant inside has it too. Reading 50,000 dated rows then
 * costs about two formatDate calls per week of data, not one per distinct hour.
 */
import { dayOfInstant, startOfDay, type Day, type Zone } from '../core/time';

const WINDOW = 7 * 86_400_000;

export function zoneOf(timeZone: string): Zone {
  const exact = (at: number): number => {
    const z = Utilities.formatDate(new Date(at), timeZone, 'Z'); // "+0300"
    const sign = z.startsWith('-') ? -1 : 1;
    return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  };
  const windows = new Map<number, number | null>();
  return {
    id: timeZone,
    offsetMinutes(at: number): number {
      const w = Math.floor(at / WINDOW);
      let constant = windows.get(w);
      if (constant === undefined) {
        const start = exact(w * WINDOW);
        constant = start === exact((w + 1) * WINDOW - 1) ? start : null;
        windows.set(w, constant);
      }
      return constant ?? exact(at);
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
