/**
 * New lead from the sidebar: the duplicate lookup while typing and the save itself, both handed to
 * the CRM use-cases. A manager's lead is theirs; the head's goes by the workbook's assignment rule.
 * A duplicate owned by another manager is shown by name, owner and what matched, without its
 * contacts: enough to stop a double entry, no window into a colleague's base.
 */
import { findDuplicates as findIn } from '../../core/crm/duplicates';
import type { DuplicateCandidate } from '../../core/crm/types';
import type {
  AddLeadRequest,
  AddLeadResult,
  DuplicateClient,
  DuplicateQuery,
} from '../../shared/contract';
import * as crm from '../crm';
import { leadLines } from '../money/lines';
import type { Ctx } from './context';
import { requireFields } from './fields';
import { todayView } from './today';

function view(ctx: Ctx, hits: DuplicateCandidate[]): DuplicateClient[] {
  const data = ctx.data(['managers', 'clients']);
  const managers = new Map(data.managers.map((m) => [m.email, m.name]));
  const contacts = new Map(data.clients.map((c) => [c.id, c.contactName]));
  return hits.slice(0, 5).map((h) => {
    const visible = ctx.me.role !== 'manager' || h.manager === ctx.me.email;
    return {
      id: h.clientId,
      name: h.name,
      inn: visible ? h.inn : '',
      phone: visible ? h.phone : '',
      email: visible ? h.email : '',
      contactName: visible ? (contacts.get(h.clientId) ?? '') : '',
      manager: managers.get(h.manager) || h.manager,
      matchedOn: h.matchedOn,
      canOpen: visible,
    };
  });
}

export function findDuplicates(q: DuplicateQuery, ctx: Ctx): DuplicateClient[] {
  const hits = findIn(
    { name: q.clientName, inn: q.inn, phone: q.phone, email: q.email },
    ctx.wb.list('clients'),
  );
  return view(ctx, hits);
}

export function addLead(req: AddLeadRequest, ctx: Ctx): AddLeadResult {
  const l = req.lead;
  // The first conversation and what comes next are captured with the lead (the head's rule);
  // the CRM use-case checks everything else (name, need, contacts, amount).
  requireFields(ctx, [
    ['summary', l.summary, 'sb.f.summary'],
    ['nextStep', l.nextStep, 'sb.f.nextStep'],
    ['nextStepDate', l.nextStepDate, 'sb.f.nextStepDate'],
  ]);
  // Field problems come back named by record field; the method table renames them to the form's.
  const result = ctx.write(() => {
    // Lines (if any) are checked first and set the amount; they go in with the deal, one lock.
    const lines = leadLines(ctx, req.lines);
    const added = crm.addLead(ctx.wb, {
      clientName: l.clientName,
      inn: l.inn,
      contactName: l.contactName,
      phone: l.phone,
      email: l.email,
      source: l.source,
      manager: ctx.me.role === 'manager' ? ctx.me.email : '',
      need: l.need,
      title: l.dealTitle,
      amount: lines ? lines.amount : l.amount || null,
      firstConversation: l.summary,
      firstConversationType: l.activityType || undefined,
      nextStep: l.nextStep,
      nextStepDate: l.nextStepDate || null,
      force: req.force,
    });
    if (lines && added.status === 'created') lines.write(added.dealId);
    return added;
  });
  if (result.status === 'duplicates')
    return { status: 'duplicates', duplicates: view(ctx, result.duplicates) };
  return {
    status: 'added',
    clientId: result.clientId,
    dealId: result.dealId,
    today: todayView(ctx),
  };
}
