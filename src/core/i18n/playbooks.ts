/** Messages of stage playbooks (src/core/playbooks): the move checks, the sheet rule, the printout. */
export const ru = {
  'playbook.warn':
    'На этапе «{stage}» не сделано: {missing}. Отметьте «Всё равно перевести», если уверены.',
  'playbook.refused': 'Этап «{stage}» строгий — сначала: {missing}.',
  'playbook.edit.refused':
    'ROP Desk: этап «{stage}» строгий, этап возвращён. Не хватает: {missing}.',
  'playbook.edit.missing':
    'ROP Desk: переведена без критерия этапа «{stage}». Не хватает: {missing}.',
  'playbook.noItem': 'В чек-листе этапа «{stage}» нет пункта «{item}».',
  'playbook.menu': 'Инструкции для менеджеров (из плейбуков)',
  'playbook.sheet.title': 'Инструкции для менеджеров',
  'playbook.sheet.subtitle': 'Составлено из плейбуков в «Настройках» {when}',
  'playbook.sheet.todo': 'Что делать',
  'playbook.sheet.checklist': 'Чек-лист',
  'playbook.sheet.required': 'Заполнить до перехода',
  'playbook.sheet.exit': 'Критерий выхода',
  'playbook.sheet.strict': 'Строгий этап: без выполненного чек-листа дальше не перевести',
  'playbook.sheet.done': 'Лист «{sheet}» обновлён: {n} этап(ов).',
  'playbook.dash.title': 'Соблюдение процесса: переходы с выполненным критерием',
  'playbook.dash.moves': 'Переходов проверено',
  'playbook.dash.met': 'С критерием',
  'playbook.dash.share': 'Доля',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'playbook.warn': 'Not done at "{stage}": {missing}. Tick "Move anyway" if you are sure.',
  'playbook.refused': 'Stage "{stage}" is strict. First: {missing}.',
  'playbook.edit.refused':
    'ROP Desk: stage "{stage}" is strict, the stage was put back. Missing: {missing}.',
  'playbook.edit.missing':
    'Moved without meeting the "{stage}" exit criterion. Missing: {missing}.',
  'playbook.noItem': 'The "{stage}" checklist has no item "{item}".',
  'playbook.menu': 'Instructions for managers (from the playbooks)',
  'playbook.sheet.title': 'Instructions for managers',
  'playbook.sheet.subtitle': 'Made from the playbooks in Settings on {when}',
  'playbook.sheet.todo': 'What to do',
  'playbook.sheet.checklist': 'Checklist',
  'playbook.sheet.required': 'Fill in before moving on',
  'playbook.sheet.exit': 'Exit criterion',
  'playbook.sheet.strict': 'Strict stage: no move on until the checklist is done',
  'playbook.sheet.done': 'Sheet "{sheet}" updated: {n} stage(s).',
  'playbook.dash.title': 'Process compliance: moves with the exit criterion met',
  'playbook.dash.moves': 'Moves checked',
  'playbook.dash.met': 'Criterion met',
  'playbook.dash.share': 'Share',
};
