/**
 * onEdit rule (SECURITY.md, "Roles, plans, settings and recipients"): the responsible manager of
 * a deal or a client is changed only by a head of sales (or the owner). A manager typing another
 * email into that column, e.g. to take a colleague's deal, gets the old value back with a note.
 * A manager may fill a blank Manager cell with their own email (a row they are typing in).
 * A paste over several cells has no old values to restore: each pasted cell gets the note.
 */
import { t } from '../../../core/i18n';
import type { SheetDef } from '../../../core/workbook/schema';
import type { Workbook } from '../../../gas/workbook';
import { editBounds, editUser, singleCellEdit } from '../../../gas/edit-range';
import { updateNotes, writeValues } from '../../../gas/sheets/blocks';
import { isOwner, managersTrusted } from '../../guard';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface EditedBlock {
  wb: Workbook;
  sheet: Sheet;
  def: SheetDef;
  /** 0-based column index of each column key in the sheet. */
  index: Record<string, number>;
  edited: ReadonlySet<string>;
}

function mayReassign(wb: Workbook, user: string): boolean {
  if (!user) return false;
  if (isOwner(wb, user)) return true;
  const managers = wb.list('managers');
  const me = managers.find((m) => m.email === user && m.active);
  return !!me && me.role === 'head' && managersTrusted(wb, managers);
}

/** Reverts a manager's change of the Manager column; true when it did. */
export function revertManagerEdit(
  e: GoogleAppsScript.Events.SheetsOnEdit,
  x: EditedBlock,
): boolean {
  if (x.def.key !== 'deals' && x.def.key !== 'clients') return false;
  const col = x.index.manager;
  if (col === undefined || !x.edited.has('manager')) return false;
  const user = editUser(e);
  const single = singleCellEdit(e);
  const old = single ? String(single.oldValue ?? '').trim() : null;
  const typed = String(single ? (e.value ?? '') : '')
    .trim()
    .toLowerCase();
  if (old === '' && user && typed === user) return false;
  if (old !== null && old.toLowerCase() === typed) return false;
  if (mayReassign(x.wb, user)) return false;
  const { row, lastRow } = editBounds(e);
  const rows = lastRow - row + 1;
  const note = t(x.wb.lang, 'guard.managerReverted', { old: old ?? '—' });
  if (old !== null) writeValues(x.sheet, row, col + 1, [[old]]);
  updateNotes(x.sheet, row, col + 1, rows, () => Array.from({ length: rows }, () => [note]));
  return true;
}
