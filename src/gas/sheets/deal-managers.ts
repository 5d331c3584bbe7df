/**
 * Who manages each deal, for an edit trigger that must not read Deals whole: the header rows, then
 * the id and manager columns in one block (two getValues, whatever the sheet's width).
 */
import { DEALS } from '../../core/workbook/schema';
import { locateHeader } from '../../core/workbook/tables';
import { readValues, sheetExtent } from './blocks';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Deal id (upper-case) → its manager (lower-case); empty without a readable Deals sheet. */
export function dealManagers(ss: Spreadsheet): Map<string, string> {
  const out = new Map<string, string>();
  const sheet = ss.getSheetByName(DEALS.ru) ?? ss.getSheetByName(DEALS.en);
  if (!sheet) return out;
  const { lastRow, lastCol } = sheetExtent(sheet);
  if (!lastRow || !lastCol) return out;
  const found = locateHeader(
    readValues(sheet, 1, 1, Math.min(20, lastRow), lastCol),
    DEALS.columns,
  );
  if ('missing' in found) return out;
  const { id, manager } = found.map.index;
  const top = found.headerRow + 2;
  if (id === undefined || manager === undefined || lastRow < top) return out;
  const lo = Math.min(id, manager);
  const block = readValues(sheet, top, lo + 1, lastRow - top + 1, Math.abs(id - manager) + 1);
  for (const row of block) {
    const key = String(row[id - lo] ?? '')
      .trim()
      .toUpperCase();
    if (key && !out.has(key))
      out.set(
        key,
        String(row[manager - lo] ?? '')
          .trim()
          .toLowerCase(),
      );
  }
  return out;
}
