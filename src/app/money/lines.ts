/**
 * The deal card's lines (`dealLines`, `saveDealLines`): a manager works on their own deals only
 * (another's answers as missing), the head and the director on any. Saving runs under the lock:
 * each changed line is one setValues of its row, new lines one append, and the deal's amount is
 * rewritten from its lines through the CRM (validated, audited). A line over the seller's limit
 * is marked as awaiting approval and holds the deal at the gate (src/app/money/approvals.ts).
 */
import { isApproved, isRejected, sellerLimit } from '../../core/money/approvals';
import { planLines } from '../../core/money/edit-lines';
import { sealedOnce } from '../../core/money/seal';
import { discountLimits, lineDiscount, overLimit, unitPrice } from '../../core/money/lines';
import { UserError } from '../../core/errors';
import { t } from '../../core/i18n';
import type { Deal } from '../../core/types';
import type { DealLineItem, DealLinesView } from '../../shared/contract-money';
import type { Request } from '../../shared/methods';
import { DEAL_LINES } from '../../core/workbook/schema';
import * as crm from '../crm';
import type { Ctx } from '../rpc/context';
import { lineSeals } from './approvals';
import { readLines, readProducts } from './read';

function ownDeal(ctx: Ctx, dealId: string): Deal {
  const deal = ctx.wb.list('deals').find((d) => d.id === dealId);
  if (!deal || (ctx.me.role === 'manager' && deal.manager !== ctx.me.email)) {
    throw new UserError('error.notFound', { id: dealId });
  }
  return deal;
}

const limitOf = (ctx: Ctx, deal: Deal): number =>
  sellerLimit(deal.manager, ctx.wb.list('managers'), discountLimits(ctx.wb.settings));

function priceList(ctx: Ctx): DealLinesView['products'] {
  return readProducts(ctx.wb)
    .filter((p) => p.active)
    .map((p) => ({
      name: p.name,
      sku: p.sku,
      listPrice: p.listPrice ?? 0,
      currency: p.currency || ctx.wb.settings.currency,
    }));
}

export function dealLines(req: Request<'dealLines'>, ctx: Ctx): DealLinesView {
  if (!req.dealId.trim()) {
    // The new-lead form: the price list, and the limit of whoever is typing the lead.
    return {
      dealId: '',
      currency: ctx.wb.settings.currency,
      amount: null,
      limit: sellerLimit(ctx.me.email, ctx.wb.list('managers'), discountLimits(ctx.wb.settings)),
      lines: [],
      products: priceList(ctx),
    };
  }
  const deal = ownDeal(ctx, req.dealId);
  const limit = limitOf(ctx, deal);
  const all = readLines(ctx.wb);
  const sealed = sealedOnce(all, lineSeals());
  const lines: DealLineItem[] = all
    .filter((l) => l.dealId === deal.id)
    .map((l) => {
      const discount = lineDiscount(l);
      const state = isApproved(l, sealed)
        ? 'approved'
        : isRejected(l)
          ? 'rejected'
          : overLimit(discount, limit)
            ? 'pending'
            : '';
      return {
        row: l.row,
        product: l.product,
        sku: l.sku,
        quantity: l.quantity ?? 0,
        listPrice: l.listPrice,
        price: unitPrice(l) ?? 0,
        discount,
        currency: l.currency || deal.currency || ctx.wb.settings.currency,
        state,
        note: state && t(ctx.lang, `money.line.${state}`),
      };
    });
  return {
    dealId: deal.id,
    currency: deal.currency || ctx.wb.settings.currency,
    amount: deal.amount,
    limit,
    lines,
    products: priceList(ctx),
  };
}

const BLANK = Object.fromEntries(DEAL_LINES.columns.map((c) => [c.key, '']));

export function saveDealLines(req: Request<'saveDealLines'>, ctx: Ctx): DealLinesView {
  ctx.write(() => {
    const deal = ownDeal(ctx, req.dealId);
    // Read whole now (a missing or broken sheet stops the save before anything is written).
    ctx.wb.table('dealLines');
    const settings = ctx.wb.settings;
    const plan = planLines({
      dealId: deal.id,
      dealCurrency: deal.currency,
      existing: readLines(ctx.wb),
      requested: req.lines,
      products: readProducts(ctx.wb),
      limit: limitOf(ctx, deal),
      base: settings.currency,
      rates: settings.rates,
      lang: ctx.lang,
      sealed: lineSeals(),
    });
    for (const u of plan.update) ctx.wb.update('dealLines', u.row, u.cells);
    for (const row of plan.clear) ctx.wb.update('dealLines', row, BLANK);
    ctx.wb.append('dealLines', plan.append);
    if (plan.amount !== null && plan.amount !== deal.amount) {
      crm.updateDeal(ctx.wb, { id: deal.id, changes: { amount: plan.amount / 100 } });
    }
  });
  return dealLines(req, ctx);
}

/**
 * The lines of a lead being added (call under the lock, before the deal is written): priced and
 * checked like the deal card's, so a bad line stops the lead before anything is written. The
 * seller is whoever adds it (a manager's lead is theirs). `write` appends them to the new deal.
 */
export function leadLines(
  ctx: Ctx,
  requested: Request<'addLead'>['lines'],
): { amount: number | null; write: (dealId: string) => void } | null {
  if (!requested.length) return null;
  for (const r of requested) {
    if (r.row !== undefined) throw new UserError('error.notFound', { id: `:${r.row}` });
  }
  ctx.wb.table('dealLines');
  const settings = ctx.wb.settings;
  const plan = planLines({
    dealId: '',
    dealCurrency: '',
    existing: [],
    requested,
    products: readProducts(ctx.wb),
    limit: sellerLimit(ctx.me.email, ctx.wb.list('managers'), discountLimits(settings)),
    base: settings.currency,
    rates: settings.rates,
    lang: ctx.lang,
    // A new deal has no approval to carry over.
    sealed: () => false,
  });
  return {
    amount: plan.amount === null ? null : plan.amount / 100,
    write: (dealId) =>
      ctx.wb.append(
        'dealLines',
        plan.append.map((cells) => ({ ...cells, dealId })),
      ),
  };
}
