/**
 * Google Form responses (installable form-submit trigger on the spreadsheet): each response becomes
 * a lead. The questions are matched by title with the import's aliases; answers that map to no field
 * are kept in the deal's need, and values that fail validation (a mistyped phone) are kept there too
 * rather than lost. A returning client gets a new deal on the existing card. Nothing is dropped:
 * if even that fails, the response is written to the Log sheet with the reason.
 */
import { isUserError } from '../../core/errors';
import { t } from '../../core/i18n';
import {
  ACTIVITIES,
  CLIENTS,
  DEALS,
  INVOICES,
  LOG,
  MANAGERS,
  PLANS,
  SENT_LOG,
  STAGE_HISTORY,
} from '../../core/schema';
import { formatDay } from '../../core/time';
import { DuplicateIndex, duplicateFlag, mergeDecision } from '../../core/crm/duplicates';
import { mapImportHeader, rowToLead, type ImportField } from '../../core/crm/import';
import { toClient } from '../../core/crm/records';
import { cutToCell } from '../../core/crm/validate';
import type { Lang } from '../../core/types';
import type { LeadInput } from '../../core/crm/types';
import { formSubmission } from '../../gas/form-event';
import { appendLog } from '../../gas/log';
import { addLeadIn } from './records';
import { Workbook } from '../../gas/workbook';
import { locked } from './session';

const OUR_SHEETS = [
  MANAGERS,
  CLIENTS,
  DEALS,
  ACTIVITIES,
  STAGE_HISTORY,
  PLANS,
  INVOICES,
  LOG,
  SENT_LOG,
];

export function onFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const { ss, sheetName, answers } = formSubmission(e);
  if (OUR_SHEETS.some((d) => d.ru === sheetName || d.en === sheetName)) return;
  let lang: Lang = 'ru';
  try {
    const result = locked(
      new Workbook(ss),
      (s) => {
        lang = s.lang;
        const lead = formLead(answers, s.lang, s.settings.sources ?? [], s.managers());
        const dup = new DuplicateIndex(s.table('clients').records.map(toClient)).find({
          name: lead.clientName,
          phone: lead.phone,
          email: lead.email,
          inn: lead.inn,
        })[0];
        // Only a clean match joins the existing card; anything else is a new, flagged client.
        const join = dup && mergeDecision(lead, dup) === 'merge';
        const input: LeadInput = {
          ...lead,
          force: true,
          existingClientId: join ? dup.clientId : undefined,
          need:
            dup && !join
              ? [duplicateFlag(dup, s.lang), lead.need].filter(Boolean).join('\n')
              : lead.need,
        };
        let created;
        try {
          created = addLeadIn(s, input, { needOptional: true, contactOptional: true });
        } catch (err) {
          if (!isUserError(err) || !err.fields.length) throw err;
          // Keep what could not be validated in the need, so the manager still sees it.
          const bad = new Set(err.fields.map((f) => f.field));
          const kept = (['phone', 'email', 'inn', 'amount'] as const).filter(
            (f) => bad.has(f) && input[f],
          );
          const note = kept.map((f) => `${f}: ${String(input[f])}`).join('\n');
          const retry: LeadInput = {
            ...input,
            need: cutToCell([input.need, note].filter(Boolean).join('\n'), s.lang),
          };
          for (const f of kept) retry[f] = '' as never;
          created = addLeadIn(s, retry, { needOptional: true, contactOptional: true });
        }
        return { created, lang: s.lang };
      },
      '',
    );
    if (result.created.status === 'created') {
      appendLog(
        ss,
        {
          level: 'info',
          job: 'form',
          message: t(result.lang, 'crm.log.formSubmit', {
            client: result.created.clientId,
            deal: result.created.dealId,
            manager: result.created.manager || '—',
          }),
        },
        result.lang,
      );
    }
  } catch (err) {
    // A busy lock or a broken sheet: keep the response where the head of sales will see it,
    // the contact first (a long answer must not push it past what the cell shows).
    appendLog(
      ss,
      { level: 'error', job: 'form', message: failureMessage(err, answers, lang) },
      lang,
    );
    throw err;
  }
}

const TIMESTAMP = /^(отметка времени|timestamp)$/i;

/** The Log line of a response that did not become a lead: reason and contact, then the answers. */
export function failureMessage(err: unknown, answers: Record<string, string>, lang: Lang): string {
  const reason = isUserError(err)
    ? [t(lang, err.key, err.params), ...err.fields.map((f) => t(lang, f.key, f.params ?? {}))]
        .filter(Boolean)
        .join('; ')
    : String((err as Error)?.message ?? err);
  let contact: LeadInput = { clientName: '', need: '' };
  try {
    contact = formLead(answers, lang, [], []);
  } catch {
    // The answers themselves follow below.
  }
  return t(lang, 'crm.log.formFailed', {
    reason,
    name: [contact.clientName, contact.contactName].filter(Boolean).join(', ') || '—',
    phone: contact.phone || '—',
    email: contact.email || '—',
    answers: JSON.stringify(answers),
  });
}

/** A lead from a form's answers: mapped questions, the rest appended to the need. */
export function formLead(
  answers: Record<string, string>,
  lang: 'ru' | 'en',
  sources: readonly string[],
  managers: Parameters<typeof rowToLead>[1],
): LeadInput {
  const questions = Object.keys(answers).filter((q) => !TIMESTAMP.test(q.trim()));
  const mapping = mapImportHeader(questions);
  const values: Partial<Record<ImportField, string[]>> = {};
  const extra: string[] = [];
  mapping.forEach((m, i) => {
    const v = answers[questions[i]];
    if (m.field) (values[m.field] ??= []).push(v);
    else extra.push(`${questions[i]}: ${v}`);
  });
  const source =
    sources.find((x) => /форм|form/i.test(x)) ?? (lang === 'ru' ? 'Google Форма' : 'Google Form');
  const { lead } = rowToLead({ line: 0, values }, managers, { source, lang });
  lead.source = values.source?.[0] ?? source;
  lead.need = [lead.need, ...extra].filter(Boolean).join('\n');
  if (!lead.clientName) {
    lead.clientName =
      lead.email ||
      lead.phone ||
      `${lang === 'ru' ? 'Заявка из формы' : 'Form request'} ${formatDay(Math.floor(Date.now() / 86_400_000))}`;
  }
  if (!lead.title)
    lead.title = `${lang === 'ru' ? 'Заявка с формы' : 'Form request'}: ${lead.clientName}`;
  // An answer longer than a cell holds is cut with a visible marker: the lead is still made.
  for (const f of ['clientName', 'contactName', 'title', 'need', 'source'] as const) {
    const v = lead[f];
    if (typeof v === 'string') lead[f] = cutToCell(v, lang);
  }
  return lead;
}
