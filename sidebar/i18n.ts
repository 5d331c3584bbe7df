/**
 * The sidebar speaks the workbook's language, with texts from the one catalogue in src/core/i18n
 * (the same files the server uses). Only the catalogues the page needs are bundled: the shared
 * messages, the CRM's field messages (the lead form checks with the CRM's validators) and the
 * sidebar's own; everything else the server says arrives already translated.
 * `setLang` is called when the first screen loads and when settings change the language.
 */
import {
  common,
  crm,
  fill,
  money,
  people,
  playbooks,
  pictures,
  plans,
  sidebar,
  tasks,
} from '../src/shared/i18n';
import type { Lang } from '../src/shared/contract';

/** The catalogues the page carries (src/shared/i18n.ts); each feature's sidebar texts are one entry. */
const parts = [common, crm, sidebar, pictures, tasks, people, plans, money, playbooks] as const;

type Keys<T> = T extends unknown ? keyof T : never;
export type SidebarKey = Keys<(typeof parts)[number]['ru']>;
export type Params = Record<string, string | number>;

const tables: Record<Lang, Record<string, string>> = {
  ru: Object.assign({}, ...parts.map((p) => p.ru)) as Record<string, string>,
  en: Object.assign({}, ...parts.map((p) => p.en)) as Record<string, string>,
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
