// Issue #12 "no silent wrong number": each ordinary input that used to give a wrong figure
// without a word now gives the right figure, or the figure plus a note saying what was left out.
import {
  ManagerDirectory,
  managerLabels,
  parsePeriod,
  PlanBook,
  planFact,
  pct,
  StageIndex,
} from '../../../src/core/analytics';
import { planNotes } from '../../../src/core/analytics/tables/shape';
import { toPlan } from '../../../src/core/workbook/records';
import { defaultStages } from '../../../src/core/workbook/settings';
import { readTyped } from '../../../src/core/workbook/tables';
import { PLANS } from '../../../src/core/workbook/schema';
import { fixedZone } from '../../../src/core/time';
import { day, deal, manager, plan, rub, workbook } from './fixtures';

const IVAN = 'ivan@example.com';
const IVAN2 = 'ivan.k@example.com';
const OLGA = 'olga@example.com';
const managers = [
  manager({ email: IVAN, name: 'Иван Козлов', team: 'Север' }),
  manager({ email: IVAN2, name: 'Иван Козлов', team: 'Юг' }),
  manager({ email: OLGA, name: 'Ольга Смирнова', team: 'Север' }),
];
const nov = parsePeriod('2026-11')!;
const q4 = parsePeriod('Q4 2026')!;
const asOf = day(2026, 11, 27);
const won = (id: string, who: string, amount: number | null, closedAt: number | null) =>
  deal({ id, manager: who, stage: 'Успешно', amount, closedAt });

describe('a manager written as a name', () => {
  const dir = new ManagerDirectory(managers);
  it('resolves an email, a name in either word order, case and ё', () => {
    expect(dir.resolve(' OLGA@example.com ')).toEqual({ key: OLGA, status: 'known' });
    expect(dir.resolve('Ольга Смирнова')).toEqual({ key: OLGA, status: 'known' });
    expect(dir.resolve('смирнова  ольга')).toEqual({ key: OLGA, status: 'known' });
    expect(dir.resolve('olga')).toEqual({ key: OLGA, status: 'known' });
  });
  it('reports a name two managers share, and one not on the sheet, as written', () => {
    expect(dir.resolve('Иван Козлов')).toEqual({ key: 'Иван Козлов', status: 'ambiguous' });
    expect(dir.resolve('Пётр Сидоров')).toEqual({ key: 'Пётр Сидоров', status: 'unknown' });
  });

  const data = workbook({
    managers,
    plans: [plan({ target: 'Ольга Смирнова', period: '2026-11', value: rub(1_000) })],
    deals: [
      won('D-1', OLGA, rub(300), day(2026, 11, 3)),
      won('D-2', 'Ольга Смирнова', rub(200), day(2026, 11, 4)),
      won('D-3', 'Пётр Сидоров', rub(50), day(2026, 11, 5)),
      won('D-4', 'Иван Козлов', rub(70), day(2026, 11, 6)),
    ],
  });
  it('puts the name and the email on one row, with the plan written by name', () => {
    const rows = planFact(data, nov, 'manager', asOf);
    const olga = rows.filter((r) => r.name.startsWith('Ольга'));
    expect(olga).toHaveLength(1);
    expect([olga[0].target, olga[0].plan, olga[0].fact]).toEqual([OLGA, rub(1_000), rub(500)]);
    expect(rows.some((r) => r.name === 'ольга смирнова')).toBe(false);
  });
  it('keeps an unknown manager under the text as written and names them in a note', () => {
    const rows = planFact(data, nov, 'manager', asOf);
    expect(rows.find((r) => r.target === 'Пётр Сидоров')?.fact).toBe(rub(50));
    const [company] = planFact(data, nov, 'company', asOf);
    expect(company.fact).toBe(rub(620));
    expect(company.unknownManagers).toEqual(['Пётр Сидоров']);
    expect(company.ambiguousManagers).toEqual(['Иван Козлов']);
    const text = planNotes(company, rows, 'ru').join('\n');
    expect(text).toContain('Нет на листе «Менеджеры» (показаны как записаны): Пётр Сидоров');
    expect(text).toContain('Иван Козлов');
  });
});

describe('two managers with the same display name', () => {
  it('label each row with the team (or the email when the team is shared too)', () => {
    expect(managerLabels(managers).get(IVAN)).toBe('Иван Козлов (Север)');
    expect(managerLabels(managers).get(IVAN2)).toBe('Иван Козлов (Юг)');
    expect(managerLabels(managers).get(OLGA)).toBe('Ольга Смирнова');
    const sameTeam = [
      manager({ email: IVAN, name: 'Иван Козлов', team: 'Север' }),
      manager({ email: IVAN2, name: 'Иван Козлов', team: 'Север' }),
    ];
    expect(managerLabels(sameTeam).get(IVAN2)).toBe(`Иван Козлов (${IVAN2})`);
  });
  it('are two rows with their own figures in plan-fact', () => {
    const data = workbook({
      managers,
      deals: [won('D-1', IVAN, rub(100), day(2026, 11, 3)), won('D-2', IVAN2, rub(7), asOf)],
    });
    const rows = planFact(data, nov, 'manager', asOf).filter((r) => r.name.startsWith('Иван'));
    expect(rows.map((r) => [r.name, r.fact])).toEqual([
      ['Иван Козлов (Север)', rub(100)],
      ['Иван Козлов (Юг)', rub(7)],
    ]);
  });
});

