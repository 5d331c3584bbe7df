import { parsePeriod } from './period';
import type { Zone } from '../time';

/**
 * A plan period's canonical label ("2026-11", "2026-Q4", "2026"), or null. A thin caller of the
 * product's one period parser, so the Plans sheet accepts exactly what the custom functions do.
 * A date cell is read in `zone`, the spreadsheet's (without it, at noon UTC: a day off in
 * UTC+13/+14, so every caller that has the zone passes it).
 */
export function normalizePeriod(value: unknown, zone?: Zone): string | null {
  return parsePeriod(value, zone)?.label ?? null;
}
