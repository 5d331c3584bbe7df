/** Bonus statements for every manager of a period: plan and fact from planFact, overdue debts. */
import type { Day } from '../time';
import type { WorkbookData } from '../types';
import { computeBonus, schemeFor, schemesFrom, type BonusStatement } from './bonus';
import type { Period } from './period';
import { planFact, type PlanFactOptions, type PlanFactRow } from './planfact';
import { overdueByManager } from './receivables';

export interface ManagerBonus extends BonusStatement {
  manager: string;
  name: string;
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
    const m = managers.get(r.target) ?? { email: r.target, name: r.name, team: r.team };
    const s = computeBonus(schemeFor(schemes, m), r.plan, r.fact, overdue.get(r.target) ?? 0);
    return { manager: r.target, name: r.name, ...s };
  });
}
