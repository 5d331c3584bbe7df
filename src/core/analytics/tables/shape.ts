/** The shape every function's table shares: a rectangle, the company's notes, row names. */
import { t, type MessageKey } from '../../i18n';
import type { Lang } from '../../types';
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

/**
 * The note rows under a table: what the company's figure left out or took as written, so no
 * number is silently wrong. `rows` are the table's other rows (for negative plans by name).
 */
export function notes(
  run: FunctionRun,
  row: Pick<PlanFactRow, 'excluded' | 'dealsWithoutAmount'> & Partial<PlanFactRow>,
  rows: readonly PlanFactRow[] = [],
): Table {
  return planNotes(row, rows, run.lang).map((x) => [x]);
}

export function planNotes(
  row: Pick<PlanFactRow, 'excluded' | 'dealsWithoutAmount'> & Partial<PlanFactRow>,
  rows: readonly PlanFactRow[],
  lang: Lang,
): string[] {
  const out: string[] = [];
  const ex = excludedNote(row.excluded, lang);
  if (ex) out.push(ex);
  const count = (key: MessageKey, n: number | undefined): void => {
    if (n) out.push(t(lang, key, { count: n }));
  };
  const list = (key: MessageKey, items: readonly string[] | undefined): void => {
    if (items && items.length) out.push(t(lang, key, { list: items.join(', ') }));
  };
  count('an.note.noAmount', row.dealsWithoutAmount);
  count('an.note.undated', row.wonUndated);
  count('an.note.negativeAmount', row.negativeAmounts);
  count('an.note.badProbability', row.badProbabilities);
  const negative = [row, ...rows].filter((r) => r.plan !== undefined && r.plan < 0);
  list(
    'an.note.negativePlan',
    negative.map((r) => (r.level === 'company' ? t(lang, 'an.company') : r.name || '')),
  );
  const partial = new Set<string>(row.planMissing ?? []);
  for (const r of rows) for (const m of r.planMissing) partial.add(m);
  list('an.note.planPartial', [...partial].sort());
  list('an.note.unknownManagers', row.unknownManagers);
  list('an.note.ambiguousManagers', row.ambiguousManagers);
  return out;
}

export function rowName(run: FunctionRun, r: PlanFactRow): string {
  if (r.level === 'company') return run.h('an.company');
  if (r.level === 'team') return r.name || run.h('an.noTeam');
  return r.name;
}
