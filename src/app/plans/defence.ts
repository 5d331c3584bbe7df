/**
 * The "Plan defence" sheet, from the Plans screen or the menu: the capacity of the team for a
 * period against a target (the one typed, else the company's plan on the Plans sheet), with each
 * manager's and team's own plan beside their achievable figure. One read per sheet, one block.
 */
import { UserError } from '../../core/errors';
import { formatMoney } from '../../core/analytics/format';
import { t } from '../../core/i18n';
import { toKopecks } from '../../core/money';
import { salesCapacity } from '../../core/plans/capacity';
import { defenceTable } from '../../core/plans/defence';
import { parsePeriod, yearPeriod } from '../../core/workbook/period';
import { formatDay, ymdFromDay, type Day } from '../../core/time';
import type { Plan } from '../../core/types';
import { writeDefenceSheet } from '../../gas/defence-sheet';
import type { Workbook } from '../../gas/workbook';
import type { PlanDefenceResult } from '../../shared/contract-plans';

export interface DefenceRequest {
  /** '' = next year. */
  period: string;
  /** Roubles; NaN = the company's plan for the period. */
  target: number;
  /** NaN = 12. */
  months: number;
}

function plannedTargets(plans: readonly Plan[], period: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of plans) {
    if (p.period !== period || (p.metric || 'revenue') !== 'revenue') continue;
    const key = p.level === 'company' ? '' : p.target;
    if (!out.has(key)) out.set(key, p.value);
  }
  return out;
}

export function writeDefence(wb: Workbook, today: Day, req: DefenceRequest): PlanDefenceResult {
  const period = req.period.trim()
    ? parsePeriod(req.period)
    : yearPeriod(ymdFromDay(today).year + 1);
  if (!period) throw new UserError('pl.error.period');
  const months = Number.isFinite(req.months) ? Math.round(req.months) : 12;
  if (months < 1 || months > 36) {
    throw new UserError('error.badArgument', {
      name: 'months',
      problem: t(wb.lang, 'pl.arg.months'),
    });
  }
  return wb.locked(() => {
    const data = wb.data(['managers', 'deals', 'plans']);
    const targets = plannedTargets(data.plans, period.label);
    const target =
      Number.isFinite(req.target) && req.target >= 0
        ? toKopecks(req.target)
        : (targets.get('') ?? null);
    const result = salesCapacity(data, {
      period,
      historyMonths: months,
      asOf: today,
      zone: wb.zone,
      curve: data.settings.rampCurve,
      target,
      targets,
    });
    const lang = wb.lang;
    const table = defenceTable(lang, result);
    const sheet = writeDefenceSheet(wb.ss, {
      names: { ru: t('ru', 'pl.sheet'), en: t('en', 'pl.sheet') },
      lang,
      title: t(lang, 'pl.sheet.title', { period: period.label }),
      subtitle: t(lang, 'pl.sheet.made', {
        date: formatDay(today),
        target: target === null ? '—' : formatMoney(target, lang),
      }),
      table,
      bodyRows: result.rows.length,
    });
    return { sheet };
  });
}
