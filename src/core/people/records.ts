/** Typed people records from the raw records of one read of their sheets (header-mapped). */
import type { RawRecord } from '../workbook/tables';
import { CANDIDATE_STAGES, TRAINING_KINDS } from './enums';
import type { Candidate, OnboardingStep, Score, Training } from './types';

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : v == null ? '' : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const email = (v: unknown): string => str(v).toLowerCase();

export function toOnboarding({ row, cells }: RawRecord): OnboardingStep {
  return {
    row,
    manager: email(cells.manager),
    step: str(cells.step),
    due: num(cells.due),
    doneAt: num(cells.doneAt),
    doneBy: email(cells.doneBy),
    comment: str(cells.comment),
  };
}

export function toTraining({ row, cells }: RawRecord): Training {
  return {
    row,
    date: num(cells.date),
    manager: email(cells.manager),
    kind: TRAINING_KINDS.parse(cells.kind),
    topic: str(cells.topic),
    trainer: str(cells.trainer),
    score: num(cells.score),
    passed: typeof cells.passed === 'boolean' ? cells.passed : null,
  };
}

export function toCandidate({ row, cells }: RawRecord): Candidate {
  return {
    row,
    name: str(cells.name),
    email: email(cells.email),
    contact: str(cells.contact),
    position: str(cells.position),
    stage: CANDIDATE_STAGES.parse(cells.stage),
    source: str(cells.source),
    notes: str(cells.notes),
  };
}

export function toScore({ row, cells }: RawRecord): Score {
  const s = num(cells.score);
  return {
    row,
    candidate: str(cells.candidate),
    question: str(cells.question),
    // Outside 1-5 is a typo, not a score: it is left out of the average.
    score: s !== null && s >= 1 && s <= 5 ? s : null,
  };
}
