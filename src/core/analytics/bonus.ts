/**
 * Bonus schemes are data: rows of the Settings bonus table grouped by scheme name.
 * - flat: bonus = base x rate x multiplier (the scheme's first row).
 * - marginal: each row pays its rate x multiplier on the part of the base between from x plan
 *   and to x plan (10% up to 100% of plan, 15% on 100-120%, 20% above...).
 * - threshold: the row whose [from, to) holds the completion pays its rate x multiplier on the
 *   WHOLE base (retroactive); below the lowest row nothing is paid. The multiplier is the
 *   accelerator (1.5 above 100%).
 * Completion = fact / plan. Base = fact, less the manager's overdue receivables at the period's
 * end when the scheme says so (never below 0). Marginal and threshold schemes need a plan.
 */
import { scaleKopecks, type Kopecks } from '../money';
import type { BonusTier, Manager } from '../types';
import { normalizeTarget } from './plans';

export interface BonusScheme {
  name: string;
  kind: BonusTier['kind'];
  tiers: BonusTier[];
  reduceByOverdue: boolean;
}

export function schemesFrom(tiers: readonly BonusTier[]): BonusScheme[] {
  const map = new Map<string, BonusScheme>();
  for (const t of tiers) {
    const key = normalizeTarget('team', t.scheme);
    let s = map.get(key);
    if (!s) {
      s = { name: t.scheme.trim(), kind: t.kind, tiers: [], reduceByOverdue: false };
      map.set(key, s);
    }
    s.tiers.push(t);
    if (t.reduceByOverdue) s.reduceByOverdue = true;
  }
  for (const s of map.values()) s.tiers.sort((a, b) => a.from - b.from);
  return [...map.values()];
}

/** The scheme a manager's bonus is computed on, and a grade scheme that was named but not found. */
export interface SchemeChoice {
  scheme: BonusScheme | null;
  /** The grade's scheme name when no scheme has it ('' otherwise): the row must say so. */
  missing: string;
}

/**
 * The scheme named after the manager (email or name), else the one their grade names (`grade`,
 * '' when the grade is off the ladder or names none), else their team's, else the first one. A
 * personal scheme is the head's explicit exception, so it beats the grade; a grade's scheme
 * that does not exist falls back to the team's with `missing` set, never silently.
 */
export function chooseScheme(
  schemes: readonly BonusScheme[],
  m: Pick<Manager, 'email' | 'name' | 'team'>,
  grade = '',
): SchemeChoice {
  const find = (v: string): BonusScheme | undefined =>
    v.trim()
      ? schemes.find((s) => normalizeTarget('team', s.name) === normalizeTarget('team', v))
      : undefined;
  const own = find(m.email) ?? find(m.name);
  if (own) return { scheme: own, missing: '' };
  const graded = find(grade);
  if (graded) return { scheme: graded, missing: '' };
  return { scheme: find(m.team) ?? schemes[0] ?? null, missing: grade.trim() };
}

export interface BonusStep {
  /** Completion bounds of the row (fractions of plan); to null = no upper bound. */
  from: number;
  to: number | null;
  /** The money the rate applies to in this step. */
  base: Kopecks;
  rate: number;
  multiplier: number;
  amount: Kopecks;
}

export type BonusNote = 'noPlan' | 'noScheme' | 'belowThreshold' | null;

export interface BonusStatement {
  scheme: string;
  kind: BonusTier['kind'] | '';
  plan: Kopecks;
  fact: Kopecks;
  completion: number | null;
  overdue: Kopecks;
  /** Fact less overdue receivables when the scheme reduces by them. */
  base: Kopecks;
  steps: BonusStep[];
  bonus: Kopecks;
  note: BonusNote;
}

export function computeBonus(
  scheme: BonusScheme | null,
  plan: Kopecks,
  fact: Kopecks,
  overdue: Kopecks = 0,
): BonusStatement {
  const completion = plan > 0 ? fact / plan : null;
  const statement: BonusStatement = {
    scheme: scheme?.name ?? '',
    kind: scheme?.kind ?? '',
    plan,
    fact,
    completion,
    overdue: scheme?.reduceByOverdue ? overdue : 0,
    base: fact,
    steps: [],
    bonus: 0,
    note: null,
  };
  if (!scheme || !scheme.tiers.length) return { ...statement, note: 'noScheme' };
  const base = Math.max(0, fact - statement.overdue);
  statement.base = base;
  const step = (t: BonusTier, part: Kopecks): BonusStep => ({
    from: t.from,
    to: t.to,
    base: part,
    rate: t.rate,
    multiplier: t.multiplier || 1,
    amount: scaleKopecks(part, t.rate * (t.multiplier || 1)),
  });
  if (scheme.kind === 'flat') {
    statement.steps = [step(scheme.tiers[0], base)];
  } else if (plan <= 0) {
    return { ...statement, note: 'noPlan' };
  } else if (scheme.kind === 'marginal') {
    for (const t of scheme.tiers) {
      const lower = Math.round(t.from * plan);
      const upper = t.to === null ? Infinity : Math.round(t.to * plan);
      const part = Math.max(0, Math.min(base, upper) - lower);
      if (part > 0) statement.steps.push(step(t, part));
    }
  } else {
    const c = fact / plan;
    const tier = [...scheme.tiers]
      .reverse()
      .find((t) => c >= t.from && (t.to === null || c < t.to));
    if (!tier) return { ...statement, note: 'belowThreshold' };
    statement.steps = [step(tier, base)];
  }
  statement.bonus = statement.steps.reduce((s, x) => s + x.amount, 0);
  return statement;
}
