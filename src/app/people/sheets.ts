/** The people sheets of one execution's Workbook, typed (each read at most once, by the Workbook). */
import { toCandidate, toOnboarding, toScore, toTraining } from '../../core/people/records';
import type { Candidate, OnboardingStep, Score, Training } from '../../core/people/types';
import type { Workbook } from '../../gas/workbook';

export const onboardingOf = (wb: Workbook): OnboardingStep[] =>
  wb.table('onboarding').records.map(toOnboarding);
export const trainingsOf = (wb: Workbook): Training[] =>
  wb.table('training').records.map(toTraining);
export const candidatesOf = (wb: Workbook): Candidate[] =>
  wb.table('candidates').records.map(toCandidate);
export const scoresOf = (wb: Workbook): Score[] => wb.table('scorecard').records.map(toScore);
