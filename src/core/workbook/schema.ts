/**
 * The workbook's shape: every sheet ROP Desk owns and every column it reads, with the Russian and
 * English headers (and the aliases users and other CRMs' exports write). Setup builds sheets from
 * this; readers find columns by these headers, in any order, among any extra user columns.
 * Adding a column here and bumping SCHEMA_VERSION is how the workbook migrates forward.
 */
export const SCHEMA_VERSION = 1;

export type CellKind =
  | 'id'
  | 'text'
  | 'longtext'
  | 'phone'
  | 'email'
  | 'inn'
  | 'money'
  | 'number'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'bool'
  | 'enum';

export interface ColumnDef {
  key: string;
  ru: string;
  en: string;
  kind: CellKind;
  /** Reading fails, naming this column, when it is missing. */
  required?: boolean;
  /** Other headers that mean the same column (lower-case compare, spaces folded). */
  aliases?: readonly string[];
}

export type SheetKey =
  | 'managers'
  | 'clients'
  | 'deals'
  | 'activities'
  | 'stageHistory'
  | 'plans'
  | 'invoices'
  | 'settings'
  | 'dashboard'
  | 'log'
  | 'sentLog'
  | 'audit'
  | 'tasks'
  | 'onboarding'
  | 'training'
  | 'candidates'
  | 'scorecard'
  | 'budget'
  | 'spend'
  | 'products'
  | 'dealLines'
  | 'checklists';

export interface SheetDef {
  key: SheetKey;
  ru: string;
  en: string;
  columns: readonly ColumnDef[];
}

