/**
 * The audit trail of a deal: one entry per change of its manager, stage or amount, with who, when,
 * the value before and after and where it was made. Values are kept as text as a person reads them
 * (an amount in roubles), so the sheet reads on its own.
 */
import { formatMoney } from '../analytics/format';
import { t } from '../i18n';
import { DEALS } from '../workbook/schema';
import type { Instant } from '../time';
import type { Kopecks } from '../money';
import type { Lang } from '../types';

export const AUDITED = ['manager', 'stage', 'amount'] as const;
export type AuditedField = (typeof AUDITED)[number];

/** What is known of a deal's audited fields; a missing key is "unknown" (a pasted block). */
export type DealSnapshot = Partial<{ manager: string; stage: string; amount: Kopecks | null }>;

export interface AuditEntry {
  at: Instant;
  user: string;
  dealId: string;
  field: string;
  oldValue: string;
  newValue: string;
  source: string;
}

export interface AuditMeta {
  at: Instant;
  user: string;
  lang: Lang;
  source: 'panel' | 'sheet';
}

function shown(field: AuditedField, v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === '') return '';
  if (field === 'amount') return typeof v === 'number' ? formatMoney(v, lang) : String(v);
  return String(v);
}

/**
 * The entries for a deal that went from `before` to `after`: one per audited field present in
 * `after` whose value changed (or whose previous value is unknown).
 */
export function dealAuditEntries(
  dealId: string,
  before: DealSnapshot,
  after: DealSnapshot,
  meta: AuditMeta,
): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const field of AUDITED) {
    if (!(field in after)) continue;
    const next = shown(field, after[field], meta.lang);
    const known = field in before;
    const prev = known ? shown(field, before[field], meta.lang) : '';
    if (known && prev === next) continue;
    const col = DEALS.columns.find((c) => c.key === field);
    out.push({
      at: meta.at,
      user: meta.user,
      dealId,
      field: col ? col[meta.lang] : field,
      oldValue: known ? prev : t(meta.lang, 'crm.audit.unknown'),
      newValue: next,
      source: t(meta.lang, meta.source === 'panel' ? 'crm.audit.panel' : 'crm.audit.sheet'),
    });
  }
  return out;
}
