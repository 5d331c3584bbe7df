/**
 * A grade switches the bonus scheme, hand-computed: the order is the manager's own scheme, the
 * scheme their grade names, their team's, the first; a grade naming a scheme that does not exist
 * pays by the fallback and says so on the row. SALES_BONUS applies the grades only when its
 * scheme range carries the grades table.
 */
import { bonusStatements, parsePeriod } from '../../../src/core/analytics';
import { bonusCalculationText } from '../../../src/core/analytics/tables/bonus-text';
import { salesBonus, type FunctionContext } from '../../../src/core/analytics/functions';
import { defaultPeople } from '../../../src/core/people/settings';
import { defaultSettings } from '../../../src/core/workbook/settings';
import type { GradeDef } from '../../../src/core/people/types';
import type { BonusTier, Manager } from '../../../src/core/types';
import { day, deal, manager, moscow, msk, plan, rub, settings, workbook } from './fixtures';

const JUNIOR = 'junior@example.com';
const SENIOR = 'senior@example.com';

const marginal = (scheme: string, low: number, high: number): BonusTier[] => [
  { scheme, kind: 'marginal', from: 0, to: 1, rate: low, multiplier: 1, reduceByOverdue: false },
  {
    scheme,
    kind: 'marginal',
    from: 1,
    to: null,
    rate: high,
    multiplier: 1,
    reduceByOverdue: false,
  },
];
const ladder = (seniorScheme: string): GradeDef[] =>
  defaultPeople('ru')
    .grades.slice(0, 3)
    .map((g, i) => ({ ...g, bonusScheme: i < 2 ? 'A' : seniorScheme }));

/** Both sell 1 100 000 ₽ on a 1 000 000 ₽ plan in November; the team is «Альфа». */
function data(over: { schemes?: BonusTier[]; seniorScheme?: string; senior?: Partial<Manager> }) {
  const people = defaultPeople('ru');
  return workbook({
    settings: settings({
      bonus: over.schemes ?? [...marginal('A', 0.1, 0.15), ...marginal('B', 0.12, 0.18)],
      people: { ...people, grades: ladder(over.seniorScheme ?? 'B') },
    }),
    managers: [
      manager({ email: JUNIOR, name: 'Юрий', team: 'Альфа', grade: 'Junior' }),
      manager({ email: SENIOR, name: 'Сергей', team: 'Альфа', grade: 'senior', ...over.senior }),
    ],
    plans: [JUNIOR, SENIOR].map((target) =>
      plan({ level: 'manager', target, period: '2026-11', value: rub(1_000_000) }),
    ),
    deals: [JUNIOR, SENIOR].map((m) =>
      deal({ manager: m, stage: 'Успешно', amount: rub(1_100_000), closedAt: day(2026, 11, 3) }),
    ),
  });
}

const november = parsePeriod('2026-11')!;
const statements = (d: ReturnType<typeof data>) => bonusStatements(d, november, day(2026, 11, 30));
/** [scheme, bonus] by the manager's name (rows come sorted by name). */
const rows = (d: ReturnType<typeof data>) =>
  Object.fromEntries(statements(d).map((r) => [r.name, [r.scheme, r.bonus]]));

describe("a grade's bonus scheme", () => {
  it('pays a junior on A and a senior on B for the same plan and fact', () => {
    // A: 1 000 000 × 10 % + 100 000 × 15 % = 115 000; B: 1 000 000 × 12 % + 100 000 × 18 % = 138 000.
    expect(rows(data({}))).toEqual({ Юрий: ['A', rub(115_000)], Сергей: ['B', rub(138_000)] });
  });

  it("a scheme named after the manager beats the grade's", () => {
    const schemes = [
      ...marginal('A', 0.1, 0.15),
      ...marginal('B', 0.12, 0.18),
      ...marginal(SENIOR, 0.05, 0.05),
    ];
    // 1 100 000 × 5 % = 55 000.
    expect(rows(data({ schemes })).Сергей).toEqual([SENIOR, rub(55_000)]);
    // By name as well.
    const byName = [...marginal('A', 0.1, 0.15), ...marginal('Сергей', 0.05, 0.05)];
    expect(rows(data({ schemes: byName })).Сергей).toEqual(['Сергей', rub(55_000)]);
  });

  it("the grade's scheme beats the team's; no grade or none named: the team's", () => {
    const schemes = [
      ...marginal('A', 0.1, 0.15),
      ...marginal('B', 0.12, 0.18),
      ...marginal('Альфа', 0.2, 0.2),
    ];
    expect(rows(data({ schemes })).Сергей).toEqual(['B', rub(138_000)]);
    // A grade off the ladder, or one naming no scheme: 1 100 000 × 20 % = 220 000.
    expect(rows(data({ schemes, senior: { grade: 'Стажёр' } })).Сергей).toEqual([
      'Альфа',
      rub(220_000),
    ]);
    expect(rows(data({ schemes, seniorScheme: '' })).Сергей).toEqual(['Альфа', rub(220_000)]);
  });

  it('a grade naming a missing scheme pays by the fallback and says so on the row', () => {
    const senior = statements(data({ seniorScheme: 'Золото' })).find((r) => r.name === 'Сергей');
    if (!senior) throw new Error('no row for the senior');
    // No personal or team scheme: the first one, A.
    expect([senior.scheme, senior.bonus]).toEqual(['A', rub(115_000)]);
    expect(senior.gradeMissing).toEqual({ grade: 'senior', scheme: 'Золото' });
    const ru = bonusCalculationText(senior, 'ru');
    expect(ru.startsWith('схема грейда senior «Золото» не найдена — взята «A»; ')).toBe(true);
    expect(ru).toContain('= 15\u00a0000,00\u00a0₽');
    expect(bonusCalculationText(senior, 'en')).toMatch(
      /^scheme "Золото" of grade senior not found; "A" used; /,
    );
  });
});

