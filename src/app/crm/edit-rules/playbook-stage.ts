/**
 * onEdit rule: a stage typed into Deals over a stage whose playbook is not done. A strict stage
 * gets the previous stage back with a note saying what is missing; any other keeps the new stage
 * with that note, and the Stage history row records that the exit criterion was not met. Only a
 * single-cell edit knows the stage it left, so a pasted block is not checked.
 */
import type { MessageKey, MessageParams } from '../../../core/i18n';
import type { Zone } from '../../../core/time';
import type { Settings } from '../../../core/types';
import { readCell } from '../../../core/workbook/cells';
import { toDeal } from '../../../core/workbook/records';
import { DEALS } from '../../../core/workbook/schema';
import { findStage } from '../../../core/workbook/settings';
import type { Workbook } from '../../../gas/workbook';
import { gateMove } from '../../playbooks/gate';
import { missingText } from '../../playbooks/missing';

export interface TypedGate {
  /** Put this stage back (strict stage refused the move). */
  revertTo?: string;
  note?: { key: MessageKey; params: MessageParams };
  exitMet?: boolean;
}

export function typedStageGate(
  wb: Workbook,
  settings: Settings,
  single: { oldValue: unknown } | null,
  target: string,
  cell: (key: string) => unknown,
  zone: Zone,
): TypedGate | null {
  const old = single ? findStage(settings.stages, String(single.oldValue ?? '')) : undefined;
  if (!old) return null;
  const cells: Record<string, unknown> = {};
  for (const c of DEALS.columns) cells[c.key] = readCell(c.kind, cell(c.key), zone, c.key);
  const deal = { ...toDeal({ row: 0, cells }), stage: old.name };
  const d = gateMove(wb, settings, deal, target, false);
  if (!d) return null;
  if (d.kind === 'ok') return { exitMet: d.exitMet };
  const params = { stage: old.name, missing: missingText(d.missing, settings.lang) };
  if (d.kind === 'refuse') {
    return { revertTo: old.name, note: { key: 'playbook.edit.refused', params } };
  }
  return { exitMet: false, note: { key: 'playbook.edit.missing', params } };
}
