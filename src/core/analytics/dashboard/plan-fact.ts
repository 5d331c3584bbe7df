/** The plan-fact blocks: the company and its teams, then one line per manager. */
import { planNotes } from '../tables/shape';
import type { PlanFactRow } from '../planfact';
import type { Cell } from '../tables/table';
import type { BlockDraft, ColFormat, DashInput } from './model';

const FORMATS: ColFormat[] = [
  'text',
  'money',
  'money',
  'percent',
  'money',
  'money',
  'money',
  'money',
  'money',
  'number',
  'int',
  'int',
];

function header({ h }: DashInput): string[] {
  return [
    h('an.col.name'),
    h('an.col.plan'),
    h('an.col.fact'),
    h('an.col.completion'),
    h('an.col.deviation'),
    h('an.col.runRate'),
    h('an.col.pace'),
    h('an.col.weighted'),
    h('an.col.forecast'),
    h('an.col.coverage'),
    h('an.col.daysElapsed'),
    h('an.col.daysTotal'),
  ];
}

const line = (r: PlanFactRow, name: string): Cell[] => [
  name,
  r.plan / 100,
  r.fact / 100,
  r.completion ?? '',
  r.deviation / 100,
  r.runRateForecast === null ? '' : r.runRateForecast / 100,
  r.requiredDailyPace === null ? '' : r.requiredDailyPace / 100,
  r.weightedPipeline / 100,
  r.forecast / 100,
  r.coverage === null ? '' : Math.round(r.coverage * 100) / 100,
  r.workingDaysElapsed,
  r.workingDaysTotal,
];

export function planFactBlock(
  input: DashInput,
  company: PlanFactRow,
  teams: readonly PlanFactRow[],
): BlockDraft {
  const { h, lang, period } = input;
  // The same notes as the custom functions': what the figures left out or took as written.
  const notes = planNotes(company, teams, lang);
  if (company.plan === 0) notes.push(h('an.dash.noPlans'));
  return {
    key: 'planFact',
    title: `${h('an.dash.planFact')}: ${period.label}`,
    header: header(input),
    rows: [line(company, h('an.company')), ...teams.map((r) => line(r, r.name || h('an.noTeam')))],
    formats: FORMATS,
    notes,
  };
}

/**
 * Managers by completion of plan, best first (no plan last), so the head reads the ranking, not
 * the alphabet; equal ones by name.
 */
export function byCompletion(rows: readonly PlanFactRow[]): PlanFactRow[] {
  const key = (r: PlanFactRow) => (r.completion === null ? -Infinity : r.completion);
  return [...rows].sort((a, b) => key(b) - key(a) || a.name.localeCompare(b.name));
}

export function managersBlock(input: DashInput, managers: readonly PlanFactRow[]): BlockDraft {
  return {
    key: 'managers',
    title: input.h('an.col.manager'),
    header: header(input),
    rows: managers.map((r) => line(r, r.name)),
    formats: FORMATS,
    // Negative plans and partly planned periods of single managers (the company's are above).
    notes: planNotes({ excluded: [], dealsWithoutAmount: 0 }, managers, input.lang),
  };
}
