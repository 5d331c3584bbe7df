/**
 * The Plans screen's methods (head of sales, director): preview a built plan against the Plans
 * sheet, write it under the lock (refused when the sheet moved since the preview, hand-typed rows
 * only when ticked), and write the plan defence sheet. Reads: Managers, Deals, Plans (and Clients
 * or Activities for those metrics), each once.
 */
import { PlanBook, checkPlanConsistency } from '../../core/analytics/plans';
import { UserError } from '../../core/errors';
import { toKopecks } from '../../core/money';
import { buildPlan, type BuiltPlan, type PlanDraft } from '../../core/plans/build';
import {
  BUILDER_MARK,
  diffPlans,
  plansAfter,
  plansVersion,
  rowsToWrite,
  type DiffRow,
} from '../../core/plans/diff';
import { planCells } from '../../core/workbook/records';
import { monthsOf, parsePeriod } from '../../core/workbook/period';
import type { PlanMetric, WorkbookData } from '../../core/types';
import type { DataSheetKey } from '../../gas/workbook';
import { requireSourceColumn, writePlanRows } from '../../gas/plans-write';
import type { PlanPreview, PlanWriteResult } from '../../shared/contract-plans';
import type { Request } from '../../shared/methods';
import type { Ctx } from './context';
import { writeDefence } from '../plans/defence';

type DraftRequest = Request<'planPreview'>;

function sheetsFor(metric: PlanMetric): DataSheetKey[] {
  const extra: DataSheetKey[] =
    metric === 'newClients' ? ['clients'] : metric === 'activities' ? ['activities'] : [];
  return ['managers', 'deals', 'plans', ...extra];
}

export function draftOf(req: DraftRequest): PlanDraft {
  const period = parsePeriod(req.period);
  if (!period) throw new UserError('pl.error.period');
  const hasTarget = Number.isFinite(req.target) && req.target >= 0;
  if (!hasTarget && !Number.isFinite(req.growth)) throw new UserError('pl.error.noTarget');
  const n = monthsOf(period).length;
  if (req.spread === 'weights' && req.weights.length !== n) {
    throw new UserError('pl.error.weights', { n });
  }
  return {
    metric: req.metric,
    period: period.label,
    target: hasTarget
      ? req.metric === 'revenue'
        ? toKopecks(req.target)
        : Math.round(req.target)
      : null,
    growthPercent: hasTarget ? 0 : req.growth,
    spread: req.spread,
    weights: req.weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0)),
    split: req.split,
    respread: req.respread,
  };
}

function build(draft: PlanDraft, data: WorkbookData, ctx: Ctx): BuiltPlan {
  return buildPlan(draft, {
    data,
    zone: ctx.zone,
    asOf: ctx.today,
    curve: data.settings.rampCurve,
  });
}

function view(plan: BuiltPlan, diff: readonly DiffRow[], version: string): PlanPreview {
  const shown = diff.filter((d) => d.kind !== 'unchanged');
  return {
    period: plan.period,
    metric: plan.metric,
    total: plan.total,
    months: plan.months,
    diff: shown.map((d) => ({
      key: d.key,
      kind: d.kind === 'added' ? 'added' : 'changed',
      level: d.level,
      target: d.target,
      name: d.name,
      period: d.period,
      value: d.value,
      old: d.old,
      hand: d.hand,
    })),
    unchanged: diff.length - shown.length,
    version,
    shortfall: plan.shortfall,
    uncarried: plan.uncarried,
  };
}

export function planPreview(req: DraftRequest, ctx: Ctx): PlanPreview {
  const draft = draftOf(req);
  const data = ctx.data(sheetsFor(draft.metric));
  const plan = build(draft, data, ctx);
  return view(plan, diffPlans(plan.rows, data.plans), plansVersion(data.plans));
}

export function planWrite(req: Request<'planWrite'>, ctx: Ctx): PlanWriteResult {
  const draft = draftOf(req);
  const needs = sheetsFor(draft.metric);
  return ctx.write(() => {
    const data = ctx.data(needs);
    // The Workbook extends its typed list with what it appends: keep the sheet as it was read.
    const sheet = data.plans.slice();
    if (plansVersion(sheet) !== req.version) throw new UserError('pl.error.stale');
    requireSourceColumn(ctx.wb);
    const plan = build(draft, data, ctx);
    const diff = diffPlans(plan.rows, sheet);
    const chosen = rowsToWrite(diff, new Set(req.ticked));
    const mark = BUILDER_MARK[ctx.lang];
    const cells = (d: DiffRow) => planCells({ ...d, source: mark }, ctx.lang);
    const changed = chosen.filter((d) => d.row > 0);
    // The builder's own unchanged rows between changed ones are written again (same value), so
    // a re-spread of rows the builder appended together is one block, not one per gap.
    const lo = Math.min(...changed.map((d) => d.row));
    const hi = Math.max(...changed.map((d) => d.row));
    const filler = diff.filter(
      (d) => d.kind === 'unchanged' && !d.hand && d.row > lo && d.row < hi,
    );
    const updates = [...changed, ...filler].map((d) => ({
      row: d.row,
      value: Number(cells(d).value),
    }));
    const appends = chosen
      .filter((d) => d.row === 0)
      .map((d) => ({ ...cells(d), targetName: d.level === 'manager' ? d.name : '' }));
    const kept = diff.filter((d) => d.kind === 'changed' && d.hand && !chosen.includes(d)).length;
    const first = writePlanRows(ctx.wb, updates, appends, mark);
    const after = plansAfter(sheet, chosen, mark, first);
    const year = plan.period.slice(0, 4);
    const problems = checkPlanConsistency(
      new PlanBook(after, data.managers),
      (p) => (p.metric || 'revenue') === draft.metric && p.period.startsWith(year),
    ).map((i) => ({
      who: i.level === 'company' ? '' : i.target,
      period: i.period,
      parent: i.parent,
      children: i.childrenSum,
    }));
    const written = view(plan, diffPlans(plan.rows, after), plansVersion(after));
    return { written: chosen.length, kept, problems, preview: written };
  }, needs);
}

export const planDefence = (req: Request<'planDefence'>, ctx: Ctx) =>
  writeDefence(ctx.wb, ctx.today, req);
