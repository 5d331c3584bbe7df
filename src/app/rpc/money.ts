/**
 * The head's Money screen: this period's budget vs actual per line and the cost of acquisition by
 * source, from one read of Budget, Spend, Deals and Clients.
 */
import { excludedNote, formatMoney } from '../../core/analytics/format';
import { UserError } from '../../core/errors';
import { t } from '../../core/i18n';
import { acquisition } from '../../core/money/acquisition';
import { budgetVsActual } from '../../core/money/budget';
import { periodName } from '../../core/money/period-name';
import { dayOfInstant } from '../../core/time';
import { parsePeriod, periodContaining } from '../../core/workbook/period';
import type { MoneyView } from '../../shared/contract-money';
import type { Request } from '../../shared/methods';
import { readMoney } from '../money/read';
import type { Ctx } from './context';

export function moneyView(req: Request<'moneyView'>, ctx: Ctx): MoneyView {
  const today = dayOfInstant(ctx.now, ctx.zone);
  const period = req.period.trim() ? parsePeriod(req.period) : periodContaining(today, 'month');
  if (!period) {
    throw new UserError('error.badArgument', {
      name: 'period',
      problem: t(ctx.lang, 'an.arg.period', { value: req.period }),
    });
  }
  const money = readMoney(ctx.wb, true);
  const data = ctx.data(['deals', 'clients']);
  const b = budgetVsActual(money.budget, money.spend, period, today);
  const a = acquisition({
    deals: data.deals,
    spend: money.spend,
    clients: data.clients,
    settings: data.settings,
    zone: ctx.zone,
    period,
    byMonth: false,
  });
  const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const line = (l: (typeof b.lines)[number]) => ({
    // «Реклама · Сайт», but not «Реклама · Реклама» when a line is named after its source.
    name: [l.line, sameText(l.line, l.source) ? '' : l.source].filter(Boolean).join(' · '),
    plan: l.plan,
    actual: l.actual,
    projection: l.projection,
    status: l.status,
  });
  const notes: string[] = [];
  if (a.unsourced.leads || a.unsourced.spend) {
    notes.push(
      t(ctx.lang, 'money.note.unsourced', {
        leads: a.unsourced.leads,
        spend: formatMoney(a.unsourced.spend, ctx.lang),
      }),
    );
  }
  const excluded = excludedNote(a.unconverted, ctx.lang);
  if (excluded) notes.push(excluded);
  return {
    period: period.label,
    title: periodName(period, ctx.lang),
    budget: b.lines.map(line),
    total: line(b.total),
    sources: a.rows.map((r) => ({
      source: r.source,
      spend: r.spend,
      leads: r.leads,
      won: r.won,
      revenue: r.revenue,
      cac: r.cac,
      romi: r.romi,
    })),
    notes,
  };
}
