/**
 * onEdit rule for the Tasks sheet: a manager only completes a task someone else set (Status
 * "Done" with a Result). Typing into any other column of such a row (what, for whom, due, who set
 * it...) puts the old value back with a note; "Done" without a result, or another status, goes
 * back too. The head, the director and the owner edit freely, and a manager edits the rows they
 * set themselves. A paste has no old values: its cells get the note. Reads the header rows and the
 * edited rows only, as the other onEdit rules do.
 */
import { t } from '../../../core/i18n';
import { MANAGER_TASK_COLUMNS } from '../../../core/tasks/access';
import { TASK_STATUSES } from '../../../core/tasks/read';
import { TASKS } from '../../../core/workbook/schema';
import { locateHeader } from '../../../core/workbook/tables';
import { editBounds, editUser, singleCellEdit } from '../../../gas/edit-range';
import { readValues, sheetExtent, updateNotes, writeValues } from '../../../gas/sheets/blocks';
import type { Workbook } from '../../../gas/workbook';
import { editsFreely, restoredCell } from './old-value';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** True when the edit was on the Tasks sheet (handled here, whatever the outcome). */
export function guardTaskEdit(
  e: GoogleAppsScript.Events.SheetsOnEdit,
  sheet: Sheet,
  name: string,
  wb: () => Workbook,
): boolean {
  if (name !== TASKS.ru && name !== TASKS.en) return false;
  const { lastRow, lastCol } = sheetExtent(sheet);
  if (!lastRow || !lastCol) return true;
  const found = locateHeader(
    readValues(sheet, 1, 1, Math.min(20, lastRow), lastCol),
    TASKS.columns,
  );
  if ('missing' in found) return true;
  const index = found.map.index;
  const b = editBounds(e);
  const first = Math.max(b.row, found.headerRow + 2);
  if (first > b.lastRow) return true;
  const edited = TASKS.columns
    .map((c) => c.key)
    .filter(
      (k) => index[k] !== undefined && index[k] + 1 >= b.column && index[k] + 1 <= b.lastColumn,
    );
  if (!edited.length) return true;
  const user = editUser(e);
  const book = wb();
  if (editsFreely(book, user)) return true;
  const rows = readValues(sheet, first, 1, b.lastRow - first + 1, lastCol);
  const single = singleCellEdit(e);
  const cell = (r: number, key: string) => (index[key] === undefined ? '' : rows[r][index[key]]);
  rows.forEach((row, r) => {
    const setBy = String(cell(r, 'setBy') ?? '')
      .trim()
      .toLowerCase();
    if (!setBy || setBy === user) return;
    for (const key of edited) {
      let why = '';
      if (!MANAGER_TASK_COLUMNS.has(key)) why = 'tasks.edit.reverted';
      else if (key === 'status') {
        const status = TASK_STATUSES.parse(cell(r, 'status'));
        const result = String(cell(r, 'result') ?? '').trim();
        if (status !== 'done') why = 'tasks.edit.reverted';
        else if (!result) why = 'tasks.edit.resultRequired';
      }
      if (!why) continue;
      const col = index[key] + 1;
      const old = single ? String(single.oldValue ?? '') : null;
      const note = `ROP Desk: ${t(book.lang, why as 'tasks.edit.reverted', { old: old || '—' })}`;
      if (old !== null) writeValues(sheet, first + r, col, [[restoredCell(old)]]);
      updateNotes(sheet, first + r, col, 1, () => [[note]]);
    }
  });
  return true;
}
