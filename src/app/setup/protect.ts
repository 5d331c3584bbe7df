/**
 * The protections Setup adds (SECURITY.md T4): the sheets that decide who is who, what the plan is
 * and where mail goes, and the records of what happened (Stage history, Log), can be edited only
 * by the heads of sales on the Managers sheet, the owner and the person running Setup. A script
 * runs with its caller's rights, so a manager's own stage move or error cannot append to Stage
 * history or Log: those rows wait in a queue (src/gas/journal.ts) that the next run allowed to
 * write flushes in order; Setup is one such run.
 */
import { t } from '../../core/i18n';
import { toManager } from '../../core/workbook/records';
import {
  BUDGET,
  LOG,
  MANAGERS,
  PLANS,
  PRODUCTS,
  SENT_LOG,
  SETTINGS_VALUES,
  SPEND,
  STAGE_HISTORY,
  TRAINING,
  CANDIDATES,
  SCORECARD,
  type SheetDef,
} from '../../core/workbook/schema';
import type { Lang } from '../../core/types';
import type { Zone } from '../../core/time';
import { currentUserEmail } from '../../gas/context';
import { flushStageHistory } from '../../gas/journal';
import { ownerEmail, protectSheet } from '../../gas/protections';
import { findSheet, readSheet } from '../../gas/sheets/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheets only the head(s) and the owner may edit. */
export const HEAD_ONLY_SHEETS: readonly SheetDef[] = [
  MANAGERS,
  SETTINGS_VALUES,
  PLANS,
  SENT_LOG,
  TRAINING,
  CANDIDATES,
  SCORECARD,
  BUDGET,
  SPEND,
  PRODUCTS,
];
/** Records of what happened, written by managers' actions through the queue. */
export const SHARED_SHEETS: readonly SheetDef[] = [STAGE_HISTORY, LOG];

function headsOf(ss: Spreadsheet, zone: Zone): string[] {
  const found = findSheet(ss, MANAGERS);
  if (!found) return [];
  try {
    return readSheet(found.sheet, MANAGERS, zone, found.lang)
      .records.map(toManager)
      .filter((m) => m.role === 'head' && m.active && m.email)
      .map((m) => m.email);
  } catch {
    return [];
  }
}

/** Applies (or repairs) every protection; lists what changed in `changes`. */
export function protectSheets(ss: Spreadsheet, zone: Zone, lang: Lang, changes: string[]): void {
  const editors = [...new Set([...headsOf(ss, zone), ownerEmail(ss), currentUserEmail()])].filter(
    Boolean,
  );
  const touched: string[] = [];
  for (const def of HEAD_ONLY_SHEETS) {
    if (protectSheet(ss, def, editors, t(lang, 'guard.protection'))) touched.push(def[lang]);
  }
  for (const def of SHARED_SHEETS) {
    if (protectSheet(ss, def, editors, t(lang, 'guard.protectionShared'))) touched.push(def[lang]);
  }
  flushStageHistory(ss, zone, lang);
  if (touched.length) {
    changes.push(t(lang, 'guard.protected', { sheets: touched.map((s) => `«${s}»`).join(', ') }));
  }
}
