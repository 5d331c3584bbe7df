/**
 * The growth ladder: a manager's figures against the criteria of their grade (at risk when one
 * fails) and of the next one (ready when all pass). A criterion without a figure (no plan in the
 * window, no checked stage move for process compliance) is skipped and shown as such, never
 * counted as met or failed.
 */
import type { GradeDef } from './types';

export type CriterionKey = 'plan' | 'conversion' | 'compliance' | 'trainings' | 'months';

export interface GradeFigures {
  /** Average plan completion over the grade's months; null: no plan in those months. */
  plan: number | null;
  conversion: number | null;
  /** Share of checked stage moves with the exit criterion met; null: no such move. */
  compliance: number | null;
  trainings: number;
  months: number | null;
}

export interface CriterionCheck {
  key: CriterionKey;
  need: number;
  have: number | null;
  /** null: no figure, skipped. */
  ok: boolean | null;
}

export function checkGrade(g: GradeDef, f: GradeFigures): CriterionCheck[] {
  const pairs: Array<[CriterionKey, number | null, number | null]> = [
    ['plan', g.minPlan, f.plan],
    ['conversion', g.minConversion, f.conversion],
    ['compliance', g.minCompliance, f.compliance],
    ['trainings', g.minTrainings, f.trainings],
    ['months', g.minMonths, f.months],
  ];
  const out: CriterionCheck[] = [];
  for (const [key, need, have] of pairs) {
    if (need === null) continue;
    out.push({ key, need, have, ok: have === null ? null : have >= need - 1e-9 });
  }
  return out;
}

export interface Readiness {
  /** Index of the manager's grade in the ladder; -1: none or a name not on the ladder. */
  at: number;
  bonusScheme: string;
  next: { grade: string; checks: CriterionCheck[]; ready: boolean } | null;
  /** The current grade's criteria that fail (months in grade aside). */
  risks: CriterionCheck[];
}

export function gradeIndex(grades: readonly GradeDef[], grade: string): number {
  const key = grade.trim().toLowerCase();
  return key ? grades.findIndex((g) => g.grade.trim().toLowerCase() === key) : -1;
}

/** `f` gives the figures a grade's criteria are checked on (they look back its own months). */
export function readiness(
  grades: readonly GradeDef[],
  grade: string,
  f: (g: GradeDef) => GradeFigures,
): Readiness {
  const at = gradeIndex(grades, grade);
  const nextDef = grades[at + 1];
  const checks = nextDef ? checkGrade(nextDef, f(nextDef)) : [];
  return {
    at,
    bonusScheme: at >= 0 ? grades[at].bonusScheme : '',
    next: nextDef
      ? { grade: nextDef.grade, checks, ready: checks.every((c) => c.ok !== false) }
      : null,
    // Time in grade is how one got there, not something one can fall below.
    risks:
      at >= 0
        ? checkGrade(grades[at], f(grades[at])).filter((c) => c.ok === false && c.key !== 'months')
        : [],
  };
}
