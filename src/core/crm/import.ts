/**
 * Turning a file's rows into leads: columns mapped by header, with the names amoCRM and Bitrix24
 * exports use (Russian and English), rows normalised and checked, duplicates found against the
 * workbook and earlier rows of the same file. Nothing is dropped silently: every row is added,
 * merged into an existing client, or rejected with its reasons.
 */
import { isUserError } from '../errors';
import { t } from '../i18n';
import { normalizeHeader } from '../workbook/headers';
import type { Lang, Manager } from '../types';
import { companyKey, normalizeEmail, normalizePhone } from '../workbook/normalize';
import type { LeadInput } from './types';

export type ImportField =
  | 'name'
  | 'contactName'
  | 'firstName'
  | 'lastName'
  | 'middleName'
  | 'phone'
  | 'email'
  | 'inn'
  | 'title'
  | 'amount'
  | 'source'
  | 'need'
  | 'manager'
  | 'stage';

/** Header spellings per field: ours, amoCRM's, Bitrix24's, common English ones. */
export const IMPORT_ALIASES: Record<ImportField, readonly string[]> = {
  name: [
    'Клиент',
    'Компания',
    'Название компании',
    'Организация',
    'Контрагент',
    'Наименование',
    'Компания контакта',
    'Client',
    'Company',
    'Company name',
    'Account',
    'Organization',
    'Account name',
  ],
  contactName: [
    'Контактное лицо',
    'Контакт',
    'Полное имя контакта',
    'Основной контакт',
    'ФИО',
    'Имя контакта',
    'Contact',
    'Contact name',
    'Full name',
    'Ваше имя',
    'Как к вам обращаться',
  ],
  firstName: ['Имя', 'First name', 'Name'],
  lastName: ['Фамилия', 'Last name', 'Surname'],
  middleName: ['Отчество', 'Middle name'],
  phone: [
    'Телефон',
    'Рабочий телефон',
    'Мобильный телефон',
    'Телефон контакта',
    'Другой телефон',
    'Домашний телефон',
    'Phone',
    'Mobile',
    'Mobile phone',
    'Work phone',
    'Telephone',
    'Ваш телефон',
    'Номер телефона',
  ],
  email: [
    'Email',
    'E-mail',
    'Почта',
    'Электронная почта',
    'Рабочий email',
    'Рабочий e-mail',
    'Личный email',
    'Личный e-mail',
    'Email контакта',
    'Work email',
    'Ваш email',
    'Адрес электронной почты',
  ],
  inn: ['ИНН', 'INN', 'TIN', 'Tax ID', 'ИНН компании'],
  title: [
    'Сделка',
    'Название сделки',
    'Название лида',
    'Лид',
    'Deal',
    'Deal name',
    'Lead name',
    'Lead title',
    'Title',
    'Тема',
  ],
  amount: [
    'Сумма',
    'Бюджет',
    'Сумма сделки',
    'Amount',
    'Budget',
    'Value',
    'Deal value',
    'Opportunity',
  ],
  source: ['Источник', 'Источник лида', 'Source', 'Lead source', 'Канал'],
  need: [
    'Потребность',
    'Запрос',
    'Комментарий',
    'Примечание',
    'Описание',
    'Что вас интересует',
    'Сообщение',
    'Need',
    'Needs',
    'Comment',
    'Comments',
    'Notes',
    'Description',
    'Message',
  ],
  manager: [
    'Менеджер',
    'Ответственный',
    'Ответственный менеджер',
    'Manager',
    'Owner',
    'Responsible',
    'Responsible user',
    'Assigned to',
  ],
  stage: [
    'Этап',
    'Этап сделки',
    'Стадия',
    'Стадия сделки',
    'Статус',
    'Stage',
    'Status',
    'Deal stage',
  ],
};

const LOOKUP = new Map<string, ImportField>();
for (const [field, names] of Object.entries(IMPORT_ALIASES) as Array<
  [ImportField, readonly string[]]
>) {
  for (const n of names) if (!LOOKUP.has(normalizeHeader(n))) LOOKUP.set(normalizeHeader(n), field);
}

export interface ColumnMapping {
  header: string;
  /** The field, or '' when the column is ignored. */
  field: ImportField | '';
}

