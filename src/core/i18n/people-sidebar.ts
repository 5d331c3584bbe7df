/** The People screen's and the onboarding section's own words (the server sends the rest). */
export const ru = {
  'sb.people': 'Люди',
  'sb.people.onb': 'Онбординг',
  'sb.people.start': 'Начать для новых',
  'sb.people.due': 'Пора на обучение',
  'sb.people.grades': 'Грейды',
  'sb.people.ready': 'готов к «{g}»',
  'sb.people.risk': 'риск',
  'sb.people.cands': 'Кандидаты',
  'sb.people.hire': 'Нанять',
  'sb.people.mentor': 'Наставник (email)',
  'sb.people.mine': 'Мой онбординг',
  'sb.people.done': 'Готово',
  'sb.people.none': 'Нет.',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'sb.people': 'People',
  'sb.people.onb': 'Onboarding',
  'sb.people.start': 'Start for new hires',
  'sb.people.due': 'Due for training',
  'sb.people.grades': 'Grades',
  'sb.people.ready': 'ready for "{g}"',
  'sb.people.risk': 'at risk',
  'sb.people.cands': 'Candidates',
  'sb.people.hire': 'Hire',
  'sb.people.mentor': 'Mentor (email)',
  'sb.people.mine': 'My onboarding',
  'sb.people.done': 'Done',
  'sb.people.none': 'None.',
} as const;
