/**
 * The head's summary flags budget lines of the current month that will overspend at their pace
 * (or already have), so the head can act before the money is gone.
 */
import type { MessageKey, MessageParams } from '../i18n';
import type { Kopecks } from '../money';
import { budgetVsActual } from '../money/budget';
import type { BudgetRow, SpendRow } from '../money/records';
import { ymdFromDay, type Day } from '../time';
import { monthPeriod } from '../workbook/period';

export interface BudgetAlert {
  line: string;
  source: string;
  plan: Kopecks;
  actual: Kopecks;
  projection: Kopecks;
  status: 'atRisk' | 'over';
}

export interface MoneySheets {
  budget: readonly BudgetRow[];
  spend: readonly SpendRow[];
}

/** Lines with a plan this month whose actual or run-rate passes it, the largest gap first. */
export function budgetAlerts(money: MoneySheets, today: Day): BudgetAlert[] {
  const { year, month } = ymdFromDay(today);
  const report = budgetVsActual(money.budget, money.spend, monthPeriod(year, month), today);
  const out: BudgetAlert[] = [];
  for (const l of report.lines) {
    if (l.status !== 'atRisk' && l.status !== 'over') continue;
    const { line, source, plan, actual, projection, status } = l;
    out.push({ line, source, plan, actual, projection, status });
  }
  return out.sort((a, b) => b.projection - b.plan - (a.projection - a.plan));
}

/** What the summary's renderer offers a section (its Doc satisfies it). */
export interface SectionDoc {
  tr(key: MessageKey, params?: MessageParams): string;
  heading(text: string, count?: number): void;
  para(text: string, style?: string): void;
}

export function budgetSection(
  doc: SectionDoc,
  alerts: readonly BudgetAlert[] | undefined,
  money: (k: Kopecks) => string,
): void {
  if (!alerts || !alerts.length) return;
  doc.heading(doc.tr('money.digest.title'), alerts.length);
  for (const a of alerts) {
    doc.para(
      doc.tr('money.digest.line', {
        line: a.source ? `${a.line} · ${a.source}` : a.line || doc.tr('money.noLine'),
        actual: money(a.actual),
        plan: money(a.plan),
        projection: money(a.projection),
      }),
      a.status === 'over' ? 'color:#c5221f' : '',
    );
  }
}
