/** The sidebar's texts of stage playbooks: short, they are shipped in the page. */
export const ru = {
  'pb.title': 'Как вести этап',
  'pb.exit': 'Критерий выхода',
  'pb.need': 'Заполнить',
  'pb.strict': 'Строгий этап',
  'pb.confirm': 'Всё равно перевести',
  'pb.share': 'Соблюдение процесса',
  'pb.print': 'Лист «Инструкции для менеджеров»',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'pb.title': 'How to work this stage',
  'pb.exit': 'Exit criterion',
  'pb.need': 'Fill in',
  'pb.strict': 'Strict stage',
  'pb.confirm': 'Move anyway',
  'pb.share': 'Process compliance',
  'pb.print': 'Sheet "Instructions for managers"',
};
