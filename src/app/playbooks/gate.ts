/**
 * The playbook's say on a deal leaving its stage, shared by the panel (moveStage, closeWon) and
 * the sheet (onEdit): forward moves and wins are checked against the stage's playbook; moves back
 * or to Lost are not (nobody should have to tick a checklist to lose a deal), and do not count.
 */
import { decideMove, type MoveDecision } from '../../core/playbooks/rules';
import { playbookFor } from '../../core/playbooks/settings';
import { findStage } from '../../core/workbook/settings';
import type { Deal, Settings } from '../../core/types';
import type { Workbook } from '../../gas/workbook';
import { tickedItems, tickedOf } from './store';

/** null: the move is not checked (and is left out of compliance). */
export function gateMove(
  wb: Workbook,
  settings: Settings,
  deal: Deal,
  target: string,
  confirmed: boolean,
): MoveDecision | null {
  const from = findStage(settings.stages, deal.stage);
  const to = findStage(settings.stages, target);
  if (!from || !to || from.kind !== 'open' || to.kind === 'lost') return null;
  if (to.kind === 'open' && to.order <= from.order) return null;
  const playbook = playbookFor(settings.playbooks, from.name);
  if (!playbook) return decideMove(deal, undefined, new Set(), confirmed);
  const ticked = playbook.checklist.length
    ? tickedItems(tickedOf(wb, deal.id), playbook.stage, playbook.checklist)
    : new Set<string>();
  return decideMove(deal, playbook, ticked, confirmed);
}
