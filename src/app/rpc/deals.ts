/**
 * One-click actions on a deal from the Today screen. Each checks that a manager acts only on their
 * own deal, hands the work to the CRM use-cases (src/app/crm.ts: validation, the document lock,
 * the optimistic-concurrency check, formula-safe writes), then answers with the fresh Today lists.
 * Field problems come back keyed by the sidebar form's input names (the method table's `fields`).
 */
import { UserError } from '../../core/errors';
import type {
  CloseRequest,
  LogActivityRequest,
  MoveStageRequest,
  SnoozeRequest,
  Request,
  TodayView,
} from '../../shared/contract';
import { isOtherReason } from '../../shared/lost-reason';
import * as crm from '../crm';
import { requireApproved } from '../money/approvals';
import type { Ctx } from './context';
import { requireFields } from './fields';
import { todayView } from './today';
import { checkMove } from './playbook';

const wonStage = (ctx: Ctx): string =>
  ctx.wb.settings.stages.find((s) => s.kind === 'won')?.name ?? '';

/** The deal, if the caller may act on it (a manager: only their own; the same answer otherwise). */
function ownDeal(ctx: Ctx, dealId: string): void {
  const deal = ctx.wb.list('deals').find((d) => d.id === dealId);
  if (!deal || (ctx.me.role === 'manager' && deal.manager !== ctx.me.email)) {
    throw new UserError('error.notFound', { id: dealId });
  }
}

function stamp(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : null;
}

/** Runs the CRM operation, then answers with the caller's fresh Today lists. */
function act(ctx: Ctx, dealId: string, op: () => void): TodayView {
  // The whole read-check-write runs under the lock, so the ownership check and the stale check
  // see what the write is based on; the answer is computed from the same reads after the write.
  ctx.write(() => {
    ownDeal(ctx, dealId);
    op();
  });
  return todayView(ctx);
}

export function logActivity(r: LogActivityRequest, ctx: Ctx): TodayView {
  // From the sidebar a contact is always logged with what happens next (the head's rule).
  requireFields(ctx, [
    ['summary', r.summary, 'sb.f.summary'],
    ['nextStep', r.nextStep, 'sb.f.nextStep'],
    ['nextStepDate', r.nextStepDate, 'sb.f.nextStepDate'],
  ]);
  return act(ctx, r.dealId, () => {
    crm.logActivity(ctx.wb, {
      dealId: r.dealId,
      type: r.type,
      summary: r.summary,
      nextStep: r.nextStep,
      nextStepDate: r.nextStepDate || null,
      expectedUpdatedAt: stamp(r.updatedAt),
    });
  });
}

export function snooze(r: SnoozeRequest, ctx: Ctx): TodayView {
  requireFields(ctx, [
    ['until', r.until, 'sb.f.until'],
    ['reason', r.reason, 'sb.f.snoozeReason'],
  ]);
  return act(ctx, r.dealId, () => {
    crm.snooze(ctx.wb, {
      kind: 'deal',
      id: r.dealId,
      until: r.until || null,
      reason: r.reason,
      expectedUpdatedAt: stamp(r.updatedAt),
    });
  });
}

export function moveStage(r: MoveStageRequest, ctx: Ctx): TodayView {
  return act(ctx, r.dealId, () => {
    requireApproved(ctx, r.dealId, r.stage);
    crm.moveStage(ctx.wb, {
      id: r.dealId,
      stage: r.stage,
      exitMet: checkMove(ctx, r.dealId, r.stage, r.confirm),
      amount: r.amount || null,
      expectedUpdatedAt: stamp(r.updatedAt),
    });
  });
}

export function closeWon(r: CloseRequest, ctx: Ctx): TodayView {
  return act(ctx, r.dealId, () => {
    requireApproved(ctx, r.dealId, null);
    crm.closeWon(ctx.wb, {
      id: r.dealId,
      exitMet: checkMove(ctx, r.dealId, wonStage(ctx), r.confirm),
      amount: r.amount || null,
      expectedUpdatedAt: stamp(r.updatedAt),
    });
  });
}

export function closeLost(r: Request<'closeLost'>, ctx: Ctx): TodayView {
  requireFields(ctx, [['reason', r.reason, 'sb.f.lostReason']]);
  // «Другое» alone tells the head nothing about why the deal was lost.
  if (isOtherReason(r.reason)) requireFields(ctx, [['comment', r.comment, 'sb.f.lostComment']]);
  return act(ctx, r.dealId, () => {
    crm.closeLost(ctx.wb, {
      id: r.dealId,
      reason: r.reason,
      comment: r.comment,
      expectedUpdatedAt: stamp(r.updatedAt),
    });
  });
}
