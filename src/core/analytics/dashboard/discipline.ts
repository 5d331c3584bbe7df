/** CRM discipline per manager, one row each (the figures: ../team-discipline.ts). */
import type { DisciplineFigures } from '../team-discipline';
import type { PlanFactRow } from '../planfact';
import type { BlockDraft, DashInput } from './model';

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
        minutes(resp?.medianMinutes),
        minutes(resp?.p95Minutes),
        resp?.slaBreaches ?? 0,
        // The figures are keyed by the email as written in lower case.
        f.completeness.get(e.trim().toLowerCase()) ?? f.completeness.get(e) ?? '',
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
      'int',
      'int',
      'int',
      'percent',
      'percent',
      'percent',
      'int',
    ],
    notes: [],
  };
}

/** Whole minutes: a response time to the second is noise on a dashboard. */
function minutes(v: number | null | undefined): number | '' {
  return v === null || v === undefined ? '' : Math.round(v);
}
