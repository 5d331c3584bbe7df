/**
 * Sheet protections: who may type into a sheet. Setup protects the sheets that hold roles, plans,
 * settings and records of what was sent; the guard asks whether the Managers sheet still is.
 * Google refuses some changes to a protection (removing the owner or the caller, adding a person
 * who cannot edit the file): those are skipped, and the state read back is what counts.
 */
import type { SheetDef } from '../core/workbook/schema';
import { findSheet } from './sheets/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export interface SheetProtection {
  /** A real (not warning-only) protection of the whole sheet, not open to the whole domain. */
  enforced: boolean;
  /** Its editors, lower-cased ([] when there is none or the caller may not see them). */
  editors: string[];
}

function sheetProtectionOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): Protection | null {
  const found = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  return found.length ? found[0] : null;
}

const lower = (p: Protection): string[] =>
  p.getEditors().map((u) => (u.getEmail() || '').trim().toLowerCase());

/** The protection of a sheet as the guard needs it; null when the sheet does not exist. */
export function readSheetProtection(ss: Spreadsheet, def: SheetDef): SheetProtection | null {
  const sheet = findSheet(ss, def)?.sheet;
  if (!sheet) return null;
  const p = sheetProtectionOf(sheet);
  if (!p) return { enforced: false, editors: [] };
  let editors: string[] = [];
  try {
    editors = lower(p);
  } catch {
    // Only the protection's editors may list them.
  }
  return { enforced: !p.isWarningOnly() && !p.canDomainEdit(), editors };
}

/**
 * Protects the whole sheet so that exactly `editors` (plus the owner, whom Google always keeps)
 * may edit it; returns whether anything changed.
 */
export function protectSheet(
  ss: Spreadsheet,
  def: SheetDef,
  editors: readonly string[],
  description: string,
): boolean {
  const sheet = findSheet(ss, def)?.sheet;
  if (!sheet) return false;
  let changed = false;
  let p = sheetProtectionOf(sheet);
  if (!p) {
    p = sheet.protect();
    changed = true;
  }
  if (p.getDescription() !== description) p.setDescription(description);
  if (p.isWarningOnly()) {
    p.setWarningOnly(false);
    changed = true;
  }
  if (p.canDomainEdit()) {
    p.setDomainEdit(false);
    changed = true;
  }
  const want = new Set(editors.map((e) => e.trim().toLowerCase()).filter(Boolean));
  const have = lower(p);
  const drop = have.filter((e) => !want.has(e));
  for (const e of drop) {
    try {
      p.removeEditor(e);
      changed = true;
    } catch {
      // The owner and the caller cannot be removed.
    }
  }
  for (const e of want) {
    if (have.includes(e)) continue;
    try {
      p.addEditor(e);
      changed = true;
    } catch {
      // Not an editor of the file: nobody to let in.
    }
  }
  return changed;
}

/** The file owner's email, lower-cased; '' when Google does not say (shared drives). */
export function ownerEmail(ss: Spreadsheet): string {
  try {
    const o = ss.getOwner();
    return o ? (o.getEmail() || '').trim().toLowerCase() : '';
  } catch {
    return '';
  }
}
