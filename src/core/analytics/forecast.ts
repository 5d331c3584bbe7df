/**
 * The forecast of a period per manager and for the company, with the pipeline coverage each
 * needs: 1 / win rate over the 12 months up to the as-of day (a 25 % win rate needs 4x the gap).
 */
import type { Day, Zone } from '../time';
import type { AsOf } from './context';
import type { WorkbookData } from '../types';
import { winRatesByManager } from './kpi';
import type { Period } from './period';
import { planFact, type PlanFactRow } from './planfact';

export interface ForecastLine {
  row: PlanFactRow;
  /** Pipeline needed per unit of plan gap; null without closed deals in the last 12 months. */
  neededCoverage: number | null;
}

export interface ForecastReport {
  managers: ForecastLine[];
  company: ForecastLine;
}

const needed = (rate: number | null | undefined): number | null => (rate ? 1 / rate : null);

export function forecastReport(
  data: WorkbookData,
  period: Period,
  at: Day | AsOf,
  zone: Zone,
): ForecastReport {
  const rows = planFact(data, period, 'manager', at, { zone });
  const [company] = planFact(data, period, 'company', at, { zone });
  const asOf = typeof at === 'number' ? at : at.day;
  const rates = winRatesByManager(data.deals, asOf - 364, asOf, data.settings, data.managers);
  return {
    managers: rows.map((row) => ({ row, neededCoverage: needed(rates.byManager.get(row.target)) })),
    company: { row: company, neededCoverage: needed(rates.total) },
  };
}
