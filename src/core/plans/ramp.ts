/**
 * A manager's share of a full quota in a month: the ramp-up curve since the hire date, prorated
 * by calendar days in the month of hire and in the month of the last day, nothing outside.
 */
import type { Period } from '../workbook/period';
import { ymdFromDay, type Day } from '../time';

/** 30 / 60 / 90 / 100 % for months 1-4 since the hire (Settings "Ramp-up curve"). */
export const DEFAULT_RAMP: readonly number[] = [0.3, 0.6, 0.9, 1];

export interface Staffing {
  hiredAt: Day | null;
  /** Blank: still working. */
  lastDay: Day | null;
}

/**
 * Month 1 is the month of the hire; month k takes curve[k-1] (the curve's last value after it).
 * A hire on the 11th of a 30-day month works 20 of its 30 days, so month 1 is curve[0] x 20/30;
 * month 2 is curve[1] in full. A last day on the 10th gives 10/30 of that month, then nothing.
 * An unknown hire date counts as fully ramped.
 */
export function rampShare(
  who: Staffing,
  month: Period,
  curve: readonly number[] = DEFAULT_RAMP,
): number {
  const days = month.end - month.start + 1;
  const from = who.hiredAt === null ? month.start : Math.max(month.start, who.hiredAt);
  const to = who.lastDay === null ? month.end : Math.min(month.end, who.lastDay);
  if (to < from) return 0;
  let level = 1;
  if (who.hiredAt !== null && curve.length > 0) {
    const h = ymdFromDay(who.hiredAt);
    const m = ymdFromDay(month.start);
    const k = (m.year - h.year) * 12 + (m.month - h.month) + 1;
    level = curve[Math.min(k, curve.length) - 1];
  }
  return (level * (to - from + 1)) / days;
}

/** Reads a curve typed as "30/60/90/100" or "0.3; 0.6; 0.9; 1"; null when it is not one. */
export function parseRampCurve(text: string): number[] | null {
  const parts = text
    .split(/[\s/;|]+/)
    .map((p) => p.replace('%', '').replace(',', '.'))
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 24) return null;
  const nums = parts.map(Number);
  if (nums.some((n) => !Number.isFinite(n) || n < 0)) return null;
  const percent = nums.some((n) => n > 1);
  const out = nums.map((n) => (percent ? n / 100 : n));
  return out.every((n) => n <= 1) ? out : null;
}
