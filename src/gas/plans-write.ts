/**
 * Writing the plan builder's rows into the Plans sheet already read by the execution's Workbook:
 * changed rows in one setValues per run of adjacent rows (value and source columns, nothing
 * else of the row), new rows appended in one block. The Workbook's copy of the values is patched
 * as getValues would return it; returns the first appended row. The caller computes its answer from the core's plansAfter, not
 * from a re-read.
 */
import { PLANS } from '../core/workbook/schema';
import type { Workbook } from './workbook';
import { missingColumnError } from './sheets/table';

export interface PlanUpdate {
  /** 1-based sheet row. */
  row: number;
  /** As the cell holds it: roubles for revenue, a count otherwise. */
  value: number;
}

/** Fails, naming the column, when the sheet has no Source column to mark the builder's rows. */
export function requireSourceColumn(wb: Workbook): void {
  const t = wb.table('plans');
  if (t.index.source === undefined) {
    const column = PLANS.columns.find((c) => c.key === 'source');
    if (column) throw missingColumnError(PLANS[t.lang], column, t.lang);
  }
}

export function writePlanRows(
  wb: Workbook,
  updates: readonly PlanUpdate[],
  appends: ReadonlyArray<Record<string, unknown>>,
  mark: string,
): number {
  const t = wb.table('plans');
  const valueCol = t.index.value;
  const sourceCol = t.index.source;
  const sorted = [...updates].sort((a, b) => a.row - b.row);
  const together = sourceCol === valueCol + 1;
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].row === sorted[j - 1].row + 1) j++;
    const run = sorted.slice(i, j);
    const start = run[0].row;
    if (together) {
      t.sheet
        .getRange(start, valueCol + 1, run.length, 2)
        .setValues(run.map((u) => [u.value, mark]));
    } else {
      t.sheet.getRange(start, valueCol + 1, run.length, 1).setValues(run.map((u) => [u.value]));
      t.sheet.getRange(start, sourceCol + 1, run.length, 1).setValues(run.map(() => [mark]));
    }
    for (const u of run) {
      const line = t.values[u.row - 1];
      if (!line) continue;
      line[valueCol] = u.value;
      line[sourceCol] = mark;
    }
    i = j;
  }
  return wb.append('plans', appends);
}
