/**
 * What a use-case needs to know about the spreadsheet itself (not its sheets): id, name, address,
 * zone, the sheet ids that deep links point at, and the short toast in its corner.
 */
import type { SheetDef, SheetKey } from '../core/workbook/schema';
import { findSheet } from './sheets/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function spreadsheetId(ss: Spreadsheet): string {
  return ss.getId();
}

export function spreadsheetName(ss: Spreadsheet): string {
  return ss.getName();
}

/** The IANA name of the spreadsheet's zone (File > Settings), as Utilities.formatDate wants it. */
export function spreadsheetTimeZone(ss: Spreadsheet): string {
  return ss.getSpreadsheetTimeZone();
}

/** The spreadsheet's address and the gid of each of `defs` that exists, for links in mail. */
export function sheetLinks(
  ss: Spreadsheet,
  defs: readonly SheetDef[],
): { url: string; gids: Partial<Record<SheetKey, number>> } {
  const gids: Partial<Record<SheetKey, number>> = {};
  for (const def of defs) {
    const found = findSheet(ss, def);
    if (found) gids[def.key] = found.sheet.getSheetId();
  }
  return { url: ss.getUrl(), gids };
}

/** A toast in the spreadsheet's corner; throws where there is no UI. */
export function showToast(ss: Spreadsheet, text: string, title: string, seconds: number): void {
  ss.toast(text, title, seconds);
}

/** A toast in the spreadsheet's corner; silently nothing where there is no UI (a trigger). */
export function toast(ss: Spreadsheet, text: string, seconds = 8): void {
  try {
    showToast(ss, text, 'ROP Desk', seconds);
  } catch {
    // No UI in this context; the Log sheet has the line anyway.
  }
}

/** The spreadsheet the script is bound to or opened from; null in an add-on's trigger run. */
export function activeSpreadsheet(): Spreadsheet | null {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Opens a spreadsheet by id (needs the `spreadsheets` scope; see ARCHITECTURE.md). */
export function openSpreadsheet(id: string): Spreadsheet {
  return SpreadsheetApp.openById(id);
}
