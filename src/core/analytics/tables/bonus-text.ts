/** A bonus statement's calculation in words, shared by SALES_BONUS and the dashboard. */
import { t } from '../../i18n';
import type { Lang } from '../../types';
import type { BonusStatement } from '../bonus';
import type { ManagerBonus } from '../bonus-report';
import { formatMoney, formatPercent } from '../format';

type Statement = BonusStatement & Pick<ManagerBonus, 'gradeMissing'>;

/**
 * "0–100 % плана: 609 000,00 ₽ × 10 % = 60 900,00 ₽; ...", led by a note when the manager's grade
 * names a scheme that does not exist (the figure is then the fallback scheme's, and says so).
 */
export function bonusCalculationText(s: Statement, lang: Lang): string {
  return [gradeNote(s, lang), calculation(s, lang)].filter(Boolean).join('; ');
}

/**
 * What a bonus figure leaves out, in words ('' when nothing): no scheme, no plan, below the
 * threshold, or a grade's scheme that does not exist. Places that show the figure without the
 * whole calculation (the monthly email) show this beside it, so no figure is silently partial.
 */
export function bonusNoteText(s: Statement, lang: Lang): string {
  return [gradeNote(s, lang), s.note ? calculation(s, lang) : ''].filter(Boolean).join('; ');
}

function gradeNote(s: Statement, lang: Lang): string {
  return s.gradeMissing
    ? t(lang, 'an.bonus.gradeSchemeMissing', { ...s.gradeMissing, used: s.scheme || '—' })
    : '';
}

function calculation(s: BonusStatement, lang: Lang): string {
  if (s.note === 'noScheme') return t(lang, 'an.bonus.noScheme');
  if (s.note === 'noPlan') return t(lang, 'an.bonus.noPlan');
  if (s.note === 'belowThreshold') {
    return t(lang, 'an.bonus.belowThreshold', {
      completion: formatPercent(s.completion ?? 0, lang),
    });
  }
  const parts: string[] = [];
  if (s.overdue > 0) {
    parts.push(
      t(lang, 'an.bonus.reduced', {
        fact: formatMoney(s.fact, lang),
        overdue: formatMoney(s.overdue, lang),
        base: formatMoney(s.base, lang),
      }),
    );
  }
  for (const step of s.steps) {
    const range =
      s.kind === 'flat'
        ? t(lang, 'an.bonus.flat')
        : step.to === null
          ? t(lang, 'an.bonus.rangeFrom', { from: formatPercent(step.from, lang) })
          : t(lang, 'an.bonus.rangeTo', {
              from: formatPercent(step.from, lang),
              to: formatPercent(step.to, lang),
            });
    parts.push(
      t(lang, 'an.bonus.step', {
        range,
        base: formatMoney(step.base, lang),
        rate: formatPercent(step.rate, lang),
        mult:
          step.multiplier !== 1
            ? ` × ${String(step.multiplier).replace('.', lang === 'ru' ? ',' : '.')}`
            : '',
        amount: formatMoney(step.amount, lang),
      }),
    );
  }
  return parts.join('; ');
}
