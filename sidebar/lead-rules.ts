/**
 * Live checks of the new-lead form with the CRM core's own `Checker` and lead columns
 * (src/core/crm): the same parsers, the same rules and the same messages the server applies when
 * the lead is saved, so the browser never accepts what the server would refuse. The server stays
 * the authority: its field errors replace these on save.
 */
import { LEAD_COLUMNS } from '../src/core/crm/ops';
import { Checker } from '../src/core/crm/validate';
import type { LeadForm } from '../src/shared/contract';
import { lang, tr, type SidebarKey } from './i18n';

export type LeadProblems = Partial<Record<keyof LeadForm, string>>;

/** The CRM's field names -> the form's input names (the server renames the same way). */
const FORM_FIELD: Record<string, keyof LeadForm> = {
  name: 'clientName',
  title: 'dealTitle',
  firstConversation: 'summary',
  firstConversationType: 'activityType',
};

export function leadProblems(f: LeadForm): LeadProblems {
  const ck = new Checker(LEAD_COLUMNS, lang());
  ck.text('name', f.clientName, true);
  ck.phone('phone', f.phone);
  ck.email('email', f.email);
  ck.inn('inn', f.inn);
  if (!f.phone.trim() && !f.email.trim()) ck.add('phone', 'crm.field.contactRequired');
  ck.text('need', f.need, true);
  ck.amount('amount', f.amount);
  // The sidebar's own rule (the server's RPC layer checks it too): the first conversation and
  // the next step are captured with the lead.
  ck.text('firstConversation', f.summary, true);
  ck.text('nextStep', f.nextStep, true);
  ck.day('nextStepDate', f.nextStepDate, true);
  const out: LeadProblems = {};
  for (const p of ck.problems) {
    const field = FORM_FIELD[p.field] ?? (p.field as keyof LeadForm);
    out[field] ??= tr(p.key as SidebarKey, p.params);
  }
  return out;
}