const col = (
  key: string,
  ru: string,
  en: string,
  kind: CellKind,
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({ key, ru, en, kind, ...extra });

export const MANAGERS: SheetDef = {
  key: 'managers',
  ru: 'Менеджеры',
  en: 'Managers',
  columns: [
    col('name', 'Имя', 'Name', 'text', { required: true, aliases: ['ФИО', 'Менеджер'] }),
    col('email', 'Email', 'Email', 'email', { required: true, aliases: ['Почта', 'E-mail'] }),
    col('team', 'Команда', 'Team', 'text', { aliases: ['Отдел', 'Группа'] }),
    col('role', 'Роль', 'Role', 'enum', { required: true }),
    col('active', 'Активен', 'Active', 'bool'),
    col('callsPerDay', 'Звонков в день', 'Calls per day', 'number'),
    col('meetingsPerWeek', 'Встреч в неделю', 'Meetings per week', 'number'),
    col('hiredAt', 'Дата найма', 'Hired', 'date'),
    col('lastDay', 'Последний день', 'Last day', 'date', { aliases: ['Дата увольнения'] }),
    col('grade', 'Грейд', 'Grade', 'text', { aliases: ['Уровень'] }),
    col('mentor', 'Наставник', 'Mentor', 'email'),
  ],
};

export const CLIENTS: SheetDef = {
  key: 'clients',
  ru: 'Клиенты',
  en: 'Clients',
  columns: [
    col('id', 'ID', 'ID', 'id', { required: true, aliases: ['ID клиента', 'Client ID'] }),
    col('name', 'Клиент', 'Client', 'text', {
      required: true,
      aliases: ['Название', 'Компания', 'Company', 'Name', 'Название компании'],
    }),
    col('inn', 'ИНН', 'INN', 'inn', { aliases: ['TIN', 'Tax ID'] }),
    col('contactName', 'Контактное лицо', 'Contact', 'text', {
      aliases: ['Контакт', 'Contact name', 'ФИО контакта'],
    }),
    col('phone', 'Телефон', 'Phone', 'phone', {
      aliases: ['Рабочий телефон', 'Мобильный телефон'],
    }),
    col('email', 'Email', 'Email', 'email', { aliases: ['Почта', 'E-mail', 'Рабочий email'] }),
    col('source', 'Источник', 'Source', 'enum', { aliases: ['Источник лида', 'Lead source'] }),
    col('manager', 'Менеджер', 'Manager', 'email', {
      required: true,
      aliases: ['Ответственный', 'Owner', 'Responsible'],
    }),
    col('need', 'Потребность', 'Need', 'longtext', { aliases: ['Запрос', 'Needs'] }),
    col('createdAt', 'Создан', 'Created', 'datetime', { aliases: ['Дата создания', 'Created at'] }),
    col('lastContactAt', 'Последний контакт', 'Last contact', 'datetime'),
    col('snoozedUntil', 'Отложен до', 'Snoozed until', 'date'),
    col('snoozeReason', 'Причина отсрочки', 'Snooze reason', 'text'),
    col('updatedAt', 'Обновлён', 'Updated', 'datetime', { aliases: ['Updated at'] }),
  ],
};

export const DEALS: SheetDef = {
  key: 'deals',
  ru: 'Сделки',
  en: 'Deals',
  columns: [
    col('id', 'ID', 'ID', 'id', { required: true, aliases: ['ID сделки', 'Deal ID'] }),
    col('clientId', 'ID клиента', 'Client ID', 'id', { required: true }),
    col('clientName', 'Клиент', 'Client', 'text', { aliases: ['Компания', 'Company'] }),
    col('title', 'Сделка', 'Deal', 'text', { aliases: ['Название сделки', 'Deal name', 'Title'] }),
    col('manager', 'Менеджер', 'Manager', 'email', {
      required: true,
      aliases: ['Ответственный', 'Owner', 'Responsible'],
    }),
    col('stage', 'Этап', 'Stage', 'enum', { required: true, aliases: ['Стадия', 'Статус'] }),
    col('amount', 'Сумма', 'Amount', 'money', { aliases: ['Бюджет', 'Budget', 'Value'] }),
    col('currency', 'Валюта', 'Currency', 'text'),
    col('probability', 'Вероятность', 'Probability', 'percent'),
    col('source', 'Источник', 'Source', 'enum'),
    col('need', 'Потребность', 'Need', 'longtext', { aliases: ['Запрос'] }),
    col('lastDiscussed', 'Что обсуждали', 'Last discussed', 'longtext', {
      aliases: ['Итог последнего контакта', 'Last conversation'],
    }),
    col('nextStep', 'Следующий шаг', 'Next step', 'text'),
    col('nextStepDate', 'Дата следующего шага', 'Next step date', 'date', {
      aliases: ['Срок следующего шага', 'Next step due'],
    }),
    col('createdAt', 'Создана', 'Created', 'datetime', {
      aliases: ['Дата создания', 'Created at'],
    }),
    col('expectedClose', 'Ожидаемое закрытие', 'Expected close', 'date', {
      aliases: ['Дата закрытия план', 'Expected close date'],
    }),
    col('closedAt', 'Дата закрытия', 'Closed', 'date', { aliases: ['Closed at', 'Close date'] }),
    col('lostReason', 'Причина проигрыша', 'Lost reason', 'enum', { aliases: ['Причина отказа'] }),
    col('firstActivityAt', 'Первая активность', 'First activity', 'datetime'),
    col('lastActivityAt', 'Последняя активность', 'Last activity', 'datetime'),
    col('closeDatePushes', 'Переносов даты', 'Close date pushes', 'number'),
    col('snoozedUntil', 'Отложена до', 'Snoozed until', 'date', { aliases: ['Отложен до'] }),
    col('snoozeReason', 'Причина отсрочки', 'Snooze reason', 'text'),
    col('updatedAt', 'Обновлена', 'Updated', 'datetime', { aliases: ['Обновлён', 'Updated at'] }),
  ],
};

export const ACTIVITIES: SheetDef = {
  key: 'activities',
  ru: 'Активности',
  en: 'Activities',
  columns: [
    col('id', 'ID', 'ID', 'id', { required: true }),
    col('at', 'Когда', 'When', 'datetime', { required: true, aliases: ['Дата', 'Date'] }),
    col('manager', 'Менеджер', 'Manager', 'email', { required: true, aliases: ['Кто', 'Who'] }),
    col('type', 'Тип', 'Type', 'enum', { required: true }),
    col('clientId', 'ID клиента', 'Client ID', 'id'),
    // Filled by the product beside the id, so a row reads without a lookup (as in Deals).
    col('clientName', 'Клиент', 'Client', 'text'),
    col('dealId', 'ID сделки', 'Deal ID', 'id'),
    col('summary', 'Итог', 'Summary', 'longtext', { aliases: ['Что обсуждали', 'Результат'] }),
    col('nextStep', 'Следующий шаг', 'Next step', 'text'),
    col('nextStepDate', 'Дата следующего шага', 'Next step date', 'date'),
  ],
};

export const STAGE_HISTORY: SheetDef = {
  key: 'stageHistory',
  ru: 'История этапов',
  en: 'Stage history',
  columns: [
    col('dealId', 'ID сделки', 'Deal ID', 'id', { required: true }),
    col('fromStage', 'Из этапа', 'From stage', 'text'),
    col('toStage', 'В этап', 'To stage', 'text', { required: true }),
    col('at', 'Когда', 'When', 'datetime', { required: true }),
    col('by', 'Кто', 'By', 'email'),
    // Blank on moves made before playbooks, backwards or to Lost: they do not count.
    col('exitMet', 'Критерий выполнен', 'Criterion met', 'bool', {
      aliases: ['Exit criterion met'],
    }),
  ],
};

export const PLANS: SheetDef = {
  key: 'plans',
  ru: 'Планы',
  en: 'Plans',
  columns: [
    col('level', 'Уровень', 'Level', 'enum', { required: true }),
    col('target', 'Кто', 'Target', 'text', { aliases: ['Команда / менеджер', 'Team / manager'] }),
    // The manager's name beside the email (the email stays the key the figures use).
    col('targetName', 'Имя', 'Name', 'text'),
    col('period', 'Период', 'Period', 'text', { required: true }),
    col('metric', 'Показатель', 'Metric', 'enum'),
    col('value', 'План', 'Plan', 'number', { required: true, aliases: ['Сумма', 'Amount'] }),
    // The plan builder's mark; a row without it was typed by hand (src/core/plans/diff.ts).
    col('source', 'Источник', 'Source', 'text'),
  ],
};

export const INVOICES: SheetDef = {
  key: 'invoices',
  ru: 'Счета',
  en: 'Invoices',
  columns: [
    col('id', 'ID', 'ID', 'id', { required: true }),
    col('number', 'Номер счёта', 'Invoice number', 'text', { aliases: ['Номер', 'Number'] }),
    col('clientId', 'ID клиента', 'Client ID', 'id', { required: true }),
    col('clientName', 'Клиент', 'Client', 'text'),
    col('dealId', 'ID сделки', 'Deal ID', 'id'),
    col('issuedAt', 'Выставлен', 'Issued', 'date', { required: true }),
    col('dueDate', 'Срок оплаты', 'Due date', 'date', { required: true }),
    col('amount', 'Сумма', 'Amount', 'money', { required: true }),
    col('currency', 'Валюта', 'Currency', 'text'),
    col('paidAmount', 'Оплачено', 'Paid amount', 'money'),
    col('paidAt', 'Дата оплаты', 'Paid date', 'date'),
  ],
};

/** The Settings sheet holds several side-by-side tables, each found by its own header row. */
export const SETTINGS_VALUES: SheetDef = {
  key: 'settings',
  ru: 'Настройки',
  en: 'Settings',
  columns: [
    col('key', 'Параметр', 'Setting', 'text', { required: true }),
    col('value', 'Значение', 'Value', 'text', { required: true }),
    col('hint', 'Пояснение', 'Description', 'text'),
  ],
};

export const SETTINGS_STAGES: readonly ColumnDef[] = [
  col('stage', 'Этап', 'Stage', 'text', { required: true }),
  col('probability', 'Вероятность', 'Probability', 'percent', { required: true }),
  col('rottingDays', 'Дней без активности', 'Stale after, days', 'number', {
    aliases: ['Rotting days', 'Забыта через, дн.'],
  }),
  col('kind', 'Тип этапа', 'Stage kind', 'enum', { required: true }),
];

export const SETTINGS_CALENDAR: readonly ColumnDef[] = [
  col('day', 'Дата', 'Date', 'date', { required: true }),
  col('dayOff', 'Выходной', 'Day off', 'bool', { required: true }),
  col('note', 'Примечание', 'Note', 'text'),
];

export const SETTINGS_BONUS: readonly ColumnDef[] = [
  col('scheme', 'Схема', 'Scheme', 'text', { required: true }),
  col('kind', 'Вид', 'Kind', 'enum', { required: true }),
  col('from', 'От % плана', 'From % of plan', 'percent', { required: true }),
  col('to', 'До % плана', 'To % of plan', 'percent'),
  col('rate', 'Ставка', 'Rate', 'percent', { required: true }),
  col('multiplier', 'Множитель', 'Multiplier', 'number'),
  col('reduceByOverdue', 'Минус просрочка', 'Less overdue', 'bool'),
];

export const SETTINGS_RATES: readonly ColumnDef[] = [
  col('currency', 'Валюта', 'Currency', 'text', { required: true }),
  col('rate', 'Курс, ₽', 'Rate, ₽', 'number', { required: true, aliases: ['Rate, RUB'] }),
];

/**
 * Lists behind the dropdowns (lead sources, lost reasons): one column each, read independently.
 * Added with the CRM work; a Settings sheet without this table gets the default lists.
 */
export const SETTINGS_LISTS: readonly ColumnDef[] = [
  col('source', 'Источники', 'Sources', 'text', { required: true, aliases: ['Источник'] }),
  col('lostReason', 'Причины проигрыша', 'Lost reasons', 'text', {
    required: true,
    aliases: ['Причина проигрыша'],
  }),
];

/** Stage playbooks (src/core/playbooks): what a stage asks of a deal before it leaves. */
export const SETTINGS_PLAYBOOKS: readonly ColumnDef[] = [
  col('stage', 'Этап', 'Stage', 'text', { required: true }),
  col('todo', 'Что делать', 'What to do', 'longtext', { required: true }),
  col('checklist', 'Чек-лист', 'Checklist', 'longtext'),
  col('required', 'Обязательные поля', 'Required fields', 'longtext'),
  col('exit', 'Критерий выхода', 'Exit criterion', 'longtext'),
  col('strict', 'Строго', 'Strict', 'bool'),
];

export const LOG: SheetDef = {
  key: 'log',
  ru: 'Журнал',
  en: 'Log',
  columns: [
    col('at', 'Когда', 'When', 'datetime', { required: true }),
    col('level', 'Уровень', 'Level', 'text', { required: true }),
    col('job', 'Задача', 'Job', 'text', { required: true }),
    col('message', 'Сообщение', 'Message', 'longtext', { required: true }),
    col('user', 'Пользователь', 'User', 'email'),
  ],
};

export const SENT_LOG: SheetDef = {
  key: 'sentLog',
  ru: 'Отправленные письма',
  en: 'Sent mail',
  columns: [
    col('day', 'День', 'Day', 'text', { required: true }),
    col('recipient', 'Получатель', 'Recipient', 'email', { required: true }),
    col('kind', 'Вид', 'Kind', 'text', { required: true }),
    col('status', 'Статус', 'Status', 'text', { required: true }),
    col('at', 'Когда', 'When', 'datetime'),
    col('note', 'Примечание', 'Note', 'text'),
  ],
};

/**
 * Who changed a deal's manager, stage or amount, when, from what to what, and where (the panel or
 * the sheet). Append-only: written by the product, read by the head of sales.
 */
export const AUDIT: SheetDef = {
  key: 'audit',
  ru: 'Журнал изменений',
  en: 'Audit trail',
  columns: [
    col('at', 'Когда', 'When', 'datetime', { required: true }),
    col('user', 'Кто', 'Who', 'email'),
    col('dealId', 'ID сделки', 'Deal ID', 'id', { required: true }),
    col('field', 'Поле', 'Field', 'text', { required: true }),
    col('oldValue', 'Было', 'Before', 'text'),
    col('newValue', 'Стало', 'After', 'text'),
    col('source', 'Где', 'Where', 'text'),
  ],
};

/** Tasks the head sets and managers complete (src/core/tasks). */
export const TASKS: SheetDef = {
  key: 'tasks',
  ru: 'Задачи',
  en: 'Tasks',
  columns: [
    col('id', 'ID', 'ID', 'id', { required: true, aliases: ['ID задачи', 'Task ID'] }),
    col('what', 'Задача', 'Task', 'longtext', { required: true, aliases: ['Что сделать', 'What'] }),
    col('whom', 'Для кого', 'For whom', 'text', {
      required: true,
      aliases: ['Исполнитель', 'Кому', 'Assignee'],
    }),
    col('dealId', 'ID сделки', 'Deal ID', 'id'),
    col('clientName', 'Клиент', 'Client', 'text'),
    col('due', 'Срок', 'Due', 'datetime', { required: true, aliases: ['Дедлайн', 'Deadline'] }),
    col('priority', 'Приоритет', 'Priority', 'enum'),
    col('setBy', 'Поставил', 'Set by', 'email', { aliases: ['Автор', 'Author'] }),
    col('status', 'Статус', 'Status', 'enum', { required: true }),
    col('result', 'Результат', 'Result', 'longtext', { aliases: ['Итог'] }),
    col('doneAt', 'Выполнена', 'Done at', 'datetime', { aliases: ['Дата выполнения'] }),
    col('doneBy', 'Кто выполнил', 'Done by', 'email'),
    col('escalatedAt', 'Эскалирована', 'Escalated', 'datetime'),
    col('createdAt', 'Создана', 'Created', 'datetime'),
  ],
};

// ---- People: onboarding, training, candidates (docs/people.md) --------------------------------

export const ONBOARDING: SheetDef = {
  key: 'onboarding',
  ru: 'Онбординг',
  en: 'Onboarding',
  columns: [
    col('manager', 'Менеджер', 'Manager', 'email', { required: true }),
    col('step', 'Шаг', 'Step', 'text', { required: true }),
    col('due', 'Срок', 'Due', 'date'),
    col('doneAt', 'Выполнен', 'Done', 'date', { aliases: ['Done at'] }),
    col('doneBy', 'Отметил', 'Done by', 'email'),
    col('comment', 'Комментарий', 'Comment', 'text'),
  ],
};

export const TRAINING: SheetDef = {
  key: 'training',
  ru: 'Обучение',
  en: 'Training',
  columns: [
    col('date', 'Дата', 'Date', 'date', { required: true }),
    col('manager', 'Менеджер', 'Manager', 'email', { required: true }),
    col('kind', 'Вид', 'Kind', 'text', { required: true }),
    col('topic', 'Тема', 'Topic', 'text'),
    col('trainer', 'Тренер', 'Trainer', 'text'),
    col('score', 'Оценка', 'Score', 'number'),
    col('passed', 'Сдано', 'Passed', 'bool'),
  ],
};

export const CANDIDATES: SheetDef = {
  key: 'candidates',
  ru: 'Кандидаты',
  en: 'Candidates',
  columns: [
    col('name', 'Кандидат', 'Candidate', 'text', { required: true, aliases: ['ФИО', 'Name'] }),
    col('email', 'Email', 'Email', 'email'),
    col('contact', 'Контакт', 'Contact', 'text', { aliases: ['Телефон', 'Phone'] }),
    col('position', 'Вакансия', 'Position', 'text', { aliases: ['Команда', 'Team'] }),
    col('stage', 'Этап', 'Stage', 'text', { required: true }),
    col('source', 'Источник', 'Source', 'text'),
    col('notes', 'Заметки', 'Notes', 'longtext'),
  ],
};

/**
 * One row per candidate (by name, as on Candidates) and question: the sheet reads as a list, and a
 * pivot table or formula can turn it into a grid.
 */
export const SCORECARD: SheetDef = {
  key: 'scorecard',
  ru: 'Оценки кандидатов',
  en: 'Scorecard',
  columns: [
    col('candidate', 'Кандидат', 'Candidate', 'text', { required: true }),
    col('question', 'Вопрос', 'Question', 'text', { required: true }),
    col('score', 'Балл 1-5', 'Score 1-5', 'number', { required: true, aliases: ['Балл', 'Score'] }),
  ],
};

export const SETTINGS_ONBOARDING: readonly ColumnDef[] = [
  col('step', 'Шаг онбординга', 'Onboarding step', 'text', { required: true }),
  col('dueDay', 'День от найма', 'Day from hire', 'number', { required: true }),
];

export const SETTINGS_SCORECARD: readonly ColumnDef[] = [
  col('question', 'Вопрос интервью', 'Interview question', 'text', { required: true }),
];

export const SETTINGS_GRADES: readonly ColumnDef[] = [
  col('grade', 'Грейд', 'Grade', 'text', { required: true }),
  col('planMonths', 'Месяцев', 'Months', 'number'),
  col('minPlan', 'План от', 'Plan at least', 'percent'),
  col('minConversion', 'Конверсия от', 'Conversion at least', 'percent'),
  col('minCompliance', 'Процесс от', 'Process at least', 'percent'),
  col('minTrainings', 'Обучений', 'Trainings', 'number'),
  col('minMonths', 'Мес. в грейде', 'Months in grade', 'number'),
  col('bonusScheme', 'Схема премии', 'Bonus scheme', 'text'),
];

/** The head's budget: a planned amount per line (and optionally lead source) and month. */
export const BUDGET: SheetDef = {
  key: 'budget',
  ru: 'Бюджет',
  en: 'Budget',
  columns: [
    col('line', 'Статья', 'Line', 'text', { required: true, aliases: ['Статья бюджета'] }),
    col('source', 'Источник', 'Source', 'enum', { aliases: ['Источник лида', 'Lead source'] }),
    col('month', 'Месяц', 'Month', 'text', { required: true, aliases: ['Период', 'Period'] }),
    col('amount', 'План', 'Planned', 'money', {
      required: true,
      aliases: ['Сумма', 'Amount', 'Planned amount', 'Бюджет'],
    }),
  ],
};

/** Actual expenses, typed or imported; matched to the budget by line (and source). */
export const SPEND: SheetDef = {
  key: 'spend',
  ru: 'Расходы',
  en: 'Spend',
  columns: [
    col('date', 'Дата', 'Date', 'date', { required: true, aliases: ['Дата расхода'] }),
    col('line', 'Статья', 'Line', 'text', { required: true, aliases: ['Статья бюджета'] }),
    col('source', 'Источник', 'Source', 'enum', { aliases: ['Источник лида', 'Lead source'] }),
    col('amount', 'Сумма', 'Amount', 'money', { required: true, aliases: ['Расход', 'Cost'] }),
    col('comment', 'Комментарий', 'Comment', 'longtext', { aliases: ['Примечание', 'Note'] }),
  ],
};

/** The price list: what may be sold, at what list price, and how low a price may go. */
export const PRODUCTS: SheetDef = {
  key: 'products',
  ru: 'Товары',
  en: 'Products',
  columns: [
    col('name', 'Название', 'Name', 'text', { required: true, aliases: ['Товар', 'Product'] }),
    col('sku', 'Артикул', 'SKU', 'text', { aliases: ['Код', 'Code'] }),
    col('unit', 'Ед.', 'Unit', 'text', { aliases: ['Единица', 'Ед. изм.'] }),
    col('listPrice', 'Цена по прайсу', 'List price', 'money', {
      required: true,
      aliases: ['Цена', 'Price'],
    }),
    col('currency', 'Валюта', 'Currency', 'text'),
    col('minPrice', 'Мин. цена', 'Min price', 'money'),
    col('maxDiscount', 'Макс. скидка', 'Max discount', 'percent'),
    col('active', 'Активен', 'Active', 'bool'),
  ],
};

/** What a deal sells: its lines, with the discount and its approval. */
export const DEAL_LINES: SheetDef = {
  key: 'dealLines',
  ru: 'Строки сделок',
  en: 'Deal lines',
  columns: [
    col('dealId', 'ID сделки', 'Deal ID', 'id', { required: true }),
    col('product', 'Товар', 'Product', 'text', { required: true, aliases: ['Название', 'Name'] }),
    col('sku', 'Артикул', 'SKU', 'text'),
    col('quantity', 'Количество', 'Quantity', 'number', { required: true, aliases: ['Кол-во'] }),
    col('listPrice', 'Цена по прайсу', 'List price', 'money'),
    col('price', 'Цена', 'Price', 'money'),
    col('discount', 'Скидка', 'Discount', 'percent'),
    col('currency', 'Валюта', 'Currency', 'text'),
    col('status', 'Согласование', 'Approval', 'text', { aliases: ['Статус', 'Status'] }),
    col('approvedBy', 'Согласовал', 'Approved by', 'email'),
    col('approvedAt', 'Когда согласовано', 'Approved at', 'datetime'),
    // The head's approval seal (src/core/money/seal.ts); without it a typed approval counts for nothing.
    col('seal', 'Подпись согласования', 'Approval seal', 'text'),
  ],
};

/**
 * Checklist ticks per deal (src/core/playbooks): one row per tick or untick, the last one for a
 * (deal, stage, item) wins, so a tick is one append and the sheet doubles as its history.
 */
export const CHECKLISTS: SheetDef = {
  key: 'checklists',
  ru: 'Чек-листы',
  en: 'Checklists',
  columns: [
    col('dealId', 'ID сделки', 'Deal ID', 'id', { required: true }),
    col('stage', 'Этап', 'Stage', 'text', { required: true }),
    col('item', 'Пункт', 'Item', 'text', { required: true }),
    col('done', 'Отмечен', 'Ticked', 'bool', { required: true }),
    col('by', 'Кто', 'By', 'email'),
    col('at', 'Когда', 'When', 'datetime'),
  ],
};

export const DASHBOARD: SheetDef = {
  key: 'dashboard',
  ru: 'Дашборд',
  en: 'Dashboard',
  columns: [],
};

export const SHEETS: readonly SheetDef[] = [
  MANAGERS,
  CLIENTS,
  DEALS,
  ACTIVITIES,
  STAGE_HISTORY,
  PLANS,
  INVOICES,
  SETTINGS_VALUES,
  DASHBOARD,
  LOG,
  SENT_LOG,
  AUDIT,
  TASKS,
  ONBOARDING,
  TRAINING,
  CANDIDATES,
  SCORECARD,
  BUDGET,
  SPEND,
  PRODUCTS,
  DEAL_LINES,
  CHECKLISTS,
];

export function sheetDef(key: SheetKey): SheetDef {
  const def = SHEETS.find((s) => s.key === key);
  if (!def) throw new Error(`Unknown sheet ${key}`);
  return def;
}
