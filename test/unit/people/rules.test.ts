/** The people rules: onboarding dates and idempotence, training due, grade criteria, months. */
import { checkGrade, readiness } from '../../../src/core/people/grades';
import { addMonths, monthsBetween } from '../../../src/core/people/months';
import {
  isRecentHire,
  mayMarkStep,
  onboardingProgress,
  onboardingToCreate,
} from '../../../src/core/people/onboarding';
import { defaultPeople } from '../../../src/core/people/settings';
import { kpisUnderTwice, trainingDue, type KpiMonth } from '../../../src/core/people/training';
import type { GradeDef, OnboardingStep, Training } from '../../../src/core/people/types';
import { day, manager } from '../analytics/fixtures';

const today = day(2026, 11, 27);
const template = [
  { step: 'Product', dueDay: 3 },
  { step: 'Attestation', dueDay: 30 },
];

describe('months', () => {
  it('adds calendar months, clamping to the month end', () => {
    expect(addMonths(day(2026, 1, 31), 1)).toBe(day(2026, 2, 28));
    expect(addMonths(day(2026, 11, 15), 2)).toBe(day(2027, 1, 15));
    expect(addMonths(day(2026, 3, 10), -6)).toBe(day(2025, 9, 10));
  });
  it('counts whole months between two days', () => {
    expect(monthsBetween(day(2026, 5, 27), today)).toBe(6);
    expect(monthsBetween(day(2026, 5, 28), today)).toBe(5);
    expect(monthsBetween(today, day(2026, 1, 1))).toBe(0);
  });
});

describe('onboarding', () => {
  const hire = manager({ email: 'new@x.ru', hiredAt: day(2026, 11, 2) });
  const old = manager({ email: 'old@x.ru', hiredAt: day(2025, 1, 10) });

  it('gives a recent hire the template with due dates counted from the hire date', () => {
    const rows = onboardingToCreate([hire, old], [], template, today);
    expect(rows).toEqual([
      expect.objectContaining({ manager: 'new@x.ru', step: 'Product', due: day(2026, 11, 5) }),
      expect.objectContaining({ manager: 'new@x.ru', step: 'Attestation', due: day(2026, 12, 2) }),
    ]);
  });

  it('never duplicates: a manager with any onboarding row is left alone', () => {
    const existing: OnboardingStep[] = [
      {
        row: 2,
        manager: 'new@x.ru',
        step: 'Product',
        due: 1,
        doneAt: null,
        doneBy: '',
        comment: '',
      },
    ];
    expect(onboardingToCreate([hire], existing, template, today)).toEqual([]);
  });

  it('skips heads, inactive people, people who left and old hires', () => {
    expect(isRecentHire({ ...hire, role: 'head' }, today)).toBe(false);
    expect(isRecentHire({ ...hire, active: false }, today)).toBe(false);
    expect(isRecentHire({ ...hire, lastDay: day(2026, 11, 20) }, today)).toBe(false);
    expect(isRecentHire(old, today)).toBe(false);
    expect(isRecentHire({ ...hire, hiredAt: today + 14 }, today)).toBe(true);
  });

  it('reports progress, overdue steps and the next one', () => {
    const steps: OnboardingStep[] = [
      {
        row: 2,
        manager: 'a',
        step: 'A',
        due: today - 5,
        doneAt: today - 6,
        doneBy: 'a',
        comment: '',
      },
      { row: 3, manager: 'a', step: 'B', due: today - 1, doneAt: null, doneBy: '', comment: '' },
      { row: 4, manager: 'a', step: 'C', due: today + 9, doneAt: null, doneBy: '', comment: '' },
    ];
    const [p] = onboardingProgress(steps, today);
    expect(p).toMatchObject({ manager: 'a', done: 1, total: 3, overdue: 1 });
    expect(p.next?.step).toBe('B');
  });

  it('lets the manager, their mentor and the head mark a step, nobody else', () => {
    const owner = { email: 'new@x.ru', mentor: 'mentor@x.ru' };
    expect(mayMarkStep({ email: 'new@x.ru', role: 'manager' }, owner, 'new@x.ru')).toBe(true);
    expect(mayMarkStep({ email: 'mentor@x.ru', role: 'manager' }, owner, 'new@x.ru')).toBe(true);
    expect(mayMarkStep({ email: 'boss@x.ru', role: 'head' }, owner, 'new@x.ru')).toBe(true);
    expect(mayMarkStep({ email: 'other@x.ru', role: 'manager' }, owner, 'new@x.ru')).toBe(false);
    expect(mayMarkStep({ email: 'dir@x.ru', role: 'director' }, owner, 'new@x.ru')).toBe(false);
  });
});

