/**
 * Multi-level plans: company -> team -> manager, month -> quarter -> year. A plan not written
 * for a target and period is rolled up: first from the same target's shorter periods (a quarter
 * from its months), then from the level below (a team from its managers). Where a parent is
 * written AND its children are too, the consistency check shows the difference; nothing is ever
 * "fixed" silently.
 */
import type { Manager, Plan, PlanLevel, PlanMetric } from '../types';
import { directoryOf } from './managers';
import { childPeriods, monthsOf, parsePeriod, type Period } from './period';

export type PlanSource = 'explicit' | 'periods' | 'children' | 'none';

export interface PlanValue {
  value: number;
  source: PlanSource;
  /**
   * Rolled up from periods: the months (labels) of the period that have no plan. A quarter
   * planned for October only is a one-month plan, and must say so next to a quarter's fact.
   */
  missing?: string[];
}

const targets = new Map<string, string>();

export function normalizeTarget(level: PlanLevel, target: string): string {
  if (level === 'company') return '';
  if (typeof target !== 'string') return normalizeText(target);
  let n = targets.get(target);
  if (n === undefined) {
    if (targets.size >= 4096) targets.clear(); // a bounded cache of team names and emails
    targets.set(target, (n = normalizeText(target)));
  }
  return n;
}

function normalizeText(target: unknown): string {
  return String(target ?? '')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ');
}

const key = (level: PlanLevel, target: string, period: string, metric: PlanMetric): string =>
  `${level}|${normalizeTarget(level, target)}|${period}|${metric}`;

export class PlanBook {
  private readonly explicitValues = new Map<string, number>();
  /** Team (normalised) -> manager emails in it. */
  private readonly teamMembers = new Map<string, string[]>();
  readonly teams: string[];
  /** Written plans below zero (counted in, and reported next to the figures). */
  readonly negative: number;

  constructor(
    readonly plans: readonly Plan[],
    managers: readonly Manager[],
  ) {
    // Thousands of rows share a few dozen periods and targets: parse each text once.
    const labels = new Map<string, string | null>();
    // A manager's plan may name them as the Managers sheet does, not by email.
    const who = directoryOf(managers);
    this.negative = 0;
    for (const p of plans) {
      let label = labels.get(p.period);
      if (label === undefined) labels.set(p.period, (label = parsePeriod(p.period)?.label ?? null));
      if (label === null || !Number.isFinite(p.value)) continue;
      if (p.value < 0) this.negative++;
      const target = p.level === 'manager' ? who.keyOf(p.target) : p.target;
      const k = key(p.level, target, label, p.metric || 'revenue');
      // Two rows for the same target and period add up (e.g. split by product line).
      this.explicitValues.set(k, (this.explicitValues.get(k) ?? 0) + p.value);
    }
    const teamNames = new Map<string, string>();
    for (const m of managers) {
      if (!m.team.trim()) continue;
      const t = normalizeTarget('team', m.team);
      teamNames.set(t, teamNames.get(t) ?? m.team.trim());
      const list = this.teamMembers.get(t) ?? [];
      list.push(m.email.toLowerCase());
      this.teamMembers.set(t, list);
    }
    for (const p of plans) {
      if (p.level === 'team' && p.target.trim()) {
        const t = normalizeTarget('team', p.target);
        teamNames.set(t, teamNames.get(t) ?? p.target.trim());
      }
    }
    this.teams = [...teamNames.values()].sort((a, b) => a.localeCompare(b));
  }

  explicit(
    level: PlanLevel,
    target: string,
    period: Period,
    metric: PlanMetric,
  ): number | undefined {
    return this.explicitValues.get(key(level, target, period.label, metric));
  }

  membersOf(team: string): string[] {
    return this.teamMembers.get(normalizeTarget('team', team)) ?? [];
  }

  /** Targets one level down: company -> teams, team -> its managers. */
  childTargets(level: PlanLevel, target: string): { level: PlanLevel; targets: string[] } | null {
    if (level === 'company') {
      // Without teams, the company's children are the managers themselves.
      if (this.teams.length) return { level: 'team', targets: this.teams };
      const all = [...this.teamMembers.values()].flat();
      return { level: 'manager', targets: all.length ? all : this.managerTargets() };
    }
    if (level === 'team') return { level: 'manager', targets: this.membersOf(target) };
    return null;
  }

  private managerTargets(): string[] {
    const set = new Set<string>();
    for (const p of this.plans)
      if (p.level === 'manager') set.add(normalizeTarget('manager', p.target));
    return [...set];
  }

