/**
 * Stage conversion by cohort (deals created in a date range), from the Stage history log.
 * A deal "reached" a stage when it was ever in it or in any later stage: skipped stages count as
 * reached, and moving back does not un-reach anything (only the furthest stage counts). A lost
 * deal reached the furthest stage it was in before it was lost; a won deal reached every stage.
 * CR(i -> i+1) = reached(i+1) / reached(i); drop-off = 1 - CR.
 */
import type { Kopecks } from '../money';
import { dayOfInstant, type Day, type Zone } from '../time';
import type { Deal, Settings, StageChange } from '../types';
import { dealAmount } from './planfact';
import { converterOf, stagesOf } from './settings';

export interface FunnelRow {
  stage: string;
  reached: number;
  /** Sum of the reached deals' amounts (workbook currency; unconvertible amounts left out). */
  amount: Kopecks;
  /** reached / reached at the previous stage; null for the first stage or after zero. */
  conversion: number | null;
  dropOff: number | null;
  /** reached / reached at the first stage. */
  fromFirst: number | null;
}

export interface Funnel {
  rows: FunnelRow[];
  cohort: number;
  won: number;
  lost: number;
  open: number;
}

export function stageFunnel(
  deals: readonly Deal[],
  history: readonly StageChange[],
  settings: Pick<Settings, 'stages' | 'currency' | 'rates'>,
  zone: Zone,
  from: Day | null = null,
  to: Day | null = null,
): Funnel {
  const stages = stagesOf(settings);
  const conv = converterOf(settings);
  const open = stages.open;
  const wonStage = stages.all.find((s) => s.kind === 'won');
  const n = open.length;
  // A few stage names over 200,000 history rows: each name's position is found once.
  const positions = new Map<string, number>();
  const position = (name: string): number => {
    let p = positions.get(name);
    if (p === undefined) {
      const kind = stages.kindOf(name);
      p = kind === 'won' ? n : kind === 'lost' ? -1 : stages.openPosition(name);
      positions.set(name, p);
    }
    return p;
  };
  const furthest = new Map<string, number>();
  for (const h of history) {
    const p = Math.max(position(h.toStage), h.fromStage ? position(h.fromStage) : -1);
    if (p > (furthest.get(h.dealId) ?? -1)) furthest.set(h.dealId, p);
  }
  const reached = new Array<number>(n + 1).fill(0);
  const amounts = new Array<number>(n + 1).fill(0);
  let cohort = 0;
  let won = 0;
  let lost = 0;
  let stillOpen = 0;
  for (const d of deals) {
    if (d.createdAt === null) continue;
    const created = dayOfInstant(d.createdAt, zone);
    if ((from !== null && created < from) || (to !== null && created > to)) continue;
    cohort++;
    const kind = stages.kindOf(d.stage);
    if (kind === 'won') won++;
    else if (kind === 'lost') lost++;
    else stillOpen++;
    // Every deal of the cohort entered the funnel at its first stage.
    const top = Math.max(0, position(d.stage), furthest.get(d.id) ?? 0);
    const v = dealAmount(d, conv) ?? 0;
    for (let i = 0; i <= top && i <= n; i++) {
      reached[i]++;
      amounts[i] += v;
    }
  }
  const names = [...open.map((s) => s.name), wonStage?.name ?? 'Успешно'];
  const rows: FunnelRow[] = names.map((stage, i) => {
    const prev = i > 0 ? reached[i - 1] : 0;
    const conversion = i > 0 && prev > 0 ? reached[i] / prev : null;
    return {
      stage,
      reached: reached[i],
      amount: amounts[i],
      conversion,
      dropOff: conversion === null ? null : 1 - conversion,
      fromFirst: reached[0] > 0 ? reached[i] / reached[0] : null,
    };
  });
  return { rows, cohort, won, lost, open: stillOpen };
}
