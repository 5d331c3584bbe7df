/**
 * Bonus statements for every manager of a period: plan and fact from planFact, overdue debts, and
 * the scheme chosen per manager (personal, their grade's, their team's, the first; bonus.ts).
 */
import { gradeIndex } from '../people/grades';
import { peopleOf } from '../people/settings';
import type { Day } from '../time';
import type { Manager, WorkbookData } from '../types';
import { chooseScheme, computeBonus, schemesFrom, type BonusStatement } from './bonus';
import type { Period } from './period';
import { planFact, type PlanFactOptions, type PlanFactRow } from './planfact';
import { overdueByManager } from './receivables';

export interface ManagerBonus extends BonusStatement {
  manager: string;
  name: string;
  /** The grade and the scheme it names when no scheme has that name (shown on the row). */
  gradeMissing?: { grade: string; scheme: string };
}

/** The scheme name the manager's grade sets ('' when the grade is not on the ladder). */
function gradeSchemeOf(data: WorkbookData, m: Pick<Manager, 'grade'>): string {
  const grades = peopleOf(data.settings).grades;
  const at = gradeIndex(grades, m.grade);
  return at >= 0 ? grades[at].bonusScheme : '';
}

export function bonusStatements(
  data: WorkbookData,
  period: Period,
  asOf: Day,
  opts: PlanFactOptions & { rows?: PlanFactRow[] } = {},
): ManagerBonus[] {
  const schemes = schemesFrom(data.settings.bonus);
  const rows = opts.rows ?? planFact(data, period, 'manager', asOf, { ...opts, metric: 'revenue' });
  const needOverdue = schemes.some((s) => s.reduceByOverdue);
  const overdue = needOverdue
    ? overdueByManager(data, Math.min(asOf, period.end))
    : new Map<string, number>();
  const managers = new Map(data.managers.map((m) => [m.email.trim().toLowerCase(), m]));
  return rows.map((r) => {
    const m = managers.get(r.target);
    const who = m ?? { email: r.target, name: r.name, team: r.team };
    const choice = chooseScheme(schemes, who, m ? gradeSchemeOf(data, m) : '');
    const s = computeBonus(choice.scheme, r.plan, r.fact, overdue.get(r.target) ?? 0);
    const out: ManagerBonus = { manager: r.target, name: r.name, ...s };
    if (choice.missing && m) out.gradeMissing = { grade: m.grade.trim(), scheme: choice.missing };
    return out;
  });
}
