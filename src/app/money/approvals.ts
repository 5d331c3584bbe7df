/**
 * Discount control on the server: the stage gate (a deal with a line over its seller's limit and
 * not approved may not go to the invoice or won stage) and the head's approve / reject, recorded
 * on the line (who, when) and in the Audit trail.
 */
import { UserError } from '../../core/errors';
import {
  approvalLabel,
  approvalQueue,
  blockingLines,
  gatedStage,
} from '../../core/money/approvals';
import { discountLimits, lineDiscount } from '../../core/money/lines';
import type { DiscountQueueItem } from '../../shared/contract-money';
import type { Ctx } from '../rpc/context';
import { recordAudit } from '../crm/audit';
import { readLines } from './read';

/** Throws when the move must wait for the head; `stage` null means the won stage. */
export function requireApproved(ctx: Ctx, dealId: string, stage: string | null): void {
  const settings = ctx.wb.settings;
  if (stage !== null && !gatedStage(stage, settings)) return;
  const deal = ctx.wb.list('deals').find((d) => d.id === dealId);
  if (!deal) return;
  const lines = readLines(ctx.wb);
  if (!lines.length) return;
  const limits = discountLimits(settings);
  const blocking = blockingLines(lines, deal, ctx.wb.list('managers'), limits);
  if (blocking.length) {
    throw new UserError('money.gate.pending', {
      id: dealId,
      products: blocking.map((l) => l.product).join(', '),
    });
  }
}

export function discountQueue(ctx: Ctx): DiscountQueueItem[] {
  return approvalQueue(
    readLines(ctx.wb),
    ctx.wb.list('deals'),
    ctx.wb.list('managers'),
    discountLimits(ctx.wb.settings),
  );
}

export function decideDiscount(
  ctx: Ctx,
  req: { dealId: string; row: number; approve: boolean },
): DiscountQueueItem[] {
  ctx.write(() => {
    const line = readLines(ctx.wb).find((l) => l.row === req.row && l.dealId === req.dealId);
    if (!line) throw new UserError('error.notFound', { id: `${req.dealId}:${req.row}` });
    const status = approvalLabel(req.approve, ctx.lang);
    ctx.wb.update('dealLines', line.row, {
      status,
      approvedBy: ctx.me.email,
      approvedAt: ctx.now,
    });
    const discount = lineDiscount(line);
    recordAudit(ctx.wb, [
      {
        at: ctx.now,
        user: ctx.me.email,
        dealId: line.dealId,
        field: ctx.lang === 'ru' ? 'Скидка' : 'Discount',
        oldValue: `${line.product}: ${discount === null ? '' : (discount * 100).toFixed(2)} %`,
        newValue: status,
        source: 'panel',
      },
    ]);
  });
  return discountQueue(ctx);
}
