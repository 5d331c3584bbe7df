/** Messages shared by every part of the product. Each area keeps its own file beside this one. */
export const ru = {
  'app.name': 'ROP Desk',
  'error.internal': 'Внутренняя ошибка ROP Desk. Подробности записаны в журнал.',
  'error.missingColumn':
    'На листе «{sheet}» нет обязательного столбца «{column}». Ничего не записано.',
  'error.missingSheet': 'Нет листа «{sheet}». Запустите «ROP Desk → Настроить таблицу».',
  'error.notSignedIn':
    'Не удалось определить ваш email. Войдите в аккаунт Google и обновите страницу.',
  'error.notAManager': 'Пользователь {email} не найден на листе «Менеджеры».',
  'error.forbidden': 'Недостаточно прав: это доступно только роли «{role}».',
  'error.busy': 'Таблица занята другим пользователем. Повторите через несколько секунд.',
  'error.stale':
    'Запись {id} изменил кто-то другой после того, как вы её открыли. Обновите и повторите.',
  'error.notFound': 'Запись {id} не найдена.',
  'error.badArgument': 'Аргумент «{name}»: {problem}',
  'field.required': 'Поле «{field}» обязательно.',
  'field.invalid': 'Поле «{field}»: неверное значение «{value}».',
  'role.manager': 'менеджер',
  'role.head': 'руководитель отдела продаж',
  'role.director': 'директор',
  'log.level.info': 'инфо',
  'log.level.warn': 'предупреждение',
  'log.level.error': 'ошибка',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'app.name': 'ROP Desk',
  'error.internal': 'ROP Desk internal error. The details were written to the log.',
  'error.missingColumn': 'Sheet "{sheet}" has no required column "{column}". Nothing was written.',
  'error.missingSheet': 'There is no sheet "{sheet}". Run "ROP Desk → Set up workbook".',
  'error.notSignedIn': 'Could not tell who you are. Sign in to your Google account and reload.',
  'error.notAManager': 'User {email} is not on the Managers sheet.',
  'error.forbidden': 'Not allowed: this is for the "{role}" role only.',
  'error.busy': 'The workbook is busy with another user. Try again in a few seconds.',
  'error.stale': 'Record {id} was changed by someone else after you opened it. Refresh and retry.',
  'error.notFound': 'Record {id} was not found.',
  'error.badArgument': 'Argument "{name}": {problem}',
  'field.required': 'Field "{field}" is required.',
  'field.invalid': 'Field "{field}": invalid value "{value}".',
  'role.manager': 'manager',
  'role.head': 'head of sales',
  'role.director': 'director',
  'log.level.info': 'info',
  'log.level.warn': 'warning',
  'log.level.error': 'error',
};
