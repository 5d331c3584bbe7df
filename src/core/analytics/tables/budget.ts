/** SALES_BUDGET: the budget's plan vs actual per line (and month), remaining and run-rate. */
import { t, type MessageKey } from '../../i18n';
import { budgetVsActual } from '../../money/budget';
import { toBudgetRow, toSpendRow } from '../../money/records';
import { dayOfInstant } from '../../time';
import { BUDGET, SPEND } from '../../workbook/schema';
import { periodArg, typedArg } from '../args';
import { pct, roubles } from '../format';
import { runFunction, type FunctionContext, type FunctionRun } from './run';
import { rect } from './shape';
import type { Cell, Table } from './table';

const HEADER: readonly MessageKey[] = [
  'money.col.line',
  'money.col.source',
  'money.col.month',
  'money.col.plan',
  'money.col.actual',
  'money.col.remaining',
  'money.col.used',
  'money.col.projection',
  'money.col.status',
];

export const readBudget = (run: FunctionRun, value: unknown) =>
  typedArg(run, 'budget', value, BUDGET, (r) => toBudgetRow(r, run.zone));
export const readSpend = (run: FunctionRun, value: unknown) =>
  typedArg(run, 'spend', value, SPEND, toSpendRow);

export function salesBudget(
  ctx: FunctionContext,
  budget: unknown,
  spend: unknown,
  period: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [budget, BUDGET],
      [spend, SPEND],
    ],
    (run) => {
      const p = periodArg(run, 'period', period);
      const report = budgetVsActual(
        readBudget(run, budget),
        readSpend(run, spend),
        p,
        dayOfInstant(ctx.now, run.zone),
      );
      const used = (plan: number, actual: number): Cell => (plan > 0 ? pct(actual / plan) : '');
      const rows: Table = [HEADER.map((k) => run.h(k))];
      const lines = [...report.lines, { ...report.total, line: run.h('money.total') }];
      for (const l of lines) {
        const line = l.line || run.h('money.noLine');
        rows.push([
          line,
          l.source,
          p.label,
          roubles(l.plan),
          roubles(l.actual),
          roubles(l.remaining),
          used(l.plan, l.actual),
          roubles(l.projection),
          run.h(`money.status.${l.status}`),
        ]);
        if (l.months.length < 2) continue;
        for (const m of l.months) {
          rows.push([
            line,
            l.source,
            m.month.label,
            roubles(m.plan),
            roubles(m.actual),
            roubles(m.plan - m.actual),
            used(m.plan, m.actual),
          ]);
        }
      }
      rows.push([
        t(run.lang, 'money.note.elapsed', { elapsed: report.elapsed, days: report.days }),
      ]);
      const { budgetNoMonth, spendUndated, noAmount } = report.skipped;
      if (budgetNoMonth)
        rows.push([t(run.lang, 'money.note.budgetNoMonth', { count: budgetNoMonth })]);
      if (spendUndated)
        rows.push([t(run.lang, 'money.note.spendUndated', { count: spendUndated })]);
      if (noAmount) rows.push([t(run.lang, 'money.note.noAmount', { count: noAmount })]);
      return rect(rows);
    },
  );
}
