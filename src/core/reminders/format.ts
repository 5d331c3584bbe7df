/** Numbers, money and dates as the emails show them, per language. */
import type { Kopecks } from '../money';
import { formatDay, type Day } from '../time';
import { pluralIndex } from '../i18n/plural';
import type { Lang } from '../types';

const SYMBOL: Record<string, string> = { RUB: '₽', USD: '$', EUR: '€', KZT: '₸', CNY: '¥' };

function group(n: number, sep: string): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Whole units: digests are read at a glance, kopecks would be noise. "1 234 567 ₽", "₽1,234,567"
 * (the sign, as the panel shows it, in both languages). */
export function formatMoney(k: Kopecks, currency: string, lang: Lang): string {
  const code = (currency || 'RUB').toUpperCase();
  const units = k / 100;
  if (lang === 'ru') return `${group(units, '\u00a0')}\u00a0${SYMBOL[code] ?? code}`;
  const sign = SYMBOL[code];
  return sign ? `${sign}${group(units, ',')}` : `${code}\u00a0${group(units, ',')}`;
}

export function formatCount(n: number, lang: Lang): string {
  return group(n, lang === 'ru' ? '\u00a0' : ',');
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '—';
  return `${Math.round(fraction * 100)}%`;
}

export type PluralForm = 'one' | 'few' | 'many';

/** Russian: 1 задача, 2-4 задачи, 5-20 задач, 21 задача...; English: one / the rest. */
export function pluralForm(n: number, lang: Lang): PluralForm {
  // The catalogue's one rule set (i18n/plural.ts); English "other" is our 'many'.
  const i = pluralIndex(lang, Math.trunc(n));
  return i === 0 ? 'one' : lang === 'en' || i === 2 ? 'many' : 'few';
}

const MONTHS: Record<Lang, readonly string[]> = {
  // Genitive: «Итоги ноября 2026».
  ru: 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'.split(
    ' ',
  ),
  en: 'January February March April May June July August September October November December'.split(
    ' ',
  ),
};

/** "2026-11" as people say it: «ноября 2026» / "November 2026"; other labels unchanged. */
export function monthTitle(label: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(label);
  const name = m ? MONTHS[lang][Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : label;
}

/** dd.MM.yyyy in both languages: the product's one date format. */
export function formatDate(d: Day): string {
  return formatDay(d);
}
