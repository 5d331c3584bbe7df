/**
 * onEdit rule: a manager, stage or amount typed into Deals goes into the audit trail, as a change
 * made in the panel does. A single-cell edit knows the previous value; a pasted block does not,
 * and the entry says so.
 */
import { AUDITED, dealAuditEntries, type DealSnapshot } from '../../../core/crm/audit';
import { parseAmount } from '../../../core/workbook/normalize';
import type { Instant } from '../../../core/time';
import type { Lang } from '../../../core/types';
import type { Workbook } from '../../../gas/workbook';
import { recordAudit } from '../audit';

export interface TypedDealRow {
  dealId: string;
  /** The audited fields this edit covered. */
  edited: ReadonlySet<string>;
  /** The value after the edit, as the core reads it (an amount in kopecks). */
  after(key: string): unknown;
}

function previous(key: string, old: unknown): unknown {
  if (key !== 'amount') return String(old ?? '').trim();
  if (old === '' || old === null || old === undefined) return null;
  return parseAmount(old);
}

export function auditTyped(
  wb: Workbook,
  rows: readonly TypedDealRow[],
  single: { oldValue: unknown } | null,
  meta: { at: Instant; user: string; lang: Lang },
): void {
  const entries = rows.flatMap((r) => {
    const before: DealSnapshot = {};
    const after: DealSnapshot = {};
    for (const key of AUDITED) {
      if (!r.edited.has(key)) continue;
      const v = r.after(key);
      Object.assign(after, { [key]: key === 'amount' ? v : String(v ?? '').trim() });
      if (single) Object.assign(before, { [key]: previous(key, single.oldValue) });
    }
    return dealAuditEntries(r.dealId, before, after, { ...meta, source: 'sheet' });
  });
  recordAudit(wb, entries);
}
