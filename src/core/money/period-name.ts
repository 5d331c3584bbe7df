/**
 * A period as people say it, for titles: «ноябрь 2026», «IV квартал 2026», «2026 год» /
 * "November 2026", "Q4 2026", "2026". The month names are the period parser's own, so what a
 * title says the parser reads back.
 */
import type { Lang } from '../types';
import { EN_NAMES, RU_NAMES, type Period } from '../workbook/period';

const ROMAN = ['I', 'II', 'III', 'IV'];

export function periodName(p: Period, lang: Lang): string {
  if (p.kind === 'month') {
    const name = (lang === 'ru' ? RU_NAMES : EN_NAMES)[p.index - 1];
    const word = lang === 'ru' ? name : name.charAt(0).toUpperCase() + name.slice(1);
    return `${word} ${p.year}`;
  }
  if (p.kind === 'quarter') {
    return lang === 'ru' ? `${ROMAN[p.index - 1]} квартал ${p.year}` : `Q${p.index} ${p.year}`;
  }
  return lang === 'ru' ? `${p.year} год` : String(p.year);
}
