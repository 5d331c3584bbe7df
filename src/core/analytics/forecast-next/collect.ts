/**
 * One pass over the workbook for the forecast: per group (the company, a team or a manager) the
 * monthly fact, the in-month business (won in the month the deal was created), and at each
 * evaluation point (the start of each backtest month, and the day after asOf) the pipeline as it
 * stood then. Stages at a past moment come from the Stage history (docs/forecasting.md), so the
 * backtest never uses what happened after the moment it forecasts from.
 */
import { scaleKopecks } from '../../money';
import { dayOfInstant, type Day, type Zone } from '../../time';
import type { Deal, FactBasis, PlanLevel, WorkbookData } from '../../types';
import { directoryOf } from '../managers';
import { dealAmount, dealProbability } from '../planfact';
import { converterOf, stagesOf } from '../settings';
import { monthOf, type Month } from './months';

/** A moment the forecast is made at: what is known before `at`, for months first..first+count-1. */
export interface EvalPoint {
  at: Day;
  first: Month;
  count: number;
}

export interface GroupFigures {
  /** Fact by month, index = month − base. */
  fact: number[];
  /** Won in the month the deal was created, index = month − base. */
  inMonth: number[];
  /** Per evaluation point: weighted pipeline by target month (index − first), and slipped deals. */
  onTime: number[][];
  slipped: number[];
}

export interface SlipStats {
  closed: number;
  won: number;
  slippedClosed: number;
  slippedWon: number;
}

export interface Collected {
  base: Month;
  groups: Map<string, GroupFigures>;
  /** Per evaluation point: the deals closed before it, for the slipped-deal discount. */
  slip: SlipStats[];
}

export const emptyGroup = (points: readonly EvalPoint[], size: number): GroupFigures => ({
  fact: new Array<number>(size).fill(0),
  inMonth: new Array<number>(size).fill(0),
  onTime: points.map((p) => new Array<number>(p.count).fill(0)),
  slipped: points.map(() => 0),
});

export function groupKeyOf(data: WorkbookData, level: PlanLevel): (managerCell: string) => string {
  if (level === 'company') return () => '';
  const who = directoryOf(data.managers);
  if (level === 'manager') return (cell) => who.keyOf(cell);
  return (cell) => who.byEmail.get(who.keyOf(cell))?.team.trim() ?? '';
}

export function collect(
  data: WorkbookData,
  opts: {
    base: Month;
    last: Month;
    points: readonly EvalPoint[];
    basis: FactBasis;
    level: PlanLevel;
    zone: Zone;
  },
): Collected {
  const { base, last, points, basis, zone } = opts;
  const size = last - base + 1;
  const stages = stagesOf(data.settings);
  const conv = converterOf(data.settings);
  const keyOf = groupKeyOf(data, opts.level);
  const groups = new Map<string, GroupFigures>();
  const group = (cell: string): GroupFigures => {
    const k = keyOf(cell);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = emptyGroup(points, size)));
    return g;
  };
  const slip: SlipStats[] = points.map(() => ({
    closed: 0,
    won: 0,
    slippedClosed: 0,
    slippedWon: 0,
  }));
  const history = stagesByDeal(data, zone);
  const firstOpen = stages.open[0]?.name ?? '';
  const earliest = points.reduce((m, p) => Math.min(m, p.at), Infinity);
  const latest = points.reduce((m, p) => Math.max(m, p.at), -Infinity);

  for (const deal of data.deals) {
    const kind = stages.kindOf(deal.stage);
    const closed = kind !== 'open';
    if (closed && deal.closedAt === null) continue;
    if (closed) {
      const slipped =
        deal.closeDatePushes > 0 ||
        (deal.expectedClose !== null && (deal.closedAt as Day) > deal.expectedClose);
      points.forEach((p, i) => {
        if ((deal.closedAt as Day) >= p.at) return;
        const s = slip[i];
        s.closed++;
        if (kind === 'won') s.won++;
        if (slipped) {
          s.slippedClosed++;
          if (kind === 'won') s.slippedWon++;
        }
      });
    }
    const amount = dealAmount(deal, conv);
    if (amount === null) continue;
    const created = deal.createdAt === null ? null : dayOfInstant(deal.createdAt, zone);
    if (kind === 'won' && basis === 'won') {
      const m = monthOf(deal.closedAt as Day);
      if (m >= base && m <= last) {
        const g = group(deal.manager);
        g.fact[m - base] += amount;
        if (created !== null && monthOf(created) === m) g.inMonth[m - base] += amount;
      }
    }
    // The pipeline at each point: deals created before it and not closed before it.
    if (created === null || created >= latest || deal.expectedClose === null) continue;
    if (closed && (deal.closedAt as Day) < earliest) continue;
    let g: GroupFigures | null = null;
    const changes = history.get(deal.id.toUpperCase());
    points.forEach((p, i) => {
      if (created >= p.at || (closed && (deal.closedAt as Day) < p.at)) return;
      const stage = stageAt(deal, changes, p.at, kind === 'open', firstOpen);
      if (stages.kindOf(stage) !== 'open') return;
      const prob =
        kind === 'open' && stage === deal.stage
          ? dealProbability(deal, stages)
          : stages.probabilityOf(stage);
      const weighted = scaleKopecks(amount, prob);
      if (!weighted) return;
      g ??= group(deal.manager);
      const close = deal.expectedClose as Day;
      if (close < p.at) {
        g.slipped[i] += weighted;
        return;
      }
      const h = monthOf(close) - p.first;
      if (h >= 0 && h < p.count) g.onTime[i][h] += weighted;
    });
  }

  if (basis === 'payments') {
    const dealManager = new Map<string, string>();
    for (const d of data.deals) dealManager.set(d.id, d.manager);
    const clientManager = new Map<string, string>();
    for (const c of data.clients) clientManager.set(c.id, c.manager);
    for (const inv of data.invoices) {
      if (!inv.paidAmount || inv.paidAt === null) continue;
      const m = monthOf(inv.paidAt);
      if (m < base || m > last) continue;
      const v = conv.convert(inv.paidAmount, inv.currency);
      if (v === null) continue;
      const manager = dealManager.get(inv.dealId) ?? clientManager.get(inv.clientId) ?? '';
      group(manager).fact[m - base] += v;
    }
  }
  return { base, groups, slip };
}

interface Change {
  day: Day;
  from: string;
  to: string;
}

function stagesByDeal(data: WorkbookData, zone: Zone): Map<string, Change[]> {
  const out = new Map<string, Change[]>();
  for (const c of data.stageHistory) {
    if (c.at === null || !c.dealId) continue;
    const id = c.dealId.toUpperCase();
    let list = out.get(id);
    if (!list) out.set(id, (list = []));
    list.push({ day: dayOfInstant(c.at, zone), from: c.fromStage, to: c.toStage });
  }
  for (const list of out.values()) list.sort((a, b) => a.day - b.day);
  return out;
}

/**
 * The stage a deal stood at before `at`: the last recorded move before it; before the first
 * move, the stage that move left; with no moves recorded, the deal's stage now if it is still
 * open (nothing says it moved), else the first open stage (its stage then is unknown).
 */
function stageAt(
  deal: Deal,
  changes: readonly Change[] | undefined,
  at: Day,
  openNow: boolean,
  firstOpen: string,
): string {
  if (!changes || !changes.length) return openNow ? deal.stage : firstOpen;
  let stage = changes[0].from || firstOpen;
  for (const c of changes) {
    if (c.day >= at) break;
    stage = c.to;
  }
  return stage;
}