describe('the default ladder', () => {
  it.each(['ru', 'en'] as const)('names schemes the default bonus table has (%s)', (lang) => {
    const s = defaultSettings(lang);
    const schemes = new Set(s.bonus.map((b) => b.scheme));
    const named = (s.people?.grades ?? []).map((g) => g.bonusScheme);
    expect(schemes.size).toBe(2);
    expect(named.every((n) => schemes.has(n))).toBe(true);
    // Junior and Middle on the first (base) scheme, Senior and Lead on the second.
    expect(new Set(named.slice(0, 2))).toEqual(new Set([s.bonus[0].scheme]));
    expect(new Set(named.slice(2))).toEqual(new Set([s.bonus[s.bonus.length - 1].scheme]));
  });
});

describe('SALES_BONUS and grades', () => {
  const ctx: FunctionContext = {
    zone: moscow,
    now: msk(2026, 12, 2, 12),
    settings: settings(),
    managers: data({}).managers,
    clients: [],
    lang: 'ru',
  };
  const plans = [
    ['Уровень', 'Кто', 'Период', 'Показатель', 'План'],
    ['Менеджер', JUNIOR, '2026-11', 'Выручка', 1_000_000],
    ['Менеджер', SENIOR, '2026-11', 'Выручка', 1_000_000],
  ];
  const closed = new Date(msk(2026, 11, 3));
  const deals = [
    ['ID', 'ID клиента', 'Менеджер', 'Этап', 'Сумма', 'Дата закрытия'],
    ['D-1', 'C-1', JUNIOR, 'Успешно', 1_100_000, closed],
    ['D-2', 'C-1', SENIOR, 'Успешно', 1_100_000, closed],
  ];
  const bonusHead = ['Схема', 'Вид', 'От % плана', 'До % плана', 'Ставка'];
  const bonus: Array<Array<string | number>> = [
    ['A', 'Прогрессивная', 0, 1, 0.1],
    ['A', 'Прогрессивная', 1, '', 0.15],
    ['B', 'Прогрессивная', 0, 1, 0.12],
    ['B', 'Прогрессивная', 1, '', 0.18],
  ];
  const grades = [
    ['Грейд', 'Схема премии'],
    ['Junior', 'A'],
    ['Senior', 'B'],
  ];
  /** The Settings sheet's way: tables side by side, one blank column apart. */
  const settingsRange = [
    [...bonusHead, '', ...grades[0]],
    ...bonus.map((r, i) => [...r, '', ...(grades[i + 1] ?? ['', ''])]),
  ];
  /** [name, scheme, bonus] of the two manager rows (sorted by name). */
  const amounts = (t: unknown) => (t as unknown[][]).slice(1, 3).map((r) => [r[0], r[1], r[7]]);

  it("uses the grade's scheme when the range carries the grades table", () => {
    expect(amounts(salesBonus(ctx, plans, deals, settingsRange, '2026-11'))).toEqual([
      ['Сергей', 'B', 138_000],
      ['Юрий', 'A', 115_000],
    ]);
  });

  it('keeps personal, team, first when the range is the bonus table alone', () => {
    const only = [bonusHead, ...bonus];
    expect(amounts(salesBonus(ctx, plans, deals, only, '2026-11'))).toEqual([
      ['Сергей', 'A', 115_000],
      ['Юрий', 'A', 115_000],
    ]);
  });
});
