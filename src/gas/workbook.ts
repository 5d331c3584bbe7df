/**
 * Loading the workbook for a job: ONE getValues per sheet, parsed into core types.
 *
 * PUBLISHED CONTRACT (analytics, reminders and the sidebar call this; keep it stable):
 *   readWorkbook(ss, which?: SheetKey[]): WorkbookData
 * - `which` lists the data sheets to read ('managers', 'clients', 'deals', 'activities',
 *   'stageHistory', 'plans', 'invoices'); omitted = all of them. Sheets not listed come back as
 *   empty arrays. Settings are ALWAYS read (one small sheet; defaults when it is missing).
 * - Dates are Days and timestamps Instants in the SPREADSHEET's zone; money is kopecks; percents
 *   are fractions; emails are lower-case; enumerations are the core's English tokens; a plan row
 *   whose level/period cannot be read is skipped. `row` is the 1-based sheet row of each record.
 * - A listed sheet that is missing, or a missing required column, throws a UserError naming the
 *   sheet and column (error.missingSheet / error.missingColumn). Nothing is ever written here.
 * Also exported: `readWorkbookWithZone` when the caller needs the Zone it used.
 */
import type { SheetKey } from '../core/schema';
import { sheetDef, SETTINGS_VALUES } from '../core/schema';
import type { Zone } from '../core/time';
import type { Lang, Settings, WorkbookData } from '../core/types';
import { parseSettings } from '../core/crm/settings';
import {
  toActivity,
  toClient,
  toDeal,
  toInvoice,
  toManager,
  toPlan,
  toStageChange,
} from '../core/crm/records';
import type { RawRecord } from '../core/crm/tables';
import type { Plan } from '../core/types';
import { findSheet, openTable } from './sheets/table';
import { zoneOf } from './zone';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type DataSheetKey =
  'managers' | 'clients' | 'deals' | 'activities' | 'stageHistory' | 'plans' | 'invoices';

export const DATA_SHEETS: readonly DataSheetKey[] = [
  'managers',
  'clients',
  'deals',
  'activities',
  'stageHistory',
  'plans',
  'invoices',
];

/** Settings from the Settings sheet (one getValues); defaults when the sheet is missing. */
export function readSettings(ss: Spreadsheet, zone: Zone, fallbackLang: Lang = 'ru'): Settings {
  const found = findSheet(ss, SETTINGS_VALUES);
  if (!found) return parseSettings([], zone, fallbackLang);
  const values = found.sheet.getDataRange().getValues() as unknown[][];
  return parseSettings(values, zone, found.lang);
}

export function readWorkbook(ss: Spreadsheet, which?: readonly SheetKey[]): WorkbookData {
  return readWorkbookWithZone(ss, which).data;
}

export function readWorkbookWithZone(
  ss: Spreadsheet,
  which?: readonly SheetKey[],
): { data: WorkbookData; zone: Zone } {
  const zone = zoneOf(ss.getSpreadsheetTimeZone());
  const settings = readSettings(ss, zone);
  const wanted = new Set<SheetKey>(which ?? DATA_SHEETS);
  const read = (key: DataSheetKey): RawRecord[] =>
    wanted.has(key) ? openTable(ss, sheetDef(key), zone, settings.lang).records : [];
  const data: WorkbookData = {
    settings,
    managers: read('managers').map(toManager),
    clients: read('clients').map(toClient),
    deals: read('deals').map(toDeal),
    activities: read('activities').map(toActivity),
    stageHistory: read('stageHistory').map(toStageChange),
    plans: read('plans')
      .map(toPlan)
      .filter((p): p is Plan => p !== null),
    invoices: read('invoices').map(toInvoice),
  };
  return { data, zone };
}
