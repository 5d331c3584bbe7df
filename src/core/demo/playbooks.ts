/**
 * The demo's process compliance: each forward move of the demo history is marked as made with
 * the exit criterion met or not, at a steady rate per manager (the first follows the playbooks
 * closely, later ones less), so Team and the dashboard show a spread a head would believe.
 */
import type { Deal, StageChange, StageDef } from '../types';
import { findStage } from '../workbook/settings';

const RATES = [0.92, 0.78, 0.64, 0.5, 0.85, 0.7];

function hash(text: string): number {
  let h = 7;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) % 1_000_003;
  return (h % 100) / 100;
}

export function demoExitMet(
  h: Pick<StageChange, 'dealId' | 'fromStage' | 'toStage'>,
  stages: readonly StageDef[],
  deals: readonly Deal[],
  managers: readonly string[],
): boolean | null {
  const from = findStage(stages, h.fromStage);
  const to = findStage(stages, h.toStage);
  if (!from || !to || from.kind !== 'open' || to.kind === 'lost') return null;
  if (to.kind === 'open' && to.order <= from.order) return null;
  const owner = deals.find((d) => d.id === h.dealId)?.manager ?? '';
  const rate = RATES[Math.max(0, managers.indexOf(owner)) % RATES.length];
  return hash(`${h.dealId}:${h.toStage}`) < rate;
}
