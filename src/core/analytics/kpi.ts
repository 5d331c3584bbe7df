/**
 * Deal KPIs over deals closed in a period (definitions named in docs/custom-functions.md):
 * - Win rate = won / (won + lost) by count; the value-based variant uses amounts.
 * - Average deal = won amount / number of won deals with an amount.
 * - Sales cycle = close date - created date over won deals: median and mean, in days.
 * - Sales velocity = open qualified deals x average deal x win rate / mean cycle (money a day);
 *   "qualified" = open deals past the first stage, counted now.
 * - Close dates pushed 3 or more times are listed as not credible.
 */
import type { Kopecks } from '../money';
import { dayOfInstant, type Zone } from '../time';
import type { Deal, Manager, Settings } from '../types';
import { CurrencyNotes, type CurrencyNote } from './currency';
import { inPeriod, type Period } from './period';
import { managerKeys, unresolvedManagers, type UnresolvedManagers } from './managers';
import { dealAmount } from './planfact';
import { converterOf, stagesOf } from './settings';
import { mean, median } from './stats';

export interface DealKpis {
  won: number;
  lost: number;
  winRate: number | null;
  winRateValue: number | null;
  wonAmount: Kopecks;
  lostAmount: Kopecks;
  averageDeal: Kopecks | null;
  cycleMedianDays: number | null;
  cycleMeanDays: number | null;
  openQualified: number;
  velocityPerDay: Kopecks | null;
  /** Open deals whose close date moved 3 or more times. */
  pushedDeals: Deal[];
  dealsWithoutAmount: number;
  excluded: CurrencyNote[];
  /** Manager cells (of the counted deals, and the filter) the Managers sheet does not resolve. */
  managers: UnresolvedManagers;
}

export const PUSH_LIMIT = 3;

export function dealKpis(
  deals: readonly Deal[],
  period: Period,
  settings: Pick<Settings, 'stages' | 'currency' | 'rates'>,
  zone: Zone,
  manager = '',
  managers: readonly Manager[] = [],
): DealKpis {
  const stages = stagesOf(settings);
  const conv = converterOf(settings);
  const notes = new CurrencyNotes();
  // A manager written as a name (CRM exports) or an email in any case is one person.
  const keyOf = managerKeys(managers);
  const who = manager.trim() ? keyOf(manager) : '';
  const cells = new Set<string>(who ? [manager] : []);
  let won = 0;
  let lost = 0;
  let wonAmount = 0;
  let lostAmount = 0;
  let withAmount = 0;
  let noAmount = 0;
  let openQualified = 0;
  const cycles: number[] = [];
  const pushed: Deal[] = [];
  for (const d of deals) {
    if (who && keyOf(d.manager) !== who) continue;
    if (!who) cells.add(d.manager);
    const kind = stages.kindOf(d.stage);
    if (kind === 'open') {
      if (stages.openPosition(d.stage) !== 0) openQualified++;
      if (d.closeDatePushes >= PUSH_LIMIT) pushed.push(d);
      continue;
    }
    if (!inPeriod(d.closedAt, period)) continue;
    const v = dealAmount(d, conv, notes);
    if (kind === 'won') {
      won++;
      if (d.amount === null) noAmount++;
      if (v !== null) {
        wonAmount += v;
        withAmount++;
      }
      if (d.createdAt !== null && d.closedAt !== null) {
        cycles.push(Math.max(0, d.closedAt - dayOfInstant(d.createdAt, zone)));
      }
    } else {
      lost++;
      if (v !== null) lostAmount += v;
    }
  }
  const winRate = won + lost > 0 ? won / (won + lost) : null;
  const averageDeal = withAmount > 0 ? Math.round(wonAmount / withAmount) : null;
  const cycleMean = cycles.length ? mean(cycles) : null;
  const velocity =
    averageDeal !== null && winRate !== null && cycleMean !== null
      ? Math.round((openQualified * averageDeal * winRate) / Math.max(1, cycleMean))
      : null;
  pushed.sort((a, b) => b.closeDatePushes - a.closeDatePushes || a.id.localeCompare(b.id));
  return {
    won,
    lost,
    winRate,
    winRateValue: wonAmount + lostAmount > 0 ? wonAmount / (wonAmount + lostAmount) : null,
    wonAmount,
    lostAmount,
    averageDeal,
    cycleMedianDays: cycles.length ? median(cycles) : null,
    cycleMeanDays: cycleMean === null ? null : Math.round(cycleMean * 10) / 10,
    openQualified,
    velocityPerDay: velocity,
    pushedDeals: pushed,
    dealsWithoutAmount: noAmount,
    excluded: notes.list(),
    managers: unresolvedManagers(managers, cells),
  };
}

/** Count-based win rate per manager email over deals closed from `start` to `end`. */
export function winRatesByManager(
  deals: readonly Deal[],
  start: number,
  end: number,
  settings: Pick<Settings, 'stages'>,
  managers: readonly Manager[] = [],
): { byManager: Map<string, number | null>; total: number | null } {
  const stages = stagesOf(settings);
  const keyOf = managerKeys(managers);
  const counts = new Map<string, { won: number; lost: number }>();
  let won = 0;
  let lost = 0;
  for (const d of deals) {
    if (d.closedAt === null || d.closedAt < start || d.closedAt > end) continue;
    const kind = stages.kindOf(d.stage);
    if (kind === 'open') continue;
    const k = keyOf(d.manager);
    let c = counts.get(k);
    if (!c) counts.set(k, (c = { won: 0, lost: 0 }));
    if (kind === 'won') {
      c.won++;
      won++;
    } else {
      c.lost++;
      lost++;
    }
  }
  const byManager = new Map<string, number | null>();
  for (const [k, c] of counts) byManager.set(k, c.won + c.lost ? c.won / (c.won + c.lost) : null);
  return { byManager, total: won + lost ? won / (won + lost) : null };
}
