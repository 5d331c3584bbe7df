/**
 * SECURITY.md T7: when onEdit cannot get the document lock (another execution holds it), the rest
 * of its work waits for the next edit, but the edited rows' updated-at still moves. A sidebar that
 * was shown the row before the typing then carries an older stamp, and its write is refused as
 * stale instead of overwriting what was typed. Writing without the lock is safe here: it is one
 * column block over exactly the rows this edit just touched (whose row numbers the event gives),
 * and a concurrent write to the same rows can only move their stamp forward too.
 */
import type { SheetDef } from '../../../core/workbook/schema';
import type { StageDef } from '../../../core/types';
import { findStage } from '../../../core/workbook/settings';
import { enqueue } from '../../../gas/journal';
import type { Zone } from '../../../core/time';
import { isBlankCell, writeCell, type Cell } from '../../../core/workbook/cells';
import { parseInstant } from '../../../core/workbook/normalize';
import { nextStamp } from '../../../core/crm/ops';
import { readValues, writeValues } from '../../../gas/sheets/blocks';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface BusyEdit {
  sheet: Sheet;
  def: SheetDef;
  index: Record<string, number>;
  firstRow: number;
  endRow: number;
  zone: Zone;
  now: number;
  /** A stage typed into one deal cell: its history row is queued (src/gas/journal.ts). */
  stage?: {
    stages: () => readonly StageDef[];
    single: { oldValue: unknown } | null;
    by: string;
  };
}

/** Stamps updated-at on the edited rows that already have an id; one read and one write. */
export function stampWithoutLock(e: BusyEdit): void {
  const idCol = e.index.id;
  const col = e.index.updatedAt;
  if (idCol === undefined || col === undefined) return;
  if (e.def.key !== 'deals' && e.def.key !== 'clients') return;
  const lo = Math.min(idCol, col);
  const width = Math.abs(col - idCol) + 1;
  const rows = readValues(e.sheet, e.firstRow, lo + 1, e.endRow - e.firstRow + 1, width);
  let any = false;
  const out: Cell[][] = rows.map((r) => {
    const current = r[col - lo];
    // A row without an id was never shown in the sidebar: nothing can be stale about it.
    if (isBlankCell(r[idCol - lo])) return [current as Cell];
    any = true;
    const stamp = nextStamp(parseInstant(current, e.zone), e.now);
    return [writeCell('datetime', stamp, e.zone)];
  });
  if (any) writeValues(e.sheet, e.firstRow, col + 1, out);
  queueTypedStage(e, rows.length === 1 ? String(rows[0][idCol - lo] ?? '') : '');
}

/**
 * Stage history is written under the lock by the edit's own work; without it, a stage typed into
 * one cell still reaches the history through the queue that the next permitted run appends. The
 * cell is re-read (one cell) for what was typed; an unknown stage is left for the next edit.
 */
function queueTypedStage(e: BusyEdit, dealId: string): void {
  const col = e.index.stage;
  if (!e.stage?.single || !dealId || col === undefined || e.endRow !== e.firstRow) return;
  const typed = String(readValues(e.sheet, e.firstRow, col + 1, 1, 1)[0][0] ?? '').trim();
  const stages = e.stage.stages();
  const to = typed ? findStage(stages, typed) : undefined;
  const from = findStage(stages, String(e.stage.single.oldValue ?? ''));
  if (!to || from?.name === to.name) return;
  const row = { dealId, fromStage: from?.name ?? '', toStage: to.name, at: e.now, by: e.stage.by };
  try {
    enqueue('stageHistory', [row]);
  } catch (err) {
    console.error('ROP Desk: could not queue the stage history', err, row);
  }
}
