/**
 * Stage playbooks (issue #14, second half), the pure rules only: what a stage asks of a deal
 * before it leaves (required fields and checklist ticks), and what a move does when some are
 * missing: it goes ahead, warns (the panel asks to confirm), or is refused when the head made
 * the stage strict. Read from Settings by ./settings.ts; applied by src/app/playbooks/gate.ts to
 * moveStage, closeWon and a stage typed in the sheet (docs/tasks-and-playbooks.md).
 */
import type { Deal } from '../types';

/** Deal fields a playbook may require before leaving its stage. */
export type RequiredField = 'need' | 'amount' | 'nextStep' | 'nextStepDate' | 'expectedClose';
export const REQUIRED_FIELDS: readonly RequiredField[] = [
  'need',
  'amount',
  'nextStep',
  'nextStepDate',
  'expectedClose',
];

export interface Playbook {
  stage: string;
  /** What to do at this stage (text with links). */
  todo: string;
  checklist: string[];
  required: RequiredField[];
  /** The exit criterion, as the head words it. */
  exit: string;
  /** Refuse a move with something missing (otherwise warn). */
  strict: boolean;
}

export interface Missing {
  fields: RequiredField[];
  /** Checklist items not ticked. */
  items: string[];
}

export type MoveDecision =
  | { kind: 'ok'; exitMet: boolean }
  | { kind: 'warn'; missing: Missing }
  | { kind: 'refuse'; missing: Missing };

const filled = (deal: Deal, f: RequiredField): boolean => {
  const v = deal[f];
  return typeof v === 'string' ? v.trim() !== '' : v !== null && v !== undefined;
};

/** What the deal still lacks to leave the stage of `playbook`. */
export function missingToLeave(
  deal: Deal,
  playbook: Playbook,
  ticked: ReadonlySet<string>,
): Missing {
  return {
    fields: playbook.required.filter((f) => !filled(deal, f)),
    items: playbook.checklist.filter((i) => !ticked.has(i)),
  };
}

export const isComplete = (m: Missing): boolean => !m.fields.length && !m.items.length;

/**
 * A move from the deal's stage: without a playbook, or with everything done, it goes ahead (and
 * counts as made with the exit criterion met when everything was done); otherwise a strict stage
 * refuses, and any other warns unless the user confirmed.
 */
export function decideMove(
  deal: Deal,
  playbook: Playbook | undefined,
  ticked: ReadonlySet<string>,
  confirmed: boolean,
): MoveDecision {
  if (!playbook) return { kind: 'ok', exitMet: true };
  const missing = missingToLeave(deal, playbook, ticked);
  if (isComplete(missing)) return { kind: 'ok', exitMet: true };
  if (playbook.strict) return { kind: 'refuse', missing };
  return confirmed ? { kind: 'ok', exitMet: false } : { kind: 'warn', missing };
}

/** Process compliance: the share of stage moves made with the exit criterion met. */
export function compliance(moves: ReadonlyArray<{ exitMet: boolean | null }>): number | null {
  const known = moves.filter((m) => m.exitMet !== null);
  return known.length ? known.filter((m) => m.exitMet).length / known.length : null;
}
