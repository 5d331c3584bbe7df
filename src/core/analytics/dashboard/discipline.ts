/**
 * CRM discipline per manager: attention lists (forgotten deals, unprocessed leads, overdue and
 * missing next steps), response times, record completeness, activity norms and pushed deals.
 */
import type { Deal } from '../../types';
import { indexActivities } from '../activity-index';
import { activityNorms, crmCompleteness, type ActivityNormRow } from '../discipline';
import {
  dealsWithoutNextStep,
  forgottenDeals,
  overdueNextSteps,
  unprocessedLeads,
} from '../forgotten';
import type { PlanFactRow } from '../planfact';
import { responseTimes, type ResponseReport } from '../response';
import { stagesOf } from '../settings';
import type { BlockDraft, DashInput } from './model';

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

function tally(items: ReadonlyArray<{ manager: string }>): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) {
    const key = i.manager.trim().toLowerCase();
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}

export function disciplineFigures(
  { data, period, asOf }: DashInput,
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
  return {
    forgotten: tally(forgotten),
    unprocessed: tally(unprocessed),
    overdueSteps: tally(overdue),
    noNextStep: tally(noStep),
    pushed: tally(pushedDeals),
    response,
    completeness,
    norms,
    forgottenTotal: forgotten.length,
    unprocessedTotal: unprocessed.length,
  };
}

export function disciplineBlock(
  { h }: DashInput,
  managers: readonly PlanFactRow[],
  f: DisciplineFigures,
): BlockDraft {
  return {
    key: 'discipline',
    title: h('an.dash.discipline'),
    header: [
      h('an.col.manager'),
      h('an.col.forgotten'),
      h('an.col.unprocessed'),
      h('an.col.overdueSteps'),
      h('an.col.noNextStep'),
      h('an.col.responseMedian'),
      h('an.col.responseP95'),
      h('an.col.slaBreaches'),
      h('an.col.completeness'),
      h('an.col.calls'),
      h('an.col.meetings'),
      h('an.col.pushed'),
    ],
    rows: managers.map((r) => {
      const e = r.target;
      const resp = f.response.byManager.get(e);
      const n = f.norms.get(e);
      return [
        r.name,
        f.forgotten.get(e) ?? 0,
        f.unprocessed.get(e) ?? 0,
        f.overdueSteps.get(e) ?? 0,
        f.noNextStep.get(e) ?? 0,
        resp?.medianMinutes ?? '',
        resp?.p95Minutes ?? '',
        resp?.slaBreaches ?? 0,
        f.completeness.get(e) ?? '',
        n?.callsCompliance ?? '',
        n?.meetingsCompliance ?? '',
        f.pushed.get(e) ?? 0,
      ];
    }),
    formats: [
      'text',
      'int',
      'int',
      'int',
      'int',
      'number',
      'number',
      'int',
      'percent',
      'percent',
      'percent',
      'int',
    ],
    notes: [],
  };
}
