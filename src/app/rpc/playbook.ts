/**
 * Stage playbooks from the sidebar: the deal's current stage playbook with its ticks and what is
 * missing (`playbook`), ticking an item (`tickItem`: a manager only on their own deals), the check
 * moveStage / closeWon run before moving (warn unless confirmed, refuse when strict), and process
 * compliance per manager for the Team screen.
 */
import { UserError } from '../../core/errors';
import { complianceByManager } from '../../core/playbooks/compliance';
import { missingToLeave } from '../../core/playbooks/rules';
import { fieldLabel, playbookFor } from '../../core/playbooks/settings';
import { dayOfInstant } from '../../core/time';
import type { Deal } from '../../core/types';
import { findStage } from '../../core/workbook/settings';
import { parsePeriod } from '../../core/workbook/period';
import type { ComplianceRow, PlaybookView, Request } from '../../shared/contract';
import { gateMove } from '../playbooks/gate';
import { missingText } from '../playbooks/missing';
import { appendTick, tickedItems, tickedOf } from '../playbooks/store';
import type { Ctx } from './context';

/** The deal if the caller may see it (a manager: only their own); "not found" otherwise. */
function dealFor(ctx: Ctx, dealId: string): Deal {
  const deal = ctx.wb.list('deals').find((d) => d.id === dealId);
  if (!deal || (ctx.me.role === 'manager' && deal.manager !== ctx.me.email)) {
    throw new UserError('error.notFound', { id: dealId });
  }
  return deal;
}

function view(ctx: Ctx, deal: Deal): PlaybookView {
  const stage = findStage(ctx.wb.settings.stages, deal.stage);
  const pb =
    stage?.kind === 'open' ? playbookFor(ctx.wb.settings.playbooks, stage.name) : undefined;
  if (!pb) return { dealId: deal.id, stage: deal.stage, playbook: null };
  const ticked = tickedItems(tickedOf(ctx.wb, deal.id), pb.stage, pb.checklist);
  const missing = missingToLeave(deal, pb, ticked);
  return {
    dealId: deal.id,
    stage: pb.stage,
    playbook: {
      todo: pb.todo,
      exit: pb.exit,
      strict: pb.strict,
      items: pb.checklist.map((item) => ({ item, ticked: ticked.has(item) })),
      unfilled: missing.fields.map((f) => fieldLabel(f, ctx.lang)),
    },
  };
}

export function playbook(r: Request<'playbook'>, ctx: Ctx): PlaybookView {
  return view(ctx, dealFor(ctx, r.dealId));
}

export function tickItem(r: Request<'tickItem'>, ctx: Ctx): PlaybookView {
  return ctx.write(() => {
    const deal = dealFor(ctx, r.dealId);
    const stage = findStage(ctx.wb.settings.stages, deal.stage);
    const pb = stage ? playbookFor(ctx.wb.settings.playbooks, stage.name) : undefined;
    const item = pb?.checklist.find((i) => i.trim() === r.item.trim());
    if (!pb || !item) {
      throw new UserError('playbook.noItem', { stage: deal.stage, item: r.item.trim() });
    }
    // Read whole first (the answer needs it): a missing sheet or column stops before writing.
    tickedOf(ctx.wb, deal.id);
    ctx.wb.requireHeader('checklists');
    appendTick(ctx.wb, {
      dealId: deal.id,
      stage: pb.stage,
      item,
      done: r.done,
      by: ctx.me.email,
      at: ctx.now,
    });
    return view(ctx, deal);
  }, ['deals']);
}

/**
 * Before a move from the panel (under the lock, after the ownership check): throws the warning or
 * the refusal; otherwise whether the exit criterion was met (undefined: the move is not checked).
 */
export function checkMove(
  ctx: Ctx,
  dealId: string,
  target: string,
  confirmed: boolean,
): boolean | undefined {
  const deal = ctx.wb.list('deals').find((d) => d.id === dealId);
  if (!deal) return undefined;
  const d = gateMove(ctx.wb, ctx.wb.settings, deal, target, confirmed);
  if (!d) return undefined;
  if (d.kind === 'ok') return d.exitMet;
  const params = { stage: deal.stage, missing: missingText(d.missing, ctx.lang) };
  if (d.kind === 'refuse') throw new UserError('playbook.refused', params);
  throw new UserError('playbook.warn', params, [
    { field: 'confirm', key: 'playbook.warn', params },
  ]);
}

export function complianceView(r: Request<'compliance'>, ctx: Ctx): ComplianceRow[] {
  const p = r.period ? parsePeriod(r.period) : null;
  const deals = new Map(ctx.wb.list('deals').map((d) => [d.id, d.manager]));
  const managers = ctx.wb.list('managers');
  // The sheet and the moves still queued for it (a manager's own, docs/protections.md).
  const moves = ctx.wb.list('stageHistory').map((h) => ({
    manager: deals.get(h.dealId) ?? '',
    day: h.at === null ? 0 : dayOfInstant(h.at, ctx.zone),
    exitMet: h.exitMet ?? null,
  }));
  return complianceByManager(moves, p ? { from: p.start, to: p.end } : null).map((x) => ({
    email: x.manager,
    name: managers.find((m) => m.email === x.manager)?.name || x.manager,
    moves: x.moves,
    met: x.met,
    share: x.share,
  }));
}
