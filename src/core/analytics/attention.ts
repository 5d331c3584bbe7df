/**
 * The one selection of "what needs attention today" that the Today panel and the reminder emails
 * both show: every deal at most once, in its most pressing list (an unprocessed lead, else a
 * forgotten deal, else an overdue next step, else a missing one), forgotten clients, and overdue
 * invoices one by one (each with its own number and amount), plus the next steps planned for
 * today. `count` is the number the panel's badge and the digest's subject both show.
 */
import type { Kopecks } from '../money';
import type { Day } from '../time';
import type { Client, Deal, Invoice, WorkbookData } from '../types';
import { indexActivities } from './activity-index';
import type { AsOf } from './context';
import {
  dealsWithoutNextStep,
  forgottenClients,
  forgottenDeals,
  overdueNextSteps,
  unprocessedLeads,
  type AttentionItem,
} from './forgotten';
import { outstandingOn } from './receivables';
import { stagesOf } from './settings';

export interface OverdueInvoice {
  invoice: Invoice;
  /** The client's manager (else the deal's), lower-case email. */
  manager: string;
  clientName: string;
  /** Still to be paid, in the invoice's own currency. */
  outstanding: Kopecks;
  daysOverdue: number;
}

export interface Attention {
  unprocessed: AttentionItem<Deal>[];
  forgotten: AttentionItem<Deal>[];
  overdueSteps: AttentionItem<Deal>[];
  noNextStep: AttentionItem<Deal>[];
  forgottenClients: AttentionItem<Client>[];
  overdueInvoices: OverdueInvoice[];
  /** Open deals whose next step is due today (not a problem: the day's plan). */
  dueToday: Deal[];
  /** Items that need attention (everything above but the day's plan). */
  count: number;
}

const lower = (s: string): string => s.trim().toLowerCase();

export function overdueInvoiceList(data: WorkbookData, today: Day): OverdueInvoice[] {
  const clients = new Map(data.clients.map((c) => [c.id, c]));
  const deals = new Map(data.deals.map((d) => [d.id, d]));
  const out: OverdueInvoice[] = [];
  for (const invoice of data.invoices) {
    if (invoice.dueDate === null || invoice.dueDate >= today) continue;
    const outstanding = outstandingOn(invoice, today);
    if (outstanding <= 0) continue;
    const client = clients.get(invoice.clientId);
    const deal = deals.get(invoice.dealId);
    out.push({
      invoice,
      manager: lower(client?.manager || deal?.manager || ''),
      clientName: client?.name || deal?.clientName || invoice.clientId,
      outstanding,
      daysOverdue: today - invoice.dueDate,
    });
  }
  return out.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue ||
      b.outstanding - a.outstanding ||
      (a.invoice.id < b.invoice.id ? -1 : 1),
  );
}

export function attentionOf(data: WorkbookData, asOf: AsOf): Attention {
  const opts = {
    stages: stagesOf(data.settings),
    index: indexActivities(data.activities, asOf.now),
  };
  const seen = new Set<string>();
  const once = (items: AttentionItem<Deal>[]): AttentionItem<Deal>[] =>
    items.filter((it) => !seen.has(it.record.id) && (seen.add(it.record.id), true));
  const unprocessed = once(unprocessedLeads(data, asOf, opts).items);
  const forgotten = once(forgottenDeals(data, asOf, opts).items);
  const overdueSteps = once(overdueNextSteps(data, asOf, opts).items);
  const noNextStep = once(dealsWithoutNextStep(data, asOf, opts).items);
  const clients = forgottenClients(data, asOf, opts).items;
  const overdueInvoices = overdueInvoiceList(data, asOf.day);
  const dueToday = data.deals.filter(
    (d) =>
      d.nextStepDate === asOf.day &&
      opts.stages.kindOf(d.stage) === 'open' &&
      !(d.snoozedUntil !== null && d.snoozedUntil > asOf.day),
  );
  return {
    unprocessed,
    forgotten,
    overdueSteps,
    noNextStep,
    forgottenClients: clients,
    overdueInvoices,
    dueToday,
    count:
      unprocessed.length +
      forgotten.length +
      overdueSteps.length +
      noNextStep.length +
      clients.length +
      overdueInvoices.length,
  };
}

/** The part of an attention selection that belongs to one manager. */
export function attentionFor(all: Attention, email: string): Attention {
  const me = lower(email);
  const mine = <T extends { manager: string }>(xs: T[]): T[] =>
    xs.filter((x) => lower(x.manager) === me);
  const out = {
    unprocessed: mine(all.unprocessed),
    forgotten: mine(all.forgotten),
    overdueSteps: mine(all.overdueSteps),
    noNextStep: mine(all.noNextStep),
    forgottenClients: mine(all.forgottenClients),
    overdueInvoices: mine(all.overdueInvoices),
    dueToday: mine(all.dueToday),
  };
  return {
    ...out,
    count:
      out.unprocessed.length +
      out.forgotten.length +
      out.overdueSteps.length +
      out.noNextStep.length +
      out.forgottenClients.length +
      out.overdueInvoices.length,
  };
}