describe('figures taken as written are reported', () => {
  const data = workbook({
    managers,
    plans: [plan({ target: OLGA, period: '2026-11', value: rub(-5) })],
    deals: [
      won('D-1', OLGA, rub(100), null), // «31.11.2026» or «вчера» read as no date
      won('D-2', OLGA, rub(-40), day(2026, 11, 3)),
      deal({
        id: 'D-3',
        manager: OLGA,
        stage: 'Квалификация',
        amount: rub(100),
        probability: 1.5,
        expectedClose: day(2026, 11, 30),
      }),
      deal({
        id: 'D-4',
        manager: OLGA,
        stage: 'Квалификация',
        amount: rub(100),
        probability: -0.2,
        expectedClose: day(2026, 11, 30),
      }),
    ],
  });
  const [company] = planFact(data, nov, 'company', asOf);
  const rows = planFact(data, nov, 'manager', asOf);
  it('counts an undated won deal in a note, not in the fact', () => {
    expect(company.fact).toBe(rub(-40));
    expect(company.wonUndated).toBe(1);
  });
  it('clamps probabilities to 0-100 % and flags them with negative amounts and plans', () => {
    expect(company.weightedPipeline).toBe(rub(100)); // 100 x 1 + 100 x 0
    expect([company.negativeAmounts, company.badProbabilities]).toEqual([1, 2]);
    const text = planNotes(company, rows, 'en');
    expect(text).toEqual([
      'Won deals without a readable close date (in no period): 1',
      'Deals with a negative amount (counted as written): 1',
      'Deals with a probability outside 0–100% (nearest bound used): 2',
      'Negative plan: Company, Ольга Смирнова',
    ]);
  });
});

describe('a quarter planned for some of its months only', () => {
  const book = new PlanBook([plan({ target: OLGA, period: '2026-10', value: rub(100) })], managers);
  it('says which months have no plan', () => {
    expect(book.value('manager', OLGA, q4)).toEqual({
      value: rub(100),
      source: 'periods',
      missing: ['2026-11', '2026-12'],
    });
    expect(book.value('company', '', q4).missing).toEqual(['2026-11', '2026-12']);
    const year = book.value('manager', OLGA, parsePeriod('2026')!);
    expect(year.missing).toHaveLength(11);
  });
  it('is complete when every month is planned', () => {
    const full = new PlanBook(
      ['2026-10', '2026-11', '2026-12'].map((p) => plan({ target: OLGA, period: p, value: 1 })),
      managers,
    );
    expect(full.value('manager', OLGA, q4)).toEqual({ value: 3, source: 'periods' });
  });
  it('puts the missing months in a note under plan-fact', () => {
    const data = workbook({ managers, plans: book.plans.slice() });
    const [company] = planFact(data, q4, 'company', asOf);
    expect(planNotes(company, [], 'ru')).toEqual([
      'План задан не на все месяцы периода, нет плана на: 2026-11, 2026-12',
    ]);
  });
});

describe('stages in either language', () => {
  it('read the default funnel from Russian or English names, whichever Settings hold', () => {
    for (const lang of ['ru', 'en'] as const) {
      const stages = new StageIndex(defaultStages(lang));
      expect(stages.probabilityOf('Meeting')).toBe(0.4);
      expect(stages.probabilityOf('Встреча / презентация')).toBe(0.4);
      expect(stages.kindOf('Won')).toBe('won');
      expect(stages.kindOf('Проиграна')).toBe('lost');
      expect(stages.probabilityOf('Invoiced')).toBe(0.9);
      expect(stages.openPosition('Proposal')).toBe(3);
    }
  });
  it('use one catalogue: the analytics defaults are the Settings defaults', () => {
    const a = new StageIndex();
    expect(a.all.map((s) => s.name)).toEqual(defaultStages('ru').map((s) => s.name));
    expect(a.get('Meeting')?.name).toBe('Встреча / презентация');
  });
  it('keep their own names when the Settings table renames one', () => {
    const custom = defaultStages('ru').map((s) =>
      s.name === 'Квалификация' ? { ...s, probability: 0.3 } : s,
    );
    expect(new StageIndex(custom).probabilityOf('Qualification')).toBe(0.3);
  });
});

describe('percentages', () => {
  it('are returned at full precision', () => {
    expect(pct(2 / 3)).toBe((2 / 3) * 100);
    expect(pct(0.60944)).toBeCloseTo(60.944, 10);
    expect(pct(null)).toBe('');
  });
});

describe('one period parser, reading a date in the spreadsheet zone', () => {
  const kiritimati = fixedZone('Pacific/Kiritimati', 14 * 60);
  const samoa = fixedZone('Pacific/Pago_Pago', -11 * 60);
  // «01.11.2026» typed into a Period cell: a Date at midnight of that day in the zone.
  const typed = (zone: typeof kiritimati): Date =>
    new Date(Date.UTC(2026, 10, 1) - zone.offsetMinutes(0) * 60_000);
  it.each([
    ['UTC+14', kiritimati],
    ['UTC-11', samoa],
  ])('reads a plan period typed as a date as its month in %s', (_, zone) => {
    const values = [
      ['Уровень', 'Кому', 'Период', 'Показатель', 'План'],
      ['Менеджер', OLGA, typed(zone), 'Выручка', 1000],
    ];
    const [p] = readTyped(values, PLANS, zone, toPlan);
    expect(p?.period).toBe('2026-11');
  });
  it('accepts the forms the Plans sheet accepts, a date among them', () => {
    for (const [text, label] of [
      ['ноябрь 2026', '2026-11'],
      ['Q4 2026', '2026-Q4'],
      ['01.11.2026', '2026-11'],
      ['2026-11-30', '2026-11'],
      ['31.11.2026', null],
    ] as const) {
      expect(parsePeriod(text)?.label ?? null).toBe(label);
    }
  });
});
