/**
 * "As of": the moment a computation looks at the workbook from. Custom functions take an optional
 * as-of date instead of NOW() (NOW() would keep the cell loading forever); jobs pass the clock.
 */
import { dayOfInstant, startOfDay, type Day, type Instant, type Zone } from '../time';

export interface AsOf {
  /** Today in the spreadsheet's zone. */
  day: Day;
  /** The instant itself; activities after it have not happened yet. */
  now: Instant;
  zone: Zone;
}

export function asOfInstant(now: Instant, zone: Zone): AsOf {
  return { day: dayOfInstant(now, zone), now, zone };
}

/** A whole as-of day: everything logged on that day has happened (now = its last millisecond). */
export function asOfDay(day: Day, zone: Zone): AsOf {
  return { day, now: startOfDay(day + 1, zone) - 1, zone };
}
