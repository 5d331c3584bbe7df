/**
 * Discount control on the server: the stage gate (a deal with a line over its seller's limit and
 * not approved may not go to the invoice or won stage) and the head's approve / reject, recorded
 * on the line (who, when, and for an approval its seal) and in the Audit trail. An approval counts
 * only with a seal that matches the line (src/core/money/seal.ts), so typing «Согласовано» into
 * the sheet, or changing a line after its approval, puts it back in the head's queue.
 */
import { UserError } from '../../core/errors';
import {
  approvalLabel,
  approvalQueue,
  blockingLines,
  gatedStage,
} from '../../core/money/approvals';
import { discountLimits, lineDiscount } from '../../core/money/lines';
import { sealCheck, signLine, type SealCheck } from '../../core/money/seal';
import { documentHmac } from '../../gas/seal';
import type { DiscountQueueItem } from '../../shared/contract-money';
import type { Ctx } from '../rpc/context';
import { recordAudit } from '../crm/audit';
import { readLines } from './read';

/** This document's seal check; its key is read once, when a line first needs checking. */
export const lineSeals = (): SealCheck => sealCheck(documentHmac());

/** Throws when the move must wait for the head; `stage` null means the won stage. */
export function requireApproved(ctx: Ctx, dealId: string, stage: string | null): void {
  const settings = ctx.wb.settings;
  if (stage !== null && !gatedStage(stage, settings)) return;
  const deal = ctx.wb.list('deals').find((d) => d.id === dealId);
  if (!deal) return;
  const lines = readLines(ctx.wb);
  if (!lines.length) return;
  const limits = discountLimits(settings);
  const blocking = blockingLines(lines, deal, ctx.wb.list('managers'), lineSeals(), limits);
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
    lineSeals(),
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
    // A sheet made before seals has no column for one: Setup adds it (nothing is written here).
    if (req.approve && ctx.wb.table('dealLines').index.seal === undefined) {
      throw new UserError('money.seal.setup');
    }
    const status = approvalLabel(req.approve, ctx.lang);
    // Whole seconds: the time is part of the seal and must read back from its cell unchanged.
    const decided = { ...line, status, approvedBy: ctx.me.email, approvedAt: secondOf(ctx.now) };
    const seal = req.approve ? (signLine(decided, documentHmac(true)) ?? '') : '';
    ctx.wb.update('dealLines', line.row, {
      status,
      approvedBy: decided.approvedBy,
      approvedAt: decided.approvedAt,
      seal,
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

const secondOf = (ms: number): number => Math.floor(ms / 1000) * 1000;
