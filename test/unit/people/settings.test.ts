/** The people blocks of the Settings sheet: found by header beside the others, else defaults. */
import { peopleOf } from '../../../src/core/people/settings';
import { parseSettings } from '../../../src/core/workbook/settings';
import { settingsBlocks } from '../../../src/core/workbook/layout';
import { moscow } from '../analytics/fixtures';

describe('people settings', () => {
  it('keeps the defaults when the blocks are absent', () => {
    const s = parseSettings([], moscow, 'ru');
    const p = peopleOf(s);
    expect(p.onboarding.map((o) => o.dueDay)).toEqual([3, 5, 10, 30]);
    expect(p.questions).toHaveLength(4);
    expect(p.grades.map((g) => g.grade)).toEqual(['Junior', 'Middle', 'Senior', 'Lead']);
    expect(p.attestationMonths).toBe(6);
  });

  it("reads the head's own template, questions, grades and interval from the sheet", () => {
    const values = [
      [
        'Параметр',
        'Значение',
        '',
        'Шаг онбординга',
        'День от найма',
        '',
        'Грейд',
        'План от',
        'Схема премии',
        '',
        'Вопрос интервью',
      ],
      [
        'Аттестация раз в, месяцев',
        '4',
        '',
        'Знакомство с CRM',
        2,
        '',
        'Стажёр',
        '',
        'Старт',
        '',
        'Почему продажи?',
      ],
      ['', '', '', 'Экзамен', 20, '', 'Профи', 0.9, 'Бонусная', '', ''],
    ];
    const p = peopleOf(parseSettings(values, moscow, 'ru'));
    expect(p.attestationMonths).toBe(4);
    expect(p.onboarding).toEqual([
      { step: 'Знакомство с CRM', dueDay: 2 },
      { step: 'Экзамен', dueDay: 20 },
    ]);
    expect(p.questions).toEqual(['Почему продажи?']);
    expect(p.grades.map((g) => [g.grade, g.minPlan, g.bonusScheme, g.planMonths])).toEqual([
      ['Стажёр', null, 'Старт', 3],
      ['Профи', 0.9, 'Бонусная', 3],
    ]);
  });

  it('setup writes the three blocks in the workbook language, and reads them back as written', () => {
    const s = parseSettings([], moscow, 'en');
    const blocks = settingsBlocks(s).filter((b) =>
      ['onboarding', 'scorecard', 'grades'].includes(b.key),
    );
    expect(blocks.map((b) => b.rows[0][0])).toEqual([
      'Onboarding step',
      'Interview question',
      'Grade',
    ]);
    // Side by side, one blank column apart, as setup lays them out.
    const height = Math.max(...blocks.map((b) => b.rows.length));
    const values = Array.from({ length: height }, (_, r) =>
      blocks.flatMap((b) => [...(b.rows[r] ?? b.rows[0].map(() => '')), '']),
    );
    expect(peopleOf(parseSettings(values, moscow, 'en'))).toEqual(peopleOf(s));
  });
});
