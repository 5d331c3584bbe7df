/** Numbers for people: money, percents and counts as the tables and statements show them. */
import { t } from '../i18n';
import type { Lang } from '../types';
import type { CurrencyNote } from './currency';

/** 1234567.8 -> "1 234 567,80 ₽" (ru) or "1,234,567.80 ₽" (en). */
export function formatMoney(kopecks: number, lang: Lang, currency = '₽'): string {
  const neg = kopecks < 0;
  const abs = Math.abs(Math.round(kopecks));
  const whole = String(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  const sep = lang === 'ru' ? '\u00a0' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  const sym = currency === 'RUB' || currency === '' ? '₽' : currency;
  return `${neg ? '−' : ''}${grouped}${lang === 'ru' ? ',' : '.'}${cents}\u00a0${sym}`;
}

/** 0.609 -> "60,9 %" (ru) or "60.9%" (en). */
export function formatPercent(fraction: number, lang: Lang): string {
  const v = Math.round(fraction * 1000) / 10;
  const text = String(v);
  return lang === 'ru' ? `${text.replace('.', ',')}\u00a0%` : `${text}%`;
}

/** Kopecks as the roubles number a cell shows (2 decimals). */
export const roubles = (k: number): number => Math.round(k) / 100;

/**
 * A fraction as a percent number at full precision (0.60944 -> 60.944); '' for null. The cell's
 * format rounds for display; a formula that computes a bonus from it must not inherit a rounding.
 */
export const pct = (f: number | null): number | '' =>
  f === null || !Number.isFinite(f) ? '' : f * 100;

export const orBlank = <T>(v: T | null): T | '' => (v === null ? '' : v);

export function excludedNote(notes: readonly CurrencyNote[], lang: Lang): string {
  if (!notes.length) return '';
  const list = notes
    .map((n) => `${formatMoney(n.amount, lang, n.currency || '?')} (${n.count})`)
    .join('; ');
  return t(lang, 'an.note.excluded', { list });
}
