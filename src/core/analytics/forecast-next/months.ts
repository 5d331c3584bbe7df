/** Months as consecutive integers (year × 12 + month − 1), so a series is a plain array. */
import { dayFromYmd, ymdFromDay, type Day } from '../../time';

export type Month = number;

export function monthOf(d: Day): Month {
  const { year, month } = ymdFromDay(d);
  return year * 12 + month - 1;
}

export const monthStart = (m: Month): Day => dayFromYmd(Math.floor(m / 12), (m % 12) + 1, 1);

export const monthLabel = (m: Month): string =>
  `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/** "2027-Q1" for the quarter a month falls in. */
export const quarterLabel = (m: Month): string =>
  `${Math.floor(m / 12)}-Q${Math.floor((m % 12) / 3) + 1}`;
