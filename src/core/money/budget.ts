/**
 * Plan vs actual of the head's budget, per line and month: what is left, and where the line lands
 * at its current pace. A line whose pace runs past its plan is "at risk" before it overspends.
 */
import type { Kopecks } from '../money';
import type { Day } from '../time';
import { inPeriod, monthsOf, type Period } from '../workbook/period';
import { nameKey, type BudgetRow, type SpendRow } from './records';

export type BudgetStatus = 'ok' | 'atRisk' | 'over' | 'unplanned';

export interface MonthFigures {
  month: Period;
  plan: Kopecks;
  actual: Kopecks;
}

export interface BudgetLine {
  /** As first typed in the Budget sheet (or in Spend, for a line without a budget). */
  line: string;
  source: string;
  plan: Kopecks;
  actual: Kopecks;
  remaining: Kopecks;
  /**
   * The actual extended at its daily pace (calendar days: money is spent on any day) to the
   * period's end; the actual itself once the period is over or before it starts.
   */
  projection: Kopecks;
  status: BudgetStatus;
  months: MonthFigures[];
}

export interface BudgetReport {
  period: Period;
  /** Calendar days of the period elapsed on the report's day, and in all. */
  elapsed: number;
  days: number;
  lines: BudgetLine[];
  total: BudgetLine;
  /** Rows left out of the figures, counted so nothing is silently lost. */
  skipped: { budgetNoMonth: number; spendUndated: number; noAmount: number };
}

interface Acc {
  line: string;
  source: string;
  plan: Kopecks[];
  actual: Kopecks[];
}

const keyOf = (line: string, source: string): string => `${nameKey(line)}|${nameKey(source)}`;

export function budgetVsActual(
  budget: readonly BudgetRow[],
  spend: readonly SpendRow[],
  period: Period,
  today: Day,
): BudgetReport {
  const months = monthsOf(period);
  const monthIndex = (day: Day): number => months.findIndex((m) => day >= m.start && day <= m.end);
  const lines = new Map<string, Acc>();
  const acc = (key: string, line: string, source: string): Acc => {
    let a = lines.get(key);
    if (!a) {
      a = { line, source, plan: months.map(() => 0), actual: months.map(() => 0) };
      lines.set(key, a);
    }
    return a;
  };
  const skipped = { budgetNoMonth: 0, spendUndated: 0, noAmount: 0 };
  // Every budgeted line+source, whatever its month, so spend matches the same line all year.
  const budgeted = new Set<string>();
  for (const b of budget) {
    budgeted.add(keyOf(b.line, b.source));
    if (!b.month) {
      skipped.budgetNoMonth++;
      continue;
    }
    if (b.amount === null) {
      skipped.noAmount++;
      continue;
    }
    const i = monthIndex(b.month.start);
    if (i < 0) continue;
    acc(keyOf(b.line, b.source), b.line, b.source).plan[i] += b.amount;
  }
  for (const s of spend) {
    if (s.day === null) {
      skipped.spendUndated++;
      continue;
    }
    if (!inPeriod(s.day, period)) continue;
    if (s.amount === null) {
      skipped.noAmount++;
      continue;
    }
    // Spend by source books to the line's source row when budgeted so, else to the line itself.
    let key = keyOf(s.line, s.source);
    let source = s.source;
    if (!budgeted.has(key) && budgeted.has(keyOf(s.line, ''))) {
      key = keyOf(s.line, '');
      source = '';
    }
    acc(key, s.line, source).actual[monthIndex(s.day)] += s.amount;
  }
  const days = period.end - period.start + 1;
  const elapsed = Math.max(0, Math.min(days, today - period.start + 1));
  const figures = (a: Acc): BudgetLine => {
    const plan = sum(a.plan);
    const actual = sum(a.actual);
    const projection =
      elapsed > 0 && elapsed < days ? Math.round((actual * days) / elapsed) : actual;
    return {
      line: a.line,
      source: a.source,
      plan,
      actual,
      remaining: plan - actual,
      projection,
      status: statusOf(plan, actual, projection),
      months: months.map((month, i) => ({ month, plan: a.plan[i], actual: a.actual[i] })),
    };
  };
  const list = [...lines.values()]
    .map(figures)
    .sort((x, y) => x.line.localeCompare(y.line) || x.source.localeCompare(y.source));
  const all: Acc = { line: '', source: '', plan: months.map(() => 0), actual: months.map(() => 0) };
  for (const a of lines.values()) {
    a.plan.forEach((v, i) => (all.plan[i] += v));
    a.actual.forEach((v, i) => (all.actual[i] += v));
  }
  return { period, elapsed, days, lines: list, total: figures(all), skipped };
}

function statusOf(plan: Kopecks, actual: Kopecks, projection: Kopecks): BudgetStatus {
  if (plan <= 0) return actual > 0 ? 'unplanned' : 'ok';
  if (actual > plan) return 'over';
  return projection > plan ? 'atRisk' : 'ok';
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
