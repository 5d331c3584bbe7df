/**
 * The sidebar speaks the workbook's language, with texts from the one catalogue in src/core/i18n
 * (the same files the server uses). Only the catalogues the page needs are bundled: the shared
 * messages, the CRM's field messages (the lead form checks with the CRM's validators) and the
 * sidebar's own; everything else the server says arrives already translated.
 * `setLang` is called when the first screen loads and when settings change the language.
 */
import { common, crm, fill, playbooks, sidebar, tasks } from '../src/shared/i18n';
import type { Lang } from '../src/shared/contract';

export type SidebarKey =
  | keyof typeof common.ru
  | keyof typeof crm.ru
  | keyof typeof sidebar.ru
  | keyof typeof tasks.ru
  | keyof typeof playbooks.ru;
export type Params = Record<string, string | number>;

const tables: Record<Lang, Record<string, string>> = {
  ru: { ...common.ru, ...crm.ru, ...sidebar.ru, ...tasks.ru, ...playbooks.ru },
  en: { ...common.en, ...crm.en, ...sidebar.en, ...tasks.en, ...playbooks.en },
};

let current: Lang = 'ru';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

/** Same substitution rules as the server's `t` (src/core/i18n/index.ts). */
export function tr(key: SidebarKey, params: Params = {}): string {
  return fill(current, tables[current][key] ?? tables.ru[key] ?? key, params);
}
