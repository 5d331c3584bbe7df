/** SALES_BONUS's table and the bonus statement's text (shared with the dashboard). */
import { t, type MessageKey } from '../i18n';
import type { Day } from '../time';
import type { Lang, WorkbookData } from '../types';
import type { BonusStatement } from './bonus';
import { bonusStatements } from './bonus-report';
import { formatMoney, formatPercent, pct, roubles } from './format';
import type { Cell, FunctionRun, Table } from './functions';
import type { Period } from './period';

/** "0–100 % плана: 609 000,00 ₽ × 10 % = 60 900,00 ₽; ..." */
export function bonusCalculationText(s: BonusStatement, lang: Lang): string {
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

export function computeBonusTable(
  run: FunctionRun,
  data: WorkbookData,
  period: Period,
  asOf: Day,
): Table {
  const rows = bonusStatements(data, period, asOf, { zone: run.zone });
  const header = [
    'an.col.manager',
    'an.col.scheme',
    'an.col.plan',
    'an.col.fact',
    'an.col.completion',
    'an.col.overdueDebt',
    'an.col.base',
    'an.col.bonus',
    'an.col.calculation',
  ].map((k) => run.h(k as MessageKey));
  let total = 0;
  const body = rows.map((r): Cell[] => {
    total += r.bonus;
    return [
      r.name,
      r.scheme,
      roubles(r.plan),
      roubles(r.fact),
      pct(r.completion),
      roubles(r.overdue),
      roubles(r.base),
      roubles(r.bonus),
      bonusCalculationText(r, run.lang),
    ];
  });
  return [header, ...body, [run.h('an.total'), '', '', '', '', '', '', roubles(total), '']];
}
