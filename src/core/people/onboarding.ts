/**
 * Onboarding: which managers get the template's steps, with what due dates, and how far along
 * each one is. Creating is idempotent by manager: a manager who has any row on the Onboarding
 * sheet is left alone (so a step the head deleted by hand does not come back on the next run).
 */
import type { Day } from '../time';
import type { Manager } from '../types';
import type { OnboardingStep, OnboardingStepDef } from './types';

/** A hire date within this many days (before today, or up to as many ahead) starts onboarding. */
export const ONBOARDING_WINDOW_DAYS = 90;

export type NewStep = Omit<OnboardingStep, 'row'>;

export function isRecentHire(m: Manager, today: Day): boolean {
  return (
    m.role === 'manager' &&
    m.active &&
    m.hiredAt !== null &&
    Math.abs(today - m.hiredAt) <= ONBOARDING_WINDOW_DAYS &&
    (m.lastDay === null || m.lastDay >= today)
  );
}

/** The rows to add: the template's steps for each recent hire who has no onboarding yet. */
export function onboardingToCreate(
  managers: readonly Manager[],
  existing: readonly OnboardingStep[],
  template: readonly OnboardingStepDef[],
  today: Day,
): NewStep[] {
  const started = new Set(existing.map((s) => s.manager));
  const out: NewStep[] = [];
  for (const m of managers) {
    const email = m.email.trim().toLowerCase();
    if (!email || started.has(email) || !isRecentHire(m, today) || m.hiredAt === null) continue;
    started.add(email);
    for (const t of template) {
      out.push({
        manager: email,
        step: t.step,
        due: m.hiredAt + t.dueDay,
        doneAt: null,
        doneBy: '',
        comment: '',
      });
    }
  }
  return out;
}

export interface OnboardingProgress {
  manager: string;
  done: number;
  total: number;
  overdue: number;
  /** The first step not done, by due date. */
  next: OnboardingStep | null;
}

export function onboardingProgress(
  steps: readonly OnboardingStep[],
  today: Day,
): OnboardingProgress[] {
  const by = new Map<string, OnboardingStep[]>();
  for (const s of steps) {
    if (!s.manager) continue;
    const list = by.get(s.manager) ?? [];
    list.push(s);
    by.set(s.manager, list);
  }
  const out: OnboardingProgress[] = [];
  for (const [manager, list] of by) {
    const open = list
      .filter((s) => s.doneAt === null)
      .sort((a, b) => (a.due ?? Infinity) - (b.due ?? Infinity));
    out.push({
      manager,
      done: list.length - open.length,
      total: list.length,
      overdue: open.filter((s) => s.due !== null && s.due < today).length,
      next: open[0] ?? null,
    });
  }
  return out;
}

/** Who may mark a step: the manager themselves, their mentor, or a head of sales. */
export function mayMarkStep(
  me: Pick<Manager, 'email' | 'role'>,
  owner: Pick<Manager, 'email' | 'mentor'> | undefined,
  stepManager: string,
): boolean {
  const email = me.email.trim().toLowerCase();
  if (me.role === 'head') return true;
  if (email === stepManager) return true;
  return !!owner && owner.mentor.trim().toLowerCase() === email;
}
