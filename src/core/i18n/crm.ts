/** Messages of the CRM: validation, operations, setup, import, hand edits. */
export const ru = {
  'crm.field.tooLong': 'Поле «{field}» длиннее {max} символов.',
  'crm.field.phone':
    'Поле «{field}»: «{value}» не похоже на телефон. Пример: +7 916 123-45-67 или +44 20 7946 0958.',
  'crm.field.email': 'Поле «{field}»: «{value}» не похоже на адрес почты.',
  'crm.field.inn':
    'Поле «{field}»: ИНН состоит из 10 (организация) или 12 (ИП, физлицо) цифр, а не «{value}».',
  'crm.field.innCheck':
    'Поле «{field}»: ИНН {value} не проходит проверку контрольной суммы. Проверьте, нет ли опечатки.',
  'crm.field.amount': 'Поле «{field}»: «{value}» не похоже на сумму. Пример: 1 234,50.',
  'crm.field.amountTooLarge':
    'Поле «{field}»: сумма «{value}» больше наибольшей допустимой ({max}, лист «Настройки»).',
  'crm.field.date': 'Поле «{field}»: «{value}» не похоже на дату. Пример: 27.11.2026.',
  'crm.field.unknownManager': 'Поле «{field}»: {value} нет среди активных на листе «Менеджеры».',
  'crm.field.unknownStage': 'Поле «{field}»: этапа «{value}» нет в воронке (лист «Настройки»).',
  'crm.field.amountForStage': 'Поле «{field}» обязательно на этапе «{stage}».',
  'crm.field.contactRequired': 'Укажите хотя бы телефон или email клиента.',
  'crm.field.lostReason': 'Поле «{field}»: укажите причину проигрыша.',
  'crm.field.activityType':
    'Поле «{field}»: тип «{value}» неизвестен (звонок, встреча, письмо, сообщение).',
  'crm.field.paymentTooLarge': 'Поле «{field}»: оплачено больше суммы счёта ({amount}).',
  'crm.field.dueBeforeIssue': 'Поле «{field}»: срок оплаты раньше даты счёта.',
  'crm.dealClosed':
    'Сделка {id} уже закрыта ({stage}). Откройте её заново, переведя на открытый этап.',
  'crm.noAssignee':
    'Некому назначить лид: на листе «Менеджеры» нет активных менеджеров. Укажите менеджера.',
  'crm.noDealOrClient': 'Укажите сделку или клиента.',
  'crm.dealClientMismatch': 'Сделка {deal} относится к другому клиенту ({client}).',
  'crm.setup.created': 'Создан лист «{sheet}».',
  'crm.setup.columnsAdded': 'Лист «{sheet}»: добавлены столбцы {columns}.',
  'crm.setup.headerAdded': 'Лист «{sheet}»: добавлена строка заголовков.',
  'crm.setup.settingsAdded': 'Лист «{sheet}»: добавлена таблица «{table}».',
  'crm.setup.migrated': 'Версия структуры таблицы обновлена: {from} → {to}.',
  'crm.setup.nothing': 'Таблица уже настроена, ничего не изменено.',
  'crm.setup.formTrigger': 'Включён приём заявок из связанной Google Формы.',
  'crm.setup.formTriggerFailed': 'Не удалось включить приём заявок из Google Формы: {problem}',
  'crm.setup.todayHeader': 'Сегодня (ROP_TODAY)',
  'crm.setup.formTriggerOther':
    'Приём заявок из Google Формы уже ведёт {owner}: второй триггер не установлен, чтобы заявки не дублировались.',
  'crm.setup.formTriggerDuplicates': 'Удалены лишние триггеры приёма заявок из формы: {n}.',
  'crm.setup.unrecognised':
    'Лист «{sheet}» не тронут: в нём есть данные, но нет узнаваемой строки заголовков. Переименуйте лист или добавьте заголовки.',
  'crm.setup.done': 'Настройка завершена.',
  'crm.setup.newerSchema':
    'Таблица создана более новой версией ROP Desk (структура {found}, эта версия знает {known}). Обновите надстройку.',
  'crm.demo.done':
    'Демо-данные записаны: {managers#сотрудник|сотрудника|сотрудников}, {clients#клиент|клиента|клиентов}, {deals#сделка|сделки|сделок}, {activities#активность|активности|активностей}, {invoices#счёт|счёта|счетов}.',
  'crm.demo.notEmpty':
    'На листе «{sheet}» уже есть данные. Демо-данные заполняют только пустую таблицу: создайте копию или новую таблицу.',
  'crm.import.unsupported': 'Файл «{name}»: поддерживаются CSV и .xlsx.',
  'crm.import.empty': 'В файле «{name}» нет строк с данными.',
  'crm.import.noHeader':
    'В файле «{name}» не найден столбец с названием клиента или контактом (например, «Компания», «Название», «Контакт»).',
  'crm.import.tooBig': 'Файл «{name}» слишком большой: до {max} строк за раз.',
  'crm.import.badFile': 'Файл «{name}» не удалось прочитать: {problem}.',
  'crm.import.fileTooLarge': 'Файл «{name}» слишком большой (предел {mb} МБ).',
  'crm.import.tooMany.columns': 'В файле «{name}» больше {max} столбцов: так много не читаем.',
  'crm.import.tooMany.cells': 'В файле «{name}» больше {max} ячеек: разбейте его на части.',
  'crm.import.reject.noName': 'нет названия клиента и контакта',
  'crm.import.reject.noContact': 'нет ни телефона, ни email',
  'crm.import.done':
    'Импорт: добавлено {added}, объединено с существующими {merged}, отклонено {rejected}.',
  'crm.edit.badPhone': 'ROP Desk: не похоже на телефон. Формат: +7XXXXXXXXXX.',
  'crm.edit.badInn': 'ROP Desk: ИНН не проходит проверку контрольной суммы.',
  'crm.edit.badAmount': 'ROP Desk: не похоже на сумму.',
  'crm.edit.badEmail': 'ROP Desk: не похоже на email.',
  'crm.edit.badStage': 'ROP Desk: такого этапа нет в воронке.',
  'crm.edit.badDate': 'ROP Desk: не похоже на дату (дд.мм.гггг).',
  'crm.edit.amountForStage': 'ROP Desk: на этом этапе нужна сумма сделки.',
  'crm.edit.lostReason': 'ROP Desk: укажите причину проигрыша.',
  'crm.edit.stageRestored':
    'ROP Desk: этапа «{typed}» нет в воронке, оставлен прежний — «{stage}». Выберите этап из списка.',
  'crm.edit.logged': '«{sheet}», строка {row}, «{column}»: «{value}». {problem}',
  'crm.audit.unknown': '(неизвестно: вставка блока)',
  'crm.snooze.past': 'Дата {value} уже прошла: отложить можно до {today} или позже.',
  'crm.audit.panel': 'Боковая панель',
  'crm.audit.sheet': 'Ввод в таблице',
  'crm.log.formSubmit': 'Лид из формы: клиент {client}, сделка {deal}, менеджер {manager}.',
  'crm.log.formBlank': 'Пустое событие формы (строка {row}): лид не создан.',
  'crm.log.formRepeat':
    'Ответ формы уже обработан (строка {row}, {timestamp}): второй лид не создан.',
  'crm.log.formDuplicateTrigger':
    'Лишний триггер приёма заявок из Google Формы {uid} удалён: их принимает триггер {owner}.',
  'crm.log.formFailed':
    'Ответ формы не стал лидом ({reason}). Контакты: {name}; телефон {phone}; email {email}. Ответы: {answers}',
  'crm.form.cut': ' [обрезано {count} симв.]',
  'crm.possibleDuplicate': 'Возможный дубль {id} (совпало: {fields}), проверьте',
  'crm.dupField.name': 'название',
  'crm.dupField.phone': 'телефон',
  'crm.dupField.email': 'email',
  'crm.dupField.inn': 'ИНН',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'crm.field.tooLong': 'Field "{field}" is longer than {max} characters.',
  'crm.field.phone':
    'Field "{field}": "{value}" does not look like a phone number. Example: +7 916 123-45-67 or +44 20 7946 0958.',
  'crm.field.email': 'Field "{field}": "{value}" does not look like an email address.',
  'crm.field.inn':
    'Field "{field}": an INN has 10 (company) or 12 (individual) digits, not "{value}".',
  'crm.field.innCheck': 'Field "{field}": INN {value} fails the checksum. Check for a typo.',
  'crm.field.amount': 'Field "{field}": "{value}" does not look like an amount. Example: 1 234.50.',
  'crm.field.amountTooLarge':
    'Field "{field}": the amount "{value}" is above the largest allowed ({max}, Settings sheet).',
  'crm.field.date': 'Field "{field}": "{value}" does not look like a date. Example: 27.11.2026.',
  'crm.field.unknownManager':
    'Field "{field}": {value} is not an active person on the Managers sheet.',
  'crm.field.unknownStage':
    'Field "{field}": stage "{value}" is not in the funnel (Settings sheet).',
  'crm.field.amountForStage': 'Field "{field}" is required at stage "{stage}".',
  'crm.field.contactRequired': "Give at least the client's phone or email.",
  'crm.field.lostReason': 'Field "{field}": give the reason the deal was lost.',
  'crm.field.activityType':
    'Field "{field}": unknown type "{value}" (call, meeting, email, message).',
  'crm.field.paymentTooLarge': 'Field "{field}": more paid than the invoice amount ({amount}).',
  'crm.field.dueBeforeIssue': 'Field "{field}": the due date is before the invoice date.',
  'crm.dealClosed':
    'Deal {id} is already closed ({stage}). Reopen it by moving it to an open stage.',
  'crm.noAssignee':
    'Nobody to assign the lead to: no active managers on the Managers sheet. Choose a manager.',
  'crm.noDealOrClient': 'Give a deal or a client.',
  'crm.dealClientMismatch': 'Deal {deal} belongs to another client ({client}).',
  'crm.setup.created': 'Created sheet "{sheet}".',
  'crm.setup.columnsAdded': 'Sheet "{sheet}": added columns {columns}.',
  'crm.setup.headerAdded': 'Sheet "{sheet}": added the header row.',
  'crm.setup.settingsAdded': 'Sheet "{sheet}": added table "{table}".',
  'crm.setup.migrated': 'Workbook structure version updated: {from} → {to}.',
  'crm.setup.nothing': 'The workbook is already set up; nothing changed.',
  'crm.setup.formTrigger': 'Turned on lead intake from the linked Google Form.',
  'crm.setup.formTriggerFailed': 'Could not turn on lead intake from the Google Form: {problem}',
  'crm.setup.todayHeader': 'Today (ROP_TODAY)',
  'crm.setup.formTriggerOther':
    'Lead intake from the Google Form is already run by {owner}: no second trigger was installed, so leads are not doubled.',
  'crm.setup.formTriggerDuplicates': 'Removed extra form intake triggers: {n}.',
  'crm.setup.unrecognised':
    'Sheet "{sheet}" left alone: it has data but no recognisable header row. Rename the sheet or add the headers.',
  'crm.setup.done': 'Setup finished.',
  'crm.setup.newerSchema':
    'This workbook was set up by a newer ROP Desk (structure {found}, this version knows {known}). Update the add-on.',
  'crm.demo.done':
    'Demo data written: {managers#person|people}, {clients#client|clients}, {deals#deal|deals}, {activities#activity|activities}, {invoices#invoice|invoices}.',
  'crm.demo.notEmpty':
    'Sheet "{sheet}" already has data. Demo data only fills an empty workbook: make a copy or a new spreadsheet.',
  'crm.import.unsupported': 'File "{name}": CSV and .xlsx are supported.',
  'crm.import.empty': 'File "{name}" has no data rows.',
  'crm.import.noHeader':
    'File "{name}" has no column with the client name or contact (e.g. "Company", "Name", "Contact").',
  'crm.import.tooBig': 'File "{name}" is too big: up to {max} rows at a time.',
  'crm.import.badFile': 'File "{name}" could not be read: {problem}.',
  'crm.import.fileTooLarge': 'File "{name}" is too large (limit {mb} MB).',
  'crm.import.tooMany.columns': 'File "{name}" has more than {max} columns: too many to read.',
  'crm.import.tooMany.cells': 'File "{name}" has more than {max} cells: split it into parts.',
  'crm.import.reject.noName': 'no client name and no contact',
  'crm.import.reject.noContact': 'neither phone nor email',
  'crm.import.done':
    'Import: {added} added, {merged} merged with existing clients, {rejected} rejected.',
  'crm.edit.badPhone': 'ROP Desk: not a phone number. Format: +7XXXXXXXXXX.',
  'crm.edit.badInn': 'ROP Desk: INN with wrong check digits.',
  'crm.edit.badAmount': 'ROP Desk: not an amount.',
  'crm.edit.badEmail': 'ROP Desk: not an email address.',
  'crm.edit.badStage': 'ROP Desk: this stage is not in the funnel.',
  'crm.edit.badDate': 'ROP Desk: not a date (dd.mm.yyyy).',
  'crm.edit.amountForStage': 'ROP Desk: this stage needs the deal amount.',
  'crm.edit.lostReason': 'ROP Desk: give the reason the deal was lost.',
  'crm.edit.stageRestored':
    'ROP Desk: there is no stage "{typed}" in the funnel; the previous one, "{stage}", was kept. Pick a stage from the list.',
  'crm.edit.logged': '"{sheet}", row {row}, "{column}": "{value}". {problem}',
  'crm.audit.unknown': '(unknown: a pasted block)',
  'crm.snooze.past': '{value} has already passed: snooze until {today} or later.',
  'crm.audit.panel': 'Sidebar',
  'crm.audit.sheet': 'Typed in the sheet',
  'crm.log.formSubmit': 'Lead from the form: client {client}, deal {deal}, manager {manager}.',
  'crm.log.formBlank': 'Blank form event (row {row}): no lead created.',
  'crm.log.formRepeat': 'Form response already processed (row {row}, {timestamp}): no second lead.',
  'crm.log.formDuplicateTrigger':
    'Extra form intake trigger {uid} removed: intake runs under trigger {owner}.',
  'crm.log.formFailed':
    'A form response did not become a lead ({reason}). Contact: {name}; phone {phone}; email {email}. Answers: {answers}',
  'crm.form.cut': ' [{count} characters cut]',
  'crm.possibleDuplicate': 'Possible duplicate of {id} (same {fields}), please check',
  'crm.dupField.name': 'name',
  'crm.dupField.phone': 'phone',
  'crm.dupField.email': 'email',
  'crm.dupField.inn': 'INN',
};
