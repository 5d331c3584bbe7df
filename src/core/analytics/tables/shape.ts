/** The shape every function's table shares: a rectangle, the company's notes, row names. */
import { t } from '../../i18n';
import { excludedNote } from '../format';
import type { PlanFactRow } from '../planfact';
import type { FunctionRun } from './run';
import type { Cell, Table } from './table';

/** Pads rows to the header's width (Sheets needs a rectangle). */
export function rect(table: Table): Table {
  const width = Math.max(...table.map((r) => r.length));
  return table.map((r) =>
    r.length < width ? [...r, ...new Array<Cell>(width - r.length).fill('')] : r,
  );
}

export function notes(
  run: FunctionRun,
  row: Pick<PlanFactRow, 'excluded' | 'dealsWithoutAmount'>,
): Table {
  const out: Table = [];
  const ex = excludedNote(row.excluded, run.lang);
  if (ex) out.push([ex]);
  if (row.dealsWithoutAmount)
    out.push([t(run.lang, 'an.note.noAmount', { count: row.dealsWithoutAmount })]);
  return out;
}

export function rowName(run: FunctionRun, r: PlanFactRow): string {
  if (r.level === 'company') return run.h('an.company');
  if (r.level === 'team') return r.name || run.h('an.noTeam');
  return r.name;
}
