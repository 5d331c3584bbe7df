/**
 * The deal card (`dealCard`): one deal with its client, history and invoices, from one read of each
 * sheet it needs. A manager sees only their own deals — another's gets the same answer as a missing
 * one, so ids tell nothing — while the head and the director see any.
 */
import { StageIndex } from '../../core/analytics/stages';
import { dealHistory } from '../../core/crm/deal-card';
import { UserError } from '../../core/errors';
import type { DealCardView } from '../../shared/contract-deal-card';
import type { Request } from '../../shared/methods';
import type { Ctx } from './context';
import { dealItem, iso, isoAt } from './today';

export function dealCard(req: Request<'dealCard'>, ctx: Ctx): DealCardView {
  const data = ctx.data(['clients', 'deals', 'activities', 'stageHistory', 'invoices']);
  const h = dealHistory(data, req.dealId);
  if (!h || (ctx.me.role === 'manager' && h.deal.manager !== ctx.me.email)) {
    throw new UserError('error.notFound', { id: req.dealId });
  }
  const currency = data.settings.currency;
  const names = new Map(ctx.wb.list('managers').map((m) => [m.email, m.name || m.email]));
  const who = (email: string): string => names.get(email) ?? email;
  const { deal, client } = h;
  const money = (amount: number, cur: string) => ({ amount, currency: cur || currency });
  return {
    deal: dealItem(
      deal.clientName ? deal : { ...deal, clientName: client?.name ?? '' },
      currency,
      null,
    ),
    open: new StageIndex(data.settings.stages).kindOf(deal.stage) === 'open',
    manager: who(deal.manager),
    client: client && {
      id: client.id,
      name: client.name,
      contact: client.contactName,
      phone: client.phone,
      email: client.email,
    },
    activities: h.activities.map((a) => ({
      id: a.id,
      at: isoAt(a.at),
      type: a.type,
      summary: a.summary,
      by: who(a.manager),
    })),
    moreActivities: h.moreActivities,
    stages: h.stageChanges.map((s) => ({
      at: isoAt(s.at),
      from: s.fromStage,
      to: s.toStage,
      by: who(s.by),
    })),
    invoices: h.invoices.map((i) => ({
      id: i.id,
      number: i.number,
      amount: money(i.amount, i.currency),
      paid: money(i.paidAmount, i.currency),
      dueDate: iso(i.dueDate),
      paidAt: iso(i.paidAt),
    })),
  };
}
