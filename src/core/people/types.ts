/**
 * The people side of running a sales team: onboarding steps, trainings and attestations,
 * candidates with their interview scores, and the growth ladder's grades. Rows as the core sees
 * them after the shell read the sheets; dates are `Day`s, e-mails lower-case.
 */
import type { Day } from '../time';

export type TrainingKind = 'training' | 'workshop' | 'attestation';
export type CandidateStage = 'applied' | 'interview' | 'testTask' | 'offer' | 'hired' | 'declined';

/** A step of the onboarding template (Settings): due this many days after the hire date. */
export interface OnboardingStepDef {
  step: string;
  dueDay: number;
}

/**
 * A step of the growth ladder with its criteria (Settings, one row per grade, lowest first).
 * A null criterion is not required.
 */
export interface GradeDef {
  grade: string;
  /** Months looked back for plan completion and conversion. */
  planMonths: number;
  /** Average plan completion over those months (1 = 100 %). */
  minPlan: number | null;
  /** Win rate (won / closed) over those months. */
  minConversion: number | null;
  /** Share of stage moves made with the exit criterion met (the stage playbooks' figure). */
  minCompliance: number | null;
  /** Trainings and attestations passed in the last 12 months. */
  minTrainings: number | null;
  /** Months since the grade was given (the last passed attestation, else the hire date). */
  minMonths: number | null;
  /** The bonus scheme (Settings bonus table, by name) that applies at this grade. */
  bonusScheme: string;
}

export interface PeopleSettings {
  onboarding: OnboardingStepDef[];
  questions: string[];
  grades: GradeDef[];
  /** A manager is due an attestation when the last one is older than this. */
  attestationMonths: number;
}

export interface OnboardingStep {
  row: number;
  manager: string;
  step: string;
  due: Day | null;
  doneAt: Day | null;
  doneBy: string;
  comment: string;
}

export interface Training {
  row: number;
  date: Day | null;
  manager: string;
  kind: TrainingKind | '';
  topic: string;
  trainer: string;
  score: number | null;
  passed: boolean | null;
}

export interface Candidate {
  row: number;
  name: string;
  email: string;
  contact: string;
  position: string;
  stage: CandidateStage | '';
  source: string;
  notes: string;
}

export interface Score {
  row: number;
  candidate: string;
  question: string;
  score: number | null;
}
