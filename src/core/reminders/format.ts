/** Numbers, money and dates as the emails show them, per language. */
import type { Kopecks } from '../money';
import { formatDay, type Day } from '../time';
import type { Lang } from '../types';

const SYMBOL: Record<string, string> = { RUB: '₽', USD: '$', EUR: '€', KZT: '₸', CNY: '¥' };

function group(n: number, sep: string): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Whole units: digests are read at a glance, kopecks would be noise. "1 234 567 ₽", "RUB 1,234,567". */
export function formatMoney(k: Kopecks, currency: string, lang: Lang): string {
  const code = (currency || 'RUB').toUpperCase();
  const units = k / 100;
  if (lang === 'ru') return `${group(units, '\u00a0')}\u00a0${SYMBOL[code] ?? code}`;
  return `${code === 'RUB' ? 'RUB' : (SYMBOL[code] ?? code)}\u00a0${group(units, ',')}`;
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
  const abs = Math.abs(Math.trunc(n));
  if (lang === 'en') return abs === 1 ? 'one' : 'many';
  const d10 = abs % 10;
  const d100 = abs % 100;
  if (d10 === 1 && d100 !== 11) return 'one';
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return 'few';
  return 'many';
}

/** dd.MM.yyyy in both languages: the product's one date format. */
export function formatDate(d: Day): string {
  return formatDay(d);
}
