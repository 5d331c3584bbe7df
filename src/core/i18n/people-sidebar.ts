/** The People screen's and the onboarding section's own words (the server sends the rest). */
export const ru = {
  'sb.people': 'Люди',
  'sb.people.onb': 'Онбординг',
  'sb.people.start': 'Начать онбординг',
  'sb.people.due': 'Пора на обучение',
  'sb.people.grades': 'Грейды',
  'sb.people.cands': 'Кандидаты',
  'sb.people.hire': 'Нанять',
  'sb.people.mentor': 'Наставник (email)',
  'sb.people.mine': 'Мой онбординг',
  'sb.people.done': 'Готово',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'sb.people': 'People',
  'sb.people.onb': 'Onboarding',
  'sb.people.start': 'Start onboarding',
  'sb.people.due': 'Due for training',
  'sb.people.grades': 'Grades',
  'sb.people.cands': 'Candidates',
  'sb.people.hire': 'Hire',
  'sb.people.mentor': 'Mentor (email)',
  'sb.people.mine': 'My onboarding',
  'sb.people.done': 'Done',
} as const;
