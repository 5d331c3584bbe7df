/**
 * The shape shared by the onEdit guards of sheets a manager's own sidebar actions write, and so
 * cannot be protected (a protection binds the script run by the manager too: docs/protections.md):
 * Deal lines' approval columns, Checklists and Onboarding. The guard finds the sheet's header and
 * the columns the edit covered, reads the edited rows only, and lets a rule say which cells a plain
 * manager may not have changed. One cell goes back to its old value; a paste (Google gives no old
 * values) has the refused cells cleared. Each gets a note in the workbook's language. The head,
 * the director and the owner edit freely; an editor Google does not name counts as a manager.
 */
import { t, type MessageKey } from '../../../core/i18n';
import { isBlankCell, type Cell } from '../../../core/workbook/cells';
import type { SheetDef } from '../../../core/workbook/schema';
import { locateHeader } from '../../../core/workbook/tables';
import { editBounds, editUser, singleCellEdit } from '../../../gas/edit-range';
import { readValues, sheetExtent, updateNotes, writeValues } from '../../../gas/sheets/blocks';
import type { Workbook } from '../../../gas/workbook';
import { editsFreely, restoredCell } from './old-value';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Event = GoogleAppsScript.Events.SheetsOnEdit;

/** One edit as a rule sees it. */
export interface Guarded {
  book: Workbook;
  user: string;
  /** The head, the director or the owner: they edit freely. */
  free: boolean;
  /** The edited rows, whole (row 0 is sheet row `first`). */
  rows: unknown[][];
  first: number;
  /** Column keys the edit covered. */
  edited: string[];
  single: { oldValue: unknown } | null;
  cell(r: number, key: string): unknown;
}

/** A cell the rule refuses (put back or cleared), or, with `keep`, one it only notes. */
export interface Refusal {
  r: number;
  key: string;
  why: MessageKey;
  keep?: boolean;
}

export type Guard = (e: Event, sheet: Sheet, name: string, wb: () => Workbook) => boolean;

/**
 * Runs `rule` on an edit of `def`'s sheet that covered any of `watched` (all columns when absent);
 * true when the edit was on that sheet (handled here, whatever the outcome). `rule` is not asked
 * about a free editor's edit unless `seeFree`.
 */
export function guardSheet(
  e: Event,
  sheet: Sheet,
  name: string,
  wb: () => Workbook,
  spec: { def: SheetDef; watched?: ReadonlySet<string>; seeFree?: boolean },
  rule: (g: Guarded) => Refusal[],
): boolean {
  const { def } = spec;
  if (name !== def.ru && name !== def.en) return false;
  const { lastRow, lastCol } = sheetExtent(sheet);
  if (!lastRow || !lastCol) return true;
  const found = locateHeader(readValues(sheet, 1, 1, Math.min(20, lastRow), lastCol), def.columns);
  if ('missing' in found) return true;
  const index = found.map.index;
  const b = editBounds(e);
  const first = Math.max(b.row, found.headerRow + 2);
  const last = Math.min(b.lastRow, lastRow);
  if (first > last) return true;
  const edited = def.columns
    .map((c) => c.key)
    .filter(
      (k) => index[k] !== undefined && index[k] + 1 >= b.column && index[k] + 1 <= b.lastColumn,
    )
    .filter((k) => !spec.watched || spec.watched.has(k));
  if (!edited.length) return true;
  const user = editUser(e);
  const book = wb();
  const free = editsFreely(book, user);
  if (free && !spec.seeFree) return true;
  const rows = readValues(sheet, first, 1, last - first + 1, lastCol);
  const single = singleCellEdit(e);
  const cell = (r: number, key: string) => (index[key] === undefined ? '' : rows[r][index[key]]);
  const refused = rule({ book, user, free, rows, first, edited, single, cell }).filter(
    // Nothing to undo where nothing was or is: a blank pasted cell, a blank cell left blank.
    (x) => !isBlankCell(cell(x.r, x.key)) || (single !== null && !isBlankCell(single.oldValue)),
  );
  apply(sheet, book, first, index, single, refused);
  return true;
}

/** Per column: the refused cells written back (runs of rows, one setValues each), then notes. */
function apply(
  sheet: Sheet,
  book: Workbook,
  first: number,
  index: Record<string, number>,
  single: { oldValue: unknown } | null,
  refused: readonly Refusal[],
): void {
  const old = single ? String(single.oldValue ?? '') : '';
  const byKey = new Map<string, Refusal[]>();
  for (const x of refused) byKey.set(x.key, [...(byKey.get(x.key) ?? []), x]);
  for (const [key, list] of byKey) {
    const col = index[key] + 1;
    const undo = list.filter((x) => !x.keep).map((x) => x.r);
    undo.sort((a, b) => a - b);
    for (let i = 0; i < undo.length;) {
      let j = i;
      while (j + 1 < undo.length && undo[j + 1] === undo[j] + 1) j++;
      const value: Cell = single ? restoredCell(single.oldValue) : '';
      writeValues(
        sheet,
        first + undo[i],
        col,
        Array.from({ length: j - i + 1 }, () => [value]),
      );
      i = j + 1;
    }
    const lo = Math.min(...list.map((x) => x.r));
    const hi = Math.max(...list.map((x) => x.r));
    const notes = new Map(
      list.map((x) => [x.r, `ROP Desk: ${t(book.lang, x.why, { old: old || '—' })}`]),
    );
    updateNotes(sheet, first + lo, col, hi - lo + 1, (current) =>
      current.map(([note], i) => [notes.get(lo + i) ?? note]),
    );
  }
}