describe('training due', () => {
  const training = (over: Partial<Training>): Training => ({
    row: 2,
    date: null,
    manager: 'a@x.ru',
    kind: 'training',
    topic: '',
    trainer: '',
    score: null,
    passed: true,
    ...over,
  });
  const a = manager({ email: 'a@x.ru', hiredAt: day(2024, 1, 1) });

  it('is due when the last attestation is older than the interval', () => {
    const at = (d: number) => [training({ kind: 'attestation', date: d })];
    expect(trainingDue([a], at(day(2026, 5, 27)), 6, today, new Map())).toHaveLength(1);
    expect(trainingDue([a], at(day(2026, 5, 28)), 6, today, new Map())).toEqual([]);
    // A training is not an attestation.
    expect(
      trainingDue([a], [training({ date: today - 3 })], 6, today, new Map())[0].reasons,
    ).toEqual([{ kind: 'attestation', last: null }]);
  });

  it('counts a never-attested manager from the hire date', () => {
    const fresh = manager({ email: 'f@x.ru', hiredAt: today - 60 });
    expect(trainingDue([fresh], [], 6, today, new Map())).toEqual([]);
  });

  it('adds the KPIs under the norm two months running', () => {
    const kpis = new Map([['a@x.ru', ['activity' as const]]]);
    const attested = [training({ kind: 'attestation', date: today - 10 })];
    expect(trainingDue([a], attested, 6, today, kpis)[0].reasons).toEqual([
      { kind: 'kpi', kpi: 'activity' },
    ]);
  });

  it('flags a KPI only when it is under its norm in both months', () => {
    const m = (over: Partial<KpiMonth>): KpiMonth => ({
      conversion: 0.3,
      conversionNorm: 0.25,
      activity: 1.1,
      responseMinutes: 10,
      responseLimit: 15,
      ...over,
    });
    expect(kpisUnderTwice(m({ conversion: 0.2 }), m({ conversion: 0.1 }))).toEqual(['conversion']);
    expect(kpisUnderTwice(m({ conversion: 0.2 }), m({}))).toEqual([]);
    expect(
      kpisUnderTwice(
        m({ activity: 0.7, responseMinutes: 40 }),
        m({ activity: 0.9, responseMinutes: 16 }),
      ),
    ).toEqual(['activity', 'response']);
    // No figure is no evidence.
    expect(kpisUnderTwice(m({ conversion: null }), m({ conversion: 0.1 }))).toEqual([]);
  });
});

describe('grades', () => {
  const ladder: GradeDef[] = defaultPeople('en').grades;
  const figures = { plan: 1.05, conversion: 0.32, compliance: null, trainings: 3, months: 13 };

  it('checks each set criterion; a criterion without a figure is skipped, not failed', () => {
    const checks = checkGrade(ladder[2], figures);
    expect(checks.map((c) => [c.key, c.ok])).toEqual([
      ['plan', true],
      ['conversion', true],
      ['compliance', null],
      ['trainings', true],
      ['months', true],
    ]);
  });

  it('shows who is ready for the next grade and who is at risk in theirs', () => {
    const r = readiness(ladder, 'middle', () => figures);
    expect(r.next).toMatchObject({ grade: 'Senior', ready: true });
    expect(r.risks).toEqual([]);
    const weak = readiness(ladder, 'Senior', () => ({ ...figures, plan: 0.6 }));
    expect(weak.risks.map((c) => c.key)).toEqual(['plan']);
    expect(weak.next?.ready).toBe(false);
    expect(weak.bonusScheme).toBe('Senior rate');
    // Fewer months than the grade asks for is no risk for someone already in it.
    expect(readiness(ladder, 'Senior', () => ({ ...figures, months: 2 })).risks).toEqual([]);
  });

  it('puts a manager without a grade below the first one', () => {
    const r = readiness(ladder, '', () => figures);
    expect(r.at).toBe(-1);
    expect(r.next?.grade).toBe('Junior');
    expect(readiness(ladder, 'Lead', () => figures).next).toBeNull();
  });
});
