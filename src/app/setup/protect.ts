/**
 * The protections Setup adds (SECURITY.md, "Roles, plans, settings and recipients"): the sheets
 * that decide who is who, what the plan is and where mail goes can be edited only by the heads of
 * sales on the Managers sheet, the owner and the person running Setup. Stage history and Log are
 * written by every manager's own actions (a stage move, an error), which run with that manager's
 * rights, so they get a warning-only protection: a hard one would stop the product itself.
 */
import { t } from '../../core/i18n';
import { toManager } from '../../core/workbook/records';
import {
  LOG,
  MANAGERS,
  PLANS,
  SENT_LOG,
  SETTINGS_VALUES,
  STAGE_HISTORY,
  CHECKLISTS,
  type SheetDef,
} from '../../core/workbook/schema';
import type { Lang } from '../../core/types';
import type { Zone } from '../../core/time';
import { currentUserEmail } from '../../gas/context';
import { ownerEmail, protectSheet, warnSheet } from '../../gas/protections';
import { findSheet, readSheet } from '../../gas/sheets/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheets only the head(s) and the owner may edit. */
export const HEAD_ONLY_SHEETS: readonly SheetDef[] = [MANAGERS, SETTINGS_VALUES, PLANS, SENT_LOG];
/** Sheets managers' actions write to: a warning for people typing there by hand. */
export const SHARED_SHEETS: readonly SheetDef[] = [STAGE_HISTORY, LOG, CHECKLISTS];

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
    if (warnSheet(ss, def, t(lang, 'guard.protectionShared'))) touched.push(def[lang]);
  }
  if (touched.length) {
    changes.push(t(lang, 'guard.protected', { sheets: touched.map((s) => `«${s}»`).join(', ') }));
  }
}
