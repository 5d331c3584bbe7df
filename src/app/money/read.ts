/**
 * The Budget and Spend sheets of an execution's Workbook, typed (one read each, through it).
 * `lenient` is for the reminders job: a workbook without these sheets, or with a broken one,
 * still gets its mail, just without the budget section.
 */
import { isUserError } from '../../core/errors';
import { toBudgetRow, toSpendRow, type BudgetRow, type SpendRow } from '../../core/money/records';
import { toDealLine, type DealLine } from '../../core/money/lines';
import { toProduct, type Product } from '../../core/money/products';
import type { MoneySheets } from '../../core/reminders/budget';
import { readTyped, type RawRecord } from '../../core/workbook/tables';
import type { Workbook } from '../../gas/workbook';

function sheet<T>(
  wb: Workbook,
  key: 'budget' | 'spend' | 'dealLines' | 'products',
  to: (r: RawRecord) => T,
  lenient: boolean,
): T[] {
  try {
    const t = wb.table(key);
    return readTyped(t.values, t.def, wb.zone, to, { found: t.header });
  } catch (e) {
    if (lenient && isUserError(e)) return [];
    throw e;
  }
}

export function readMoney(
  wb: Workbook,
  lenient = false,
): MoneySheets & {
  budget: BudgetRow[];
  spend: SpendRow[];
} {
  return {
    budget: sheet(wb, 'budget', (r) => toBudgetRow(r, wb.zone), lenient),
    spend: sheet(wb, 'spend', toSpendRow, lenient),
  };
}

/** The Deal lines sheet; a workbook without it has no lines (nothing to gate or approve). */
export function readLines(wb: Workbook): DealLine[] {
  return sheet(wb, 'dealLines', toDealLine, true);
}

/** The Products sheet (the price list); a workbook without it offers nothing to pick. */
export function readProducts(wb: Workbook): Product[] {
  return sheet(wb, 'products', toProduct, true);
}
