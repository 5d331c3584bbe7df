/**
 * Checklist ticks as the execution's Workbook holds them: the Checklists sheet read once, the
 * last row for a (deal, stage, item) deciding whether it is ticked; a tick or untick is one append.
 */
import { normalizeHeader } from '../../core/workbook/headers';
import type { Workbook } from '../../gas/workbook';

const key = (stage: string, item: string): string =>
  `${normalizeHeader(stage)}\u0000${normalizeHeader(item)}`;

/** The deal's ticked items per stage key; a workbook without the sheet has none. */
export function tickedOf(wb: Workbook, dealId: string): Set<string> {
  const on = new Set<string>();
  let records;
  try {
    records = wb.table('checklists').records;
  } catch {
    return on; // an older workbook before Setup ran again: nothing ticked yet
  }
  for (const { cells } of records) {
    if (String(cells.dealId ?? '').toUpperCase() !== dealId) continue;
    const k = key(String(cells.stage ?? ''), String(cells.item ?? ''));
    if (cells.done === true) on.add(k);
    else on.delete(k);
  }
  return on;
}

/** The items of `checklist` ticked for `stage`, as the rules want them (the item texts). */
export function tickedItems(
  ticks: ReadonlySet<string>,
  stage: string,
  checklist: readonly string[],
): Set<string> {
  return new Set(checklist.filter((i) => ticks.has(key(stage, i))));
}

export function appendTick(
  wb: Workbook,
  row: { dealId: string; stage: string; item: string; done: boolean; by: string; at: number },
): void {
  wb.append('checklists', [row]);
}
