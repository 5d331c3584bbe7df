/**
 * onEdit rule for the Checklists sheet (issue #14): a plain manager ticks and unticks items of
 * their own deals only, as the panel's `tickItem` allows. Typing into a row of someone else's deal
 * (or moving a row off one, by changing its deal id) goes back with a note; a paste is cleared.
 * Reads the Checklists header and edited rows, and Deals twice: its header, then the id and
 * manager columns in one block (never the whole sheet).
 */
import { CHECKLISTS } from '../../../core/workbook/schema';
import { dealManagers } from '../../../gas/sheets/deal-managers';
import { guardSheet, type Guard, type Refusal } from './guard-sheet';

const idOf = (v: unknown): string =>
  String(v ?? '')
    .trim()
    .toUpperCase();

export const guardChecklistEdit: Guard = (e, sheet, name, wb) =>
  guardSheet(e, sheet, name, wb, { def: CHECKLISTS }, (g) => {
    let owners: Map<string, string> | null = null;
    // A row with no deal id is nobody's; any other must be a deal the editor manages.
    const mine = (id: string) =>
      !id || (owners ??= dealManagers(g.book.ss)).get(id) === (g.user || '\u0000');
    const out: Refusal[] = [];
    g.rows.forEach((_, r) => {
      const movedFrom = g.single && g.edited.includes('dealId') ? idOf(g.single.oldValue) : '';
      if (mine(idOf(g.cell(r, 'dealId'))) && mine(movedFrom)) return;
      for (const key of g.edited) out.push({ r, key, why: 'tasks.edit.checklist' });
    });
    return out;
  });
