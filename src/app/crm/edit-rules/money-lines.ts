/**
 * onEdit rule (issue #15): a deal with lines takes its amount from them, and a discount over the
 * seller's limit holds it before the invoice and won stages. So, typed by hand on Deals:
 *   - an amount on a deal that has lines goes back to what it was, with a note;
 *   - a stage past the gate while a line awaits approval goes back, with a note naming the lines
 *     (a line typed «Согласовано» without the head's seal still awaits it).
 * Only a single-cell edit carries the old value to restore; a paste is left to the panel's gate.
 * The Deal lines sheet is read only when one of these two cells was typed.
 */
import { t } from '../../../core/i18n';
import { blockingLines, gatedStage } from '../../../core/money/approvals';
import { discountLimits } from '../../../core/money/lines';
import { sealCheck } from '../../../core/money/seal';
import { findStage } from '../../../core/workbook/settings';
import { editBounds, singleCellEdit } from '../../../gas/edit-range';
import { readValues, sheetExtent, updateNotes, writeValues } from '../../../gas/sheets/blocks';
import { documentHmac } from '../../../gas/seal';
import { readLines } from '../../money/read';
import type { EditedBlock } from './manager-column';
import { restoredCell } from './old-value';

/** Reverts a typed amount or a gated stage on a deal with lines; true when it did. */
export function revertMoneyEdit(e: GoogleAppsScript.Events.SheetsOnEdit, x: EditedBlock): boolean {
  if (x.def.key !== 'deals') return false;
  const key = x.edited.has('amount') ? 'amount' : x.edited.has('stage') ? 'stage' : null;
  const single = singleCellEdit(e);
  if (!key || !single || x.index.id === undefined) return false;
  const { row } = editBounds(e);
  const cells = readValues(x.sheet, row, 1, 1, sheetExtent(x.sheet).lastCol)[0];
  const id = String(cells[x.index.id] ?? '')
    .trim()
    .toUpperCase();
  if (!id) return false;
  const settings = x.wb.settings;
  let note: string;
  if (key === 'amount') {
    if (!readLines(x.wb).some((l) => l.dealId === id)) return false;
    note = t(settings.lang, 'money.edit.amount');
  } else {
    const stage = findStage(settings.stages, String(cells[x.index.stage] ?? '').trim());
    if (!stage || !gatedStage(stage.name, settings)) return false;
    const manager = String(cells[x.index.manager ?? -1] ?? '');
    const blocking = blockingLines(
      readLines(x.wb),
      { id, manager },
      x.wb.list('managers'),
      // Only a sealed approval opens the gate; the key is read only for a line that says approved.
      sealCheck(documentHmac()),
      discountLimits(settings),
    );
    if (!blocking.length) return false;
    note = t(settings.lang, 'money.edit.stage', {
      products: blocking.map((l) => l.product).join(', '),
    });
  }
  const col = x.index[key] + 1;
  writeValues(x.sheet, row, col, [[restoredCell(single.oldValue)]]);
  updateNotes(x.sheet, row, col, 1, () => [[note]]);
  return true;
}
