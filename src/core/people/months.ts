/** Calendar-month arithmetic on `Day`s (the 31st plus a month is the last day of the next). */
import { dayFromYmd, ymdFromDay, type Day } from '../time';

export function addMonths(day: Day, months: number): Day {
  const { year, month, day: d } = ymdFromDay(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = ymdFromDay(dayFromYmd(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1).day;
  return dayFromYmd(y, m, Math.min(d, last));
}

/** Whole months from `from` to `to` (0 when `to` is earlier). */
export function monthsBetween(from: Day, to: Day): number {
  if (to < from) return 0;
  let n = 0;
  while (addMonths(from, n + 1) <= to) n++;
  return n;
}
