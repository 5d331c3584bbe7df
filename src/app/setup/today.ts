/**
 * ROP_TODAY: a named cell on the Settings sheet holding today's date in the spreadsheet's zone.
 * Sheets recalculates a custom function only when its arguments change, and forbids TODAY()/NOW()
 * as arguments, so a formula whose as-of date defaults to "now" keeps the figures of the day it
 * was first computed. Formulas pass ROP_TODAY as `asOf` instead: Setup creates it, the daily
 * trigger and "Refresh dashboard" rewrite it when the day changes (every such formula then
 * recalculates once a day), and "Recalculate ROP Desk formulas" writes the current time into it
 * (same day, new value) to force a recalculation after Settings or Managers changed.
 */
import { t } from '../../core/i18n';
import { DATE_FORMAT, columnLetter } from '../../core/workbook/layout';
import { dayOfInstant, startOfDay, type Instant, type Zone } from '../../core/time';
import type { Lang } from '../../core/types';
import { sheetName, writeValues } from '../../gas/sheets/blocks';
import { writeNamedCell } from '../../gas/named-cell';
import {
  ensureMaxColumns,
  namedRange,
  setNamedRange,
  setNumberFormat,
  shadeHeader,
} from '../../gas/setup-sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TODAY_RANGE = 'ROP_TODAY';

/** Midnight of `now`'s day in the spreadsheet's zone: what a date cell holds for that day. */
function todayValue(now: Instant, zone: Zone): Date {
  return new Date(startOfDay(dayOfInstant(now, zone), zone));
}

/**
 * Setup's part: creates ROP_TODAY on the Settings sheet, in a free column right of its tables
 * (`width` = the sheet's data width), or rewrites it where it already is.
 */
export function ensureTodayCell(
  ss: Spreadsheet,
  settings: Sheet,
  width: number,
  zone: Zone,
  lang: Lang,
  now: Instant,
  changes: string[],
): void {
  if (namedRange(ss, TODAY_RANGE)) {
    writeNamedCell(ss, TODAY_RANGE, todayValue(now, zone));
    return;
  }
  const col = width > 0 ? width + 2 : 1;
  ensureMaxColumns(settings, col);
  writeValues(settings, 1, col, [[t(lang, 'crm.setup.todayHeader')], [todayValue(now, zone)]]);
  setNumberFormat(settings, 2, col, 1, 1, DATE_FORMAT);
  shadeHeader(settings, 1, col, 1, false);
  const a1 = `${columnLetter(col)}2`;
  setNamedRange(ss, TODAY_RANGE, settings, a1, false);
  changes.push(`${TODAY_RANGE} → ${sheetName(settings)}!${a1}`);
}

/** The daily trigger and "Refresh dashboard": today's date (a new value once a day). */
export function writeToday(ss: Spreadsheet, zone: Zone, now: Instant): boolean {
  return writeNamedCell(ss, TODAY_RANGE, todayValue(now, zone));
}

/** "Recalculate ROP Desk formulas": the current moment, a new value on every call. */
export function forceRecalculation(ss: Spreadsheet, now: Instant): boolean {
  return writeNamedCell(ss, TODAY_RANGE, new Date(now));
}
