/**
 * What the onEdit rules that put a cell back share: the event's old value as a cell again, and who
 * may type freely into the sheets managers' own sidebar actions write.
 */
import type { Cell } from '../../../core/workbook/cells';
import { safeCellText } from '../../../core/workbook/sanitize';
import type { Workbook } from '../../../gas/workbook';
import { isOwner } from '../../guard';

/**
 * The event's old value (always text) as a cell again: a tick stays a tick, a number a number;
 * a date comes as its serial number, which under the column's date format is the same date. Text
 * is written back safe from formula injection, as any text ROP Desk writes.
 */
export function restoredCell(old: unknown): Cell {
  const s = String(old ?? '');
  if (/^(true|false)$/i.test(s.trim())) return s.trim().toLowerCase() === 'true';
  return /^-?\d+(\.\d+)?$/.test(s.trim()) ? Number(s) : safeCellText(s);
}

/** The head, the director and the owner edit these sheets freely; an unnamed editor does not. */
export function editsFreely(book: Workbook, user: string): boolean {
  if (!user) return false;
  if (isOwner(book, user)) return true;
  const me = book.list('managers').find((m) => m.email === user && m.active);
  return !!me && me.role !== 'manager';
}
