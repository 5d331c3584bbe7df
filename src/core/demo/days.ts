import { weekday, type Day } from '../time';

export function isWeekend(d: Day): boolean {
  return weekday(d) >= 6;
}

/** The next Monday after a weekend day. */
export function addDaysOfWeek(d: Day): Day {
  return d + (weekday(d) === 6 ? 2 : 1);
}
