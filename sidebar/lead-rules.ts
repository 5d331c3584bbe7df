/**
 * Live checks of the new-lead form with the CRM core's own pure parsers (src/core/workbook/normalize)
 * and the CRM's own messages, applying the rules the server's lead validation applies (name and
 * need required, a phone or an email, valid phone/email/INN/amount), so the browser never accepts
 * what the server would refuse. The server stays the authority: its field errors replace these on
 * save. (The CRM's `Checker` itself is not bundled: it drags the whole schema and every area's
 * messages into the page for the same rules.)
 */
import {
  normalizeEmail,
  normalizeInn,
  normalizePhone,
  parseAmount,
  parseDateText,
} from '../src/shared/normalize';
import type { LeadForm } from '../src/shared/contract';
import { tr, type SidebarKey } from './i18n';

export type LeadProblems = Partial<Record<keyof LeadForm, string>>;

const LABELS: Partial<Record<keyof LeadForm, SidebarKey>> = {
  clientName: 'sb.lead.client',
  phone: 'sb.lead.phone',
  email: 'sb.lead.email',
  inn: 'sb.lead.inn',
  need: 'sb.lead.need',
  amount: 'sb.lead.amountField',
  summary: 'sb.f.summary',
  nextStep: 'sb.f.nextStep',
  nextStepDate: 'sb.f.nextStepDate',
};

export function leadProblems(f: LeadForm): LeadProblems {
  const out: LeadProblems = {};
  const add = (k: keyof LeadForm, key: SidebarKey, params: Record<string, string> = {}) => {
    out[k] ??= tr(key, { field: tr(LABELS[k] ?? 'sb.lead.client'), ...params });
  };
  const text = (k: keyof LeadForm): string => String(f[k]).trim();
  const required = (k: keyof LeadForm) => {
    if (!text(k)) add(k, 'field.required');
  };

  required('clientName');
  if (text('phone') && !normalizePhone(text('phone')))
    add('phone', 'crm.field.phone', { value: text('phone') });
  if (text('email') && !normalizeEmail(text('email')))
    add('email', 'crm.field.email', { value: text('email') });
  if (!text('phone') && !text('email')) add('phone', 'crm.field.contactRequired');
  if (text('inn') && !normalizeInn(text('inn'))) {
    const digits = text('inn').replace(/\D/g, '');
    add(
      'inn',
      digits.length === 10 || digits.length === 12 ? 'crm.field.innCheck' : 'crm.field.inn',
      {
        value: text('inn'),
      },
    );
  }
  required('need');
  if (text('amount')) {
    const k = parseAmount(text('amount'));
    if (k === null || k < 0) add('amount', 'crm.field.amount', { value: text('amount') });
  }
  // The sidebar's own rule (the server's RPC layer checks it too): the first conversation and
  // the next step are captured with the lead.
  required('summary');
  required('nextStep');
  required('nextStepDate');
  if (text('nextStepDate') && !parseDateText(text('nextStepDate'))) {
    add('nextStepDate', 'crm.field.date', { value: text('nextStepDate') });
  }
  return out;
}
