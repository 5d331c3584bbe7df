import { parsePeriod } from './period';

/**
 * A plan period's canonical label ("2026-11", "2026-Q4", "2026"), or null. A thin caller of the
 * product's one period parser, so the Plans sheet accepts exactly what the custom functions do.
 */
export function normalizePeriod(value: unknown): string | null {
  return parsePeriod(value)?.label ?? null;
}