  /** The plan for a target and period: written, else rolled up from periods, else from children. */
  value(
    level: PlanLevel,
    target: string,
    period: Period,
    metric: PlanMetric = 'revenue',
    opts: { children?: boolean } = {},
  ): PlanValue {
    const own = this.explicit(level, target, period, metric);
    if (own !== undefined) return { value: own, source: 'explicit' };
    const missing: string[] = [];
    const byPeriods = this.fromPeriods(level, target, period, metric, missing);
    if (byPeriods !== undefined) {
      return missing.length
        ? { value: byPeriods, source: 'periods', missing }
        : { value: byPeriods, source: 'periods' };
    }
    if (opts.children !== false) {
      const kids = this.childTargets(level, target);
      if (kids && kids.targets.length) {
        let sum = 0;
        let any = false;
        const gaps = new Set<string>();
        for (const t of kids.targets) {
          const v = this.value(kids.level, t, period, metric);
          if (v.source !== 'none') {
            any = true;
            sum += v.value;
            for (const m of v.missing ?? []) gaps.add(m);
          }
        }
        if (any)
          return gaps.size
            ? { value: sum, source: 'children', missing: [...gaps].sort() }
            : { value: sum, source: 'children' };
      }
    }
    return { value: 0, source: 'none' };
  }

  /** Sum over child periods (a quarter's months, a year's quarters or else its months). */
  private fromPeriods(
    level: PlanLevel,
    target: string,
    period: Period,
    metric: PlanMetric,
    missing: string[] = [],
  ): number | undefined {
    if (period.kind === 'month') return undefined;
    let sum = 0;
    let any = false;
    const gaps: string[] = [];
    for (const child of childPeriods(period)) {
      const v =
        this.explicit(level, target, child, metric) ??
        this.fromPeriods(level, target, child, metric, gaps);
      if (v !== undefined) {
        any = true;
        sum += v;
      } else for (const m of monthsOf(child)) gaps.push(m.label);
    }
    if (any) missing.push(...gaps);
    return any ? sum : undefined;
  }
}

export interface PlanInconsistency {
  /** 'levels': a parent vs its teams/managers; 'periods': a quarter/year vs its months/quarters. */
  kind: 'levels' | 'periods';
  level: PlanLevel;
  target: string;
  period: string;
  metric: PlanMetric;
  parent: number;
  childrenSum: number;
  /** childrenSum - parent: positive when the children plan more than the parent. */
  difference: number;
}

/**
 * Every written parent plan whose written children do not add up to it. Periods compare a
 * quarter or year with the same target's months (quarters); levels compare a company or team
 * with its teams or managers in the same period (children rolled up from their own months).
 */
export function checkPlanConsistency(
  book: PlanBook,
  /** Which written plans to check (the dashboard checks its period's year only). */
  only: (p: Plan) => boolean = () => true,
): PlanInconsistency[] {
  const out: PlanInconsistency[] = [];
  const seen = new Set<string>();
  for (const p of book.plans) {
    if (!only(p)) continue;
    const period = parsePeriod(p.period);
    if (!period) continue;
    const metric = p.metric || 'revenue';
    const k = key(p.level, p.target, period.label, metric);
    if (seen.has(k)) continue;
    seen.add(k);
    const parent = book.explicit(p.level, p.target, period, metric) ?? 0;
    const target = p.level === 'company' ? '' : p.target.trim();
    if (period.kind !== 'month') {
      let sum = 0;
      let any = false;
      const quarters = childPeriods(period);
      const pick = (list: Period[]): void => {
        for (const c of list) {
          const v = book.explicit(p.level, p.target, c, metric);
          if (v !== undefined) {
            any = true;
            sum += v;
          }
        }
      };
      pick(quarters);
      if (!any && period.kind === 'year') pick(monthsOf(period));
      if (any && !close(sum, parent)) {
        out.push({
          kind: 'periods',
          level: p.level,
          target,
          period: period.label,
          metric,
          parent,
          childrenSum: sum,
          difference: sum - parent,
        });
      }
    }
    const kids = book.childTargets(p.level, p.target);
    if (kids && kids.targets.length) {
      let sum = 0;
      let any = false;
      for (const t of kids.targets) {
        const v = book.value(kids.level, t, period, metric);
        if (v.source !== 'none') {
          any = true;
          sum += v.value;
        }
      }
      if (any && !close(sum, parent)) {
        out.push({
          kind: 'levels',
          level: p.level,
          target,
          period: period.label,
          metric,
          parent,
          childrenSum: sum,
          difference: sum - parent,
        });
      }
    }
  }
  return out;
}

const close = (a: number, b: number): boolean => Math.abs(a - b) < 0.5;
