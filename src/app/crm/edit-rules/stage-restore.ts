/**
 * onEdit rule: a stage typed into Deals that the funnel does not know (say «КП отправлено») is not
 * kept when the cell held a real stage before: the previous stage comes back, with a note saying
 * why, so reports never count a deal in a stage that does not exist. A pasted block (no previous
 * value known) or a new row keeps what was typed, flagged.
 */
import { findStage } from '../../../core/workbook/settings';
import type { StageDef } from '../../../core/types';

export function stageToRestore(
  stages: readonly StageDef[],
  single: { oldValue: unknown } | null,
): string | null {
  if (!single) return null;
  const old = String(single.oldValue ?? '').trim();
  const stage = old ? findStage(stages, old) : undefined;
  return stage ? stage.name : null;
}
