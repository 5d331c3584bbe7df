/**
 * The people blocks of the Settings sheet: the onboarding template (step, day from hire), the
 * interview questions, and the grades with their criteria; plus the attestation interval (a
 * key/value row). Read with the rest of Settings (one read of the sheet); a missing or empty
 * block keeps the defaults here, so a workbook set up before this feature works unchanged.
 */
import type { BonusTier, Lang, Settings } from '../types';
import type { RawRecord } from '../workbook/tables';
import type { GradeDef, OnboardingStepDef, PeopleSettings } from './types';

export const DEFAULT_ATTESTATION_MONTHS = 6;

const STEPS: ReadonlyArray<[string, string, number]> = [
  ['Обучение продукту', 'Product training', 3],
  ['Обучение CRM', 'CRM training', 5],
  ['Первые звонки с наставником', 'First calls with the mentor', 10],
  ['Аттестация', 'Attestation', 30],
];

const QUESTIONS: ReadonlyArray<[string, string]> = [
  ['Опыт в продажах', 'Sales experience'],
  ['Самая сложная продажа и как закрыли', 'The hardest sale and how it closed'],
  ['Трудные клиенты', 'Difficult clients'],
  ['Трудные коллеги', 'Difficult colleagues'],
];

const grade = (
  name: string,
  minPlan: number | null,
  minConversion: number | null,
  minCompliance: number | null,
  minTrainings: number | null,
  minMonths: number | null,
): GradeDef => ({
  grade: name,
  planMonths: 3,
  minPlan,
  minConversion,
  minCompliance,
  minTrainings,
  minMonths,
  bonusScheme: '',
});

/**
 * The default ladder's second bonus scheme, for its senior grades: the same marginal shape as
 * the base scheme (settings.ts) at higher rates, so a grade visibly changes what is paid.
 */
export function seniorBonus(lang: Lang): BonusTier[] {
  const scheme = lang === 'ru' ? 'Старшая' : 'Senior rate';
  const tiers: Array<[number, number | null, number]> = [
    [0, 1, 0.12],
    [1, 1.2, 0.18],
    [1.2, null, 0.25],
  ];
  return tiers.map(([from, to, rate]) => ({
    scheme,
    kind: 'marginal',
    from,
    to,
    rate,
    multiplier: 1,
    reduceByOverdue: false,
  }));
}

export function defaultPeople(lang: Lang): PeopleSettings {
  const base = lang === 'ru' ? 'Базовая' : 'Base';
  const senior = seniorBonus(lang)[0].scheme;
  return {
    onboarding: STEPS.map(([ru, en, dueDay]) => ({ step: lang === 'ru' ? ru : en, dueDay })),
    questions: QUESTIONS.map(([ru, en]) => (lang === 'ru' ? ru : en)),
    grades: [
      grade('Junior', null, null, null, 1, null),
      grade('Middle', 0.8, 0.2, null, 2, 6),
      grade('Senior', 1, 0.3, 0.8, 3, 12),
      grade('Lead', 1, 0.35, 0.85, 4, 18),
    ].map((g, i) => ({ ...g, bonusScheme: i < 2 ? base : senior })),
    attestationMonths: DEFAULT_ATTESTATION_MONTHS,
  };
}

/** The people settings of a Settings value (defaults when it has none). */
export function peopleOf(s: Settings): PeopleSettings {
  return s.people ?? defaultPeople(s.lang);
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

type PeopleTable = 'onboarding' | 'scorecard' | 'grades';

/** Fills `s.people` from the blocks found on the sheet (`records` null: the block is absent). */
export function readPeopleTables(
  s: Settings,
  records: (key: PeopleTable) => RawRecord[] | null,
): void {
  const p = peopleOf(s);
  const steps: OnboardingStepDef[] = [];
  for (const { cells } of records('onboarding') ?? []) {
    const step = str(cells.step);
    const due = num(cells.dueDay);
    if (step && due !== null && due >= 0) steps.push({ step, dueDay: Math.round(due) });
  }
  const questions = (records('scorecard') ?? []).map((r) => str(r.cells.question)).filter(Boolean);
  const grades: GradeDef[] = [];
  for (const { cells } of records('grades') ?? []) {
    const name = str(cells.grade);
    if (!name) continue;
    const months = num(cells.planMonths);
    grades.push({
      grade: name,
      planMonths: months !== null && months >= 1 ? Math.min(Math.round(months), 24) : 3,
      minPlan: num(cells.minPlan),
      minConversion: num(cells.minConversion),
      minCompliance: num(cells.minCompliance),
      minTrainings: num(cells.minTrainings),
      minMonths: num(cells.minMonths),
      bonusScheme: str(cells.bonusScheme),
    });
  }
  s.people = {
    onboarding: steps.length ? steps : p.onboarding,
    questions: questions.length ? questions : p.questions,
    grades: grades.length ? grades : p.grades,
    attestationMonths: p.attestationMonths,
  };
}

type Cell = string | number | boolean;

/** The blocks Setup writes (header row first), in the Settings' language. */
export function peopleBlocks(
  s: Settings,
  header: (key: PeopleTable) => string[],
): Array<{ key: PeopleTable; rows: Cell[][] }> {
  const p = peopleOf(s);
  const opt = (v: number | null): Cell => v ?? '';
  return [
    {
      key: 'onboarding',
      rows: [header('onboarding'), ...p.onboarding.map((o) => [o.step, o.dueDay])],
    },
    { key: 'scorecard', rows: [header('scorecard'), ...p.questions.map((q) => [q])] },
    {
      key: 'grades',
      rows: [
        header('grades'),
        ...p.grades.map((g) => [
          g.grade,
          g.planMonths,
          opt(g.minPlan),
          opt(g.minConversion),
          opt(g.minCompliance),
          opt(g.minTrainings),
          opt(g.minMonths),
          g.bonusScheme,
        ]),
      ],
    },
  ];
}
