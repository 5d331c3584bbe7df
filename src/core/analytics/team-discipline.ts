/**
 * CRM discipline per manager for the period: attention lists (forgotten deals, unprocessed leads,
 * overdue and missing next steps), response times, record completeness, activity norms and deals
 * whose close date was pushed. The dashboard's discipline block presents these.
 */
import type { Deal, WorkbookData } from '../types';
import { indexActivities } from './activity-index';
import type { AsOf } from './context';
import { activityNorms, crmCompleteness, type ActivityNormRow } from './discipline';
import {
  dealsWithoutNextStep,
  forgottenDeals,
  overdueNextSteps,
  unprocessedLeads,
} from './forgotten';
import type { Period } from './period';
import { managerKeys } from './managers';
import { responseTimes, type ResponseReport } from './response';
import { stagesOf } from './settings';

export interface DisciplineFigures {
  /** Counts per manager (lower-case e-mail). */
  forgotten: Map<string, number>;
  unprocessed: Map<string, number>;
  overdueSteps: Map<string, number>;
  noNextStep: Map<string, number>;
  pushed: Map<string, number>;
  response: ResponseReport;
  completeness: Map<string, number | null>;
  norms: Map<string, ActivityNormRow>;
  /** Company totals the sidebar's summary shows. */
  forgottenTotal: number;
  unprocessedTotal: number;
}

function tally(
  items: ReadonlyArray<{ manager: string }>,
  keyOf: (cell: string) => string,
): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) {
    const key = keyOf(i.manager);
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}

export function teamDiscipline(
  data: WorkbookData,
  period: Period,
  asOf: AsOf,
  pushedDeals: readonly Deal[],
): DisciplineFigures {
  const index = indexActivities(data.activities, asOf.now);
  const shared = { index, stages: stagesOf(data.settings) };
  const forgotten = forgottenDeals(data, asOf, shared).items;
  const unprocessed = unprocessedLeads(data, asOf, shared).items;
  const overdue = overdueNextSteps(data, asOf, shared).items;
  const noStep = dealsWithoutNextStep(data, asOf, shared).items;
  const response = responseTimes(data, period, asOf, index);
  const completeness = new Map(crmCompleteness(data).rows.map((r) => [r.manager, r.completeness]));
  const norms = new Map(
    activityNorms(data, period, asOf.day, asOf.zone).map((r) => [r.manager, r]),
  );
  // Keyed as plan-fact keys its rows: a manager written as a name counts under their email.
  const keyOf = managerKeys(data.managers);
  return {
    forgotten: tally(forgotten, keyOf),
    unprocessed: tally(unprocessed, keyOf),
    overdueSteps: tally(overdue, keyOf),
    noNextStep: tally(noStep, keyOf),
    pushed: tally(pushedDeals, keyOf),
    response,
    completeness,
    norms,
    forgottenTotal: forgotten.length,
    unprocessedTotal: unprocessed.length,
  };
}
