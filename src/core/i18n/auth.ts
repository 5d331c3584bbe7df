export const ru = {
  'auth.permission.mail': '«Отправка писем от вашего имени»',
  'auth.permission.triggers': '«Работа, когда вас нет рядом» (триггеры)',
  'auth.missing.reminders':
    'Для ежедневных напоминаний нужно разрешение {permissions}: на экране согласия Google эта галочка была снята. Выберите пункт ещё раз и отметьте разрешение; остальные функции ROP Desk работают и без него.',
  'auth.missing.sendNow':
    'Чтобы отправить письма, нужно разрешение {permissions}: на экране согласия Google эта галочка была снята. Выберите пункт ещё раз и отметьте разрешение.',
  'auth.missing.formIntake':
    'Приём заявок из Google Формы не включён: нужно разрешение {permissions}, а на экране согласия Google эта галочка была снята. Запустите настройку ещё раз и отметьте разрешение.',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'auth.permission.mail': '"Send email as you"',
  'auth.permission.triggers': '"Run when you are not present" (triggers)',
  'auth.missing.reminders':
    'Daily reminders need the permission {permissions}, which was unticked on Google’s consent screen. Choose the item again and tick it; the rest of ROP Desk works without it.',
  'auth.missing.sendNow':
    'Sending mail needs the permission {permissions}, which was unticked on Google’s consent screen. Choose the item again and tick it.',
  'auth.missing.formIntake':
    'Lead intake from the Google Form is not on: it needs the permission {permissions}, which was unticked on Google’s consent screen. Run setup again and tick it.',
};
