/**
 * The Dashboard's process-compliance block: the Stage history rows the playbooks checked (its
 * «Критерий выполнен» column), per deal owner, for the dashboard's period. Uses the Stage history
 * the dashboard already read (no second read).
 */
import { complianceBlock } from '../../core/analytics/dashboard/compliance';
import type { BlockDraft } from '../../core/analytics/dashboard/model';
import type { Period } from '../../core/analytics/period';
import { t } from '../../core/i18n';
import { complianceByManager, type CheckedMove } from '../../core/playbooks/compliance';
import { dayOfInstant } from '../../core/time';
import type { WorkbookData } from '../../core/types';
import type { Workbook } from '../../gas/workbook';

export function complianceBlockFor(
  wb: Workbook,
  data: WorkbookData,
): (period: Period) => BlockDraft | null {
  const owner = new Map(data.deals.map((d) => [d.id, d.manager]));
  const moves: CheckedMove[] = wb.isRead('stageHistory')
    ? wb.list('stageHistory').map((h) => ({
        manager: owner.get(h.dealId) ?? '',
        day: h.at === null ? 0 : dayOfInstant(h.at, wb.zone),
        exitMet: h.exitMet ?? null,
      }))
    : [];
  const name = (email: string) => data.managers.find((m) => m.email === email)?.name || email;
  return (period) =>
    complianceBlock(
      { h: (k) => t(wb.lang, k) },
      complianceByManager(moves, { from: period.start, to: period.end }),
      name,
    );
}
