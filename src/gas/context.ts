/**
 * Where a server call runs: which spreadsheet, which zone, who is calling. Container-bound and
 * sidebar calls have an active spreadsheet; an add-on's time-driven trigger has none, so its
 * caller passes the id it stored when installing the trigger (user properties, keyed by trigger
 * uid: script properties are shared by every user of an add-on). Opening by id needs the
 * `spreadsheets` scope; see ARCHITECTURE.md.
 */
import type { Zone } from '../core/time';
import { zoneOf } from './zone';

export function spreadsheet(storedId?: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  if (!storedId) throw new Error('No active spreadsheet and no stored spreadsheet id');
  return SpreadsheetApp.openById(storedId);
}

export function spreadsheetZone(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Zone {
  return zoneOf(ss.getSpreadsheetTimeZone());
}

/** The caller's email, lower-cased; '' when Google does not tell (treat as unknown). */
export function currentUserEmail(): string {
  return (Session.getActiveUser().getEmail() || '').trim().toLowerCase();
}

/** The active spreadsheet, or null where there is none or it may not be asked for. */
export function activeSpreadsheetOrNull(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  try {
    return SpreadsheetApp.getActiveSpreadsheet();
  } catch {
    return null;
  }
}
