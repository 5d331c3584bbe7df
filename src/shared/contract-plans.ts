/** The plan builder's answers (src/app/rpc/plans.ts). Revenue in kopecks, other metrics counts. */
import type { PlanLevel, PlanMetric } from '../core/types';

export interface PlanMonthView {
  period: string;
  value: number;
  /** Last year's fact of the month; null: no history that early. */
  lastYear: number | null;
  fact: number;
  closed: boolean;
}

export interface PlanDiffView {
  key: string;
  kind: 'added' | 'changed';
  level: PlanLevel;
  target: string;
  name: string;
  period: string;
  value: number;
  old: number | null;
  /** Typed by hand: written only when ticked. */
  hand: boolean;
}

export interface PlanPreview {
  period: string;
  metric: PlanMetric;
  total: number;
  months: PlanMonthView[];
  /** Added and changed rows (unchanged ones are only counted). */
  diff: PlanDiffView[];
  unchanged: number;
  /** The Plans sheet's fingerprint: a write based on another one is refused. */
  version: string;
  shortfall: number | null;
  uncarried: string[];
}

export interface PlanProblem {
  who: string;
  period: string;
  parent: number;
  children: number;
}

export interface PlanWriteResult {
  written: number;
  /** Hand-typed rows left as they were (not ticked). */
  kept: number;
  /** The consistency check after the write: empty when every parent is the sum of its children. */
  problems: PlanProblem[];
  preview: PlanPreview;
}

export interface PlanDefenceResult {
  sheet: string;
}
