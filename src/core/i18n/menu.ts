export const ru = {
  'menu.title': 'ROP Desk',
  'menu.open': 'Открыть панель',
  'menu.setup': 'Настроить таблицу',
  'menu.setupDemo': 'Настроить и заполнить демо-данными',
  'menu.refreshDashboard': 'Обновить дашборд',
  'menu.remindersOn': 'Включить напоминания',
  'menu.remindersOff': 'Выключить напоминания',
  'menu.runRemindersNow': 'Отправить напоминания сейчас',
  'menu.recalculate': 'Пересчитать формулы ROP Desk',
  'sidebar.title': 'ROP Desk',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'menu.title': 'ROP Desk',
  'menu.open': 'Open panel',
  'menu.setup': 'Set up workbook',
  'menu.setupDemo': 'Set up with demo data',
  'menu.refreshDashboard': 'Refresh dashboard',
  'menu.remindersOn': 'Turn reminders on',
  'menu.remindersOff': 'Turn reminders off',
  'menu.runRemindersNow': 'Send reminders now',
  'menu.recalculate': 'Recalculate ROP Desk formulas',
  'sidebar.title': 'ROP Desk',
};
