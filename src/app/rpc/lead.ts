/**
 * New lead from the sidebar: the duplicate lookup while typing and the save itself, both handed to
 * the CRM use-cases. A manager's lead is theirs; the head's goes by the workbook's assignment rule.
 * A duplicate owned by another manager is shown by name, owner and what matched, without its
 * contacts: enough to stop a double entry, no window into a colleague's base.
 */
import { findDuplicates as findIn } from '../../core/crm/duplicates';
import type { DuplicateCandidate } from '../../core/crm/types';
import type {
  ActivityKind,
  AddLeadRequest,
  AddLeadResult,
  DuplicateClient,
  DuplicateQuery,
  LeadForm,
} from '../../shared/contract';
import * as crm from '../crm';
import * as check from './check';
import type { Ctx } from './context';
import { renameFields, requireFields } from './fields';
import { todayView } from './today';

const TYPES: readonly (ActivityKind | '')[] = ['', 'call', 'meeting', 'email', 'message'];

/** CRM field names -> the form's input names. */
const LEAD_FIELDS: Record<string, string> = {
  name: 'clientName',
  title: 'dealTitle',
  firstConversation: 'summary',
  firstConversationType: 'activityType',
};

export function checkDuplicateQuery(p: unknown): DuplicateQuery {
  const o = check.object(p);
  return {
    clientName: check.text(o, 'clientName', 500),
    inn: check.text(o, 'inn', 40),
    phone: check.text(o, 'phone', 60),
    email: check.text(o, 'email', 320),
  };
}

export function checkAddLead(p: unknown): AddLeadRequest {
  const o = check.object(p);
  const l = check.object(o.lead);
  const lead: LeadForm = {
    clientName: check.text(l, 'clientName', 500),
    inn: check.text(l, 'inn', 40),
    contactName: check.text(l, 'contactName', 500),
    phone: check.text(l, 'phone', 60),
    email: check.text(l, 'email', 320),
    source: check.text(l, 'source', 200),
    need: check.text(l, 'need'),
    dealTitle: check.text(l, 'dealTitle', 500),
    amount: check.text(l, 'amount', 40),
    activityType: l.activityType === undefined ? '' : check.oneOf(l, 'activityType', TYPES),
    summary: check.text(l, 'summary'),
    nextStep: check.text(l, 'nextStep', 1000),
    nextStepDate: check.text(l, 'nextStepDate', 20),
  };
  return { lead, force: check.bool(o, 'force') };
}

function view(ctx: Ctx, hits: DuplicateCandidate[]): DuplicateClient[] {
  const data = ctx.data();
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
    ctx.data().clients,
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
  const result = ctx.write(() =>
    renameFields(
      () =>
        crm.addLead(ctx.wb, {
          clientName: l.clientName,
          inn: l.inn,
          contactName: l.contactName,
          phone: l.phone,
          email: l.email,
          source: l.source,
          manager: ctx.me.role === 'manager' ? ctx.me.email : '',
          need: l.need,
          title: l.dealTitle,
          amount: l.amount || null,
          firstConversation: l.summary,
          firstConversationType: l.activityType || undefined,
          nextStep: l.nextStep,
          nextStepDate: l.nextStepDate || null,
          force: req.force,
        }),
      LEAD_FIELDS,
    ),
  );
  if (result.status === 'duplicates')
    return { status: 'duplicates', duplicates: view(ctx, result.duplicates) };
  return {
    status: 'added',
    clientId: result.clientId,
    dealId: result.dealId,
    today: todayView(ctx),
  };
}
