/**
 * The one message catalogue. Each area adds a file exporting `ru` (the source of keys) and `en`
 * (typed as Record<keyof typeof ru, string>, so a missing translation fails the type check) and is
 * listed here. Russian is the default language.
 */
import type { Lang } from '../types';
import * as analytics from './analytics';
import * as auth from './auth';
import * as common from './common';
import * as crm from './crm';
import * as headSummary from './head-summary';
import * as menu from './menu';
import * as money from './money';
import * as moneySidebar from './money-sidebar';
import { fill } from './plural';
import * as reminders from './reminders';
import * as security from './security';
import * as sidebar from './sidebar';

const catalogues = [
  common,
  analytics,
  crm,
  menu,
  sidebar,
  reminders,
  auth,
  security,
  money,
  moneySidebar,
  headSummary,
] as const;

type Ru = (typeof catalogues)[number]['ru'];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
export type MessageKey = keyof UnionToIntersection<Ru>;
export { fill, plural, pluralIndex } from './plural';
export type MessageParams = Record<string, string | number>;

const tables: Record<Lang, Record<string, string>> = { ru: {}, en: {} };
for (const c of catalogues) {
  Object.assign(tables.ru, c.ru);
  Object.assign(tables.en, c.en);
}

export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return fill(lang, tables[lang][key] ?? tables.ru[key] ?? key, params);
}

export function parseLang(value: unknown): Lang {
  return String(value ?? '')
    .trim()
    .toLowerCase()
    .startsWith('en')
    ? 'en'
    : 'ru';
}
