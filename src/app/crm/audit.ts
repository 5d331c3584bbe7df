/**
 * Appends entries to the Audit trail sheet (one setValues, by header). A workbook set up before the
 * sheet existed has none until "Set up workbook" runs again; the change itself must not fail then.
 */
import type { AuditEntry } from '../../core/crm/audit';
import { AUDIT } from '../../core/workbook/schema';
import { findSheet } from '../../gas/sheets/table';
import type { Workbook } from '../../gas/workbook';

export function recordAudit(wb: Workbook, entries: readonly AuditEntry[]): void {
  if (!entries.length || !findSheet(wb.ss, AUDIT)) return;
  wb.append(
    'audit',
    entries.map((e) => ({ ...e })),
  );
}
