/**
 * Budget and Spend rows as the money figures read them. Money is integer kopecks in the workbook
 * currency (the Spend sheet has no currency column: expenses are booked in roubles).
 */
import type { Kopecks } from '../money';
import type { Day, Zone } from '../time';
import { parsePeriod, type Period } from '../workbook/period';
import type { RawRecord } from '../workbook/tables';

export interface BudgetRow {
  row: number;
  line: string;
  source: string;
  /** The month the amount is planned for; null when the cell is not a month. */
  month: Period | null;
  amount: Kopecks | null;
}

export interface SpendRow {
  row: number;
  day: Day | null;
  line: string;
  source: string;
  amount: Kopecks | null;
  comment: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function toBudgetRow({ row, cells: c }: RawRecord, zone?: Zone): BudgetRow {
  const p = parsePeriod(c.month, zone);
  return {
    row,
    line: str(c.line),
    source: str(c.source),
    month: p && p.kind === 'month' ? p : null,
    amount: num(c.amount),
  };
}

export function toSpendRow({ row, cells: c }: RawRecord): SpendRow {
  return {
    row,
    day: num(c.date),
    line: str(c.line),
    source: str(c.source),
    amount: num(c.amount),
    comment: str(c.comment),
  };
}

/**
 * The key a line or a source is matched by: case, spaces and ё do not matter. A source renamed
 * mid-year is two sources (the name as typed is the identity); rename the old rows to merge them.
 */
export function nameKey(name: string): string {
  return name.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
}