/** Maps a header row; several columns may feed one field (phones, emails). */
export function mapImportHeader(header: readonly string[]): ColumnMapping[] {
  return header.map((h) => {
    const n = normalizeHeader(h);
    let field = LOOKUP.get(n);
    if (!field && /телефон|phone/.test(n)) field = 'phone';
    if (!field && /e-?mail|почта/.test(n)) field = 'email';
    return { header: h, field: field ?? '' };
  });
}

/** Whether the header maps enough to make leads of (a name or a contact column). */
export function usableMapping(mapping: readonly ColumnMapping[]): boolean {
  const fields = new Set(mapping.map((m) => m.field));
  return ['name', 'contactName', 'firstName', 'lastName', 'phone', 'email'].some((f) =>
    fields.has(f as ImportField),
  );
}

export interface ImportRow {
  /** 1-based row in the file. */
  line: number;
  values: Partial<Record<ImportField, string[]>>;
}

export function rowsToRecords(
  rows: readonly string[][],
  mapping: readonly ColumnMapping[],
  firstLine = 2,
): ImportRow[] {
  // Only the mapped columns are visited: a wide export has hundreds the import does not use.
  const used: Array<[number, ImportField]> = [];
  mapping.forEach((m, c) => {
    if (m.field) used.push([c, m.field]);
  });
  return rows.map((row, i) => {
    const values: Partial<Record<ImportField, string[]>> = {};
    for (const [c, field] of used) {
      const cell = row[c];
      const v = cell === undefined ? '' : String(cell).trim();
      if (v) (values[field] ??= []).push(v);
    }
    return { line: i + firstLine, values };
  });
}

/** A manager referred to in a file by email or by name. */
export function resolveManager(text: string, managers: readonly Manager[]): string {
  const email = normalizeEmail(text);
  if (email && managers.some((m) => m.email === email)) return email;
  const key = text.trim().toLowerCase().replace(/ё/g, 'е');
  const byName = managers.find((m) => {
    const name = m.name.toLowerCase().replace(/ё/g, 'е');
    const [a, b] = name.split(/\s+/);
    return name === key || (a && b && `${b} ${a}` === key);
  });
  return byName ? byName.email : '';
}

/** A lead from one file row; `null` with reasons when the row cannot be one. */
export function rowToLead(
  row: ImportRow,
  managers: readonly Manager[],
  defaults: { source: string; lang: Lang },
): { lead: LeadInput; reasons: string[] } {
  const first = (f: ImportField) => row.values[f]?.[0] ?? '';
  const person =
    first('contactName') ||
    [first('lastName'), first('firstName'), first('middleName')].filter(Boolean).join(' ');
  const name = first('name') || person;
  // Several phone/email columns: the first that normalises wins, else the first given.
  const phones = row.values.phone ?? [];
  const phone = phones.find((p) => normalizePhone(p)) ?? phones[0] ?? '';
  const emails = row.values.email ?? [];
  const email = emails.find((e) => normalizeEmail(e)) ?? emails[0] ?? '';
  const reasons: string[] = [];
  if (!name) reasons.push(t(defaults.lang, 'crm.import.reject.noName'));
  else if (!phone && !email) reasons.push(t(defaults.lang, 'crm.import.reject.noContact'));
  return {
    reasons,
    lead: {
      clientName: name,
      contactName: person,
      phone,
      email,
      inn: first('inn'),
      title: first('title'),
      amount: first('amount') || null,
      source: first('source') || defaults.source,
      need: (row.values.need ?? []).join('\n'),
      manager: first('manager') ? resolveManager(first('manager'), managers) : '',
      stage: first('stage'),
    },
  };
}

/** The texts of a validation error's field problems, for a rejected-row report. */
export function problemTexts(e: unknown, lang: Lang): string[] {
  if (!isUserError(e)) return [String((e as Error)?.message ?? e)];
  const list = e.fields.length ? e.fields : [{ field: '', key: e.key, params: e.params }];
  return list.map((f) => t(lang, f.key, f.params ?? {}));
}

/** A key that says two file rows are the same client (for duplicates inside one file). */
export function fileRowKey(lead: LeadInput): string[] {
  const keys: string[] = [];
  const p = normalizePhone(lead.phone ?? '');
  if (p) keys.push(`p:${p}`);
  const e = normalizeEmail(lead.email ?? '');
  if (e) keys.push(`e:${e}`);
  const n = companyKey(lead.clientName);
  if (n) keys.push(`n:${n}`);
  return keys;
}
