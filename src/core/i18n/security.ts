/** Messages of the guard and the protections Setup adds (see SECURITY.md). */
export const ru = {
  'guard.unprotected':
    'Лист «Менеджеры» не защищён: роль на нём может изменить любой редактор, поэтому действия руководителя недоступны. Запустите «ROP Desk → Настроить таблицу» — настройка защитит листы с ролями, планами и настройками.',
  'guard.forgedEvent': 'Вызов отклонён: это не событие настоящего триггера.',
  'guard.protection': 'ROP Desk: изменять может только руководитель отдела продаж и владелец.',
  'guard.protectionShared':
    'ROP Desk: журнал того, что произошло. Изменять могут руководитель и владелец; действия менеджеров попадают сюда через ROP Desk (иногда — при следующем запуске руководителя или ежедневной рассылки).',
  'guard.protected': 'Защищены листы: {sheets}.',
  'guard.managerReverted':
    'Сменить ответственного менеджера может только руководитель отдела продаж. Было: {old}.',
  'guard.recipientsHeld':
    'Отчёты не отправлены получателям вне домена компании, пока руководитель не подтвердит их в панели (Настройки): {emails}.',
  'crm.snoozeTooLong': 'Отложить можно не больше чем на {max} дн.',
  'crm.snoozeReasonShort': 'Причина отсрочки — не короче {min} символов.',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'guard.unprotected':
    'The Managers sheet is not protected: any editor can change a role on it, so head-of-sales actions are off. Run "ROP Desk → Set up workbook": setup protects the sheets that hold roles, plans and settings.',
  'guard.forgedEvent': 'Call refused: this is not the event of a real trigger.',
  'guard.protection': 'ROP Desk: only the head of sales and the owner may edit this.',
  'guard.protectionShared':
    "ROP Desk: a record of what happened. Only the head of sales and the owner may edit it; managers' actions reach it through ROP Desk (sometimes at the head's next run or the daily job).",
  'guard.protected': 'Protected sheets: {sheets}.',
  'guard.managerReverted':
    'Only the head of sales may change the responsible manager. It was: {old}.',
  'crm.snoozeTooLong': 'A snooze may last at most {max} days.',
  'crm.snoozeReasonShort': 'The snooze reason needs at least {min} characters.',
  'guard.recipientsHeld':
    'Reports were not sent to recipients outside the company domain until the head confirms them in the sidebar (Settings): {emails}.',
};
