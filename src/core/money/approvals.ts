/**
 * Discount approvals: which lines await the head, whether a deal may go to the invoice or won
 * stage, and what the approval queue shows. A line over its seller's limit needs an "approved"
 * status carrying a valid seal (./seal.ts): a status typed by hand, or a line changed after the
 * approval, awaits the head again; "rejected" keeps it blocked until the price is changed.
 */
import { StageIndex } from '../analytics/stages';
import type { Deal, Manager, Role, Settings } from '../types';
import { discountLimits, lineDiscount, overLimit, type DealLine } from './lines';
import { sealedOnce, type SealCheck } from './seal';

const APPROVED = /^(согласовано|approved)$/i;
const REJECTED = /^(отклонено|rejected)$/i;

export const approvalLabel = (ok: boolean, lang: 'ru' | 'en'): string =>
  ok ? (lang === 'ru' ? 'Согласовано' : 'Approved') : lang === 'ru' ? 'Отклонено' : 'Rejected';

/** Whether the status says "approved" (what a person typed; proves nothing alone). */
export function saysApproved(l: Pick<DealLine, 'status'>): boolean {
  return APPROVED.test(l.status.trim());
}

/** Approved: the status says so and the seal matches the line as it is now. */
export function isApproved(l: DealLine, sealed: SealCheck): boolean {
  return saysApproved(l) && sealed(l);
}

export function isRejected(l: DealLine): boolean {
  return REJECTED.test(l.status.trim());
}

/** The seller's limit: by the deal's manager's role on the Managers sheet, a manager's otherwise. */
export function sellerLimit(
  manager: string,
  managers: readonly Manager[],
  limits: Record<Role, number> = discountLimits(),
): number {
  const m = managers.find((x) => x.email.toLowerCase() === manager.trim().toLowerCase());
  const role: Role = m?.role ?? 'manager';
  return limits[role];
}

/** Lines of the deal over the seller's limit and not approved. */
export function blockingLines(
  lines: readonly DealLine[],
  deal: Pick<Deal, 'id' | 'manager'>,
  managers: readonly Manager[],
  sealed: SealCheck,
  limits: Record<Role, number> = discountLimits(),
): DealLine[] {
  const limit = sellerLimit(deal.manager, managers, limits);
  const once = sealedOnce(lines, sealed);
  return lines.filter(
    (l) => l.dealId === deal.id && overLimit(lineDiscount(l), limit) && !isApproved(l, once),
  );
}

/**
 * The stages a deal may not reach with a line awaiting approval: any won stage, and the invoice
 * stage, taken as the last open stage of the funnel (in the default funnel «Счёт выставлен»).
 */
export function gatedStage(stage: string, settings: Settings): boolean {
  const stages = new StageIndex(settings.stages);
  if (stages.kindOf(stage) === 'won') return true;
  const last = stages.open[stages.open.length - 1];
  return last !== undefined && stages.get(stage) === last;
}

export interface QueueItem {
  dealId: string;
  title: string;
  clientName: string;
  manager: string;
  /** Sheet row of the line (what approve/reject names). */
  row: number;
  product: string;
  discount: number;
  /** The seller's limit, and the head's room: head's limit − discount (negative: above it too). */
  limit: number;
  margin: number;
  rejected: boolean;
}

export function approvalQueue(
  lines: readonly DealLine[],
  deals: readonly Deal[],
  managers: readonly Manager[],
  sealed: SealCheck,
  limits: Record<Role, number> = discountLimits(),
): QueueItem[] {
  const byId = new Map(deals.map((d) => [d.id, d]));
  const once = sealedOnce(lines, sealed);
  const out: QueueItem[] = [];
  for (const l of lines) {
    const d = byId.get(l.dealId);
    if (!d) continue;
    const discount = lineDiscount(l);
    const limit = sellerLimit(d.manager, managers, limits);
    // The seal costs an HMAC: only lines over the limit need one checked.
    if (discount === null || !overLimit(discount, limit) || isApproved(l, once)) continue;
    out.push({
      dealId: d.id,
      title: d.title,
      clientName: d.clientName,
      manager: d.manager,
      row: l.row,
      product: l.product,
      discount,
      limit,
      margin: limits.head - discount,
      rejected: isRejected(l),
    });
  }
  return out.sort((a, b) => Number(a.rejected) - Number(b.rejected) || b.discount - a.discount);
}
