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
} from '../../core/workbook/schema';
import { formatDay, type Day } from '../../core/time';
import type { Lang } from '../../core/types';
import { DuplicateIndex, duplicateFlag, mergeDecision } from '../../core/crm/duplicates';
import { mapImportHeader, rowToLead, type ImportField } from '../../core/crm/import';
import { toClient } from '../../core/workbook/records';
import { cutToCell } from '../../core/crm/validate';
import type { LeadInput } from '../../core/crm/types';
import { formSubmission, type FormSubmission } from '../../gas/form-event';
import { effectiveUserEmail } from '../../gas/session';
import {
  intakeTriggerUid,
  isIntakeTrigger,
  ProcessedResponses,
  responseKey,
} from '../setup/form-intake';
import { appendLog } from '../../gas/log';
import { addLeadIn } from './records';
import { Workbook } from '../../gas/workbook';
import { locked, type CrmSession } from './session';

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

type Outcome =
  | { kind: 'created'; created: ReturnType<typeof addLeadIn> }
  | { kind: 'blank' | 'repeat' | 'duplicateTrigger' };

export function onFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  const sub = formSubmission(e);
  const { ss, sheetName, answers } = sub;
  if (OUR_SHEETS.some((d) => d.ru === sheetName || d.en === sheetName)) return;
  let lang: Lang = 'ru';
  let today: Day | null = null;
  try {
    const result = locked(
      new Workbook(ss),
      (s): { outcome: Outcome; lang: Lang } => {
        lang = s.lang;
        today = s.today;
        const outcome = ((): Outcome => {
          // Only the workbook's one intake trigger makes leads; another removes itself.
          if (!isIntakeTrigger(sub.triggerUid, effectiveUserEmail())) {
            return { kind: 'duplicateTrigger' };
          }
          // Google now and then sends a second event with no answers: nothing to make a lead of.
          if (!Object.keys(answers).some((q) => !TIMESTAMP.test(q.trim())))
            return { kind: 'blank' };
          // A doubled trigger or a retried execution delivers the same response again.
          const key = responseKey(sheetName, sub.row, sub.timestamp);
          const done = new ProcessedResponses();
          if (key && done.has(key)) return { kind: 'repeat' };
          const created = createLead(s, answers);
          if (key) done.add(key);
          return { kind: 'created', created };
        })();
        return { outcome, lang: s.lang };
      },
      '',
    );
    logOutcome(ss, result.outcome, result.lang, sub);
  } catch (err) {
    // A busy lock or a broken sheet: keep the response where the head of sales will see it,
    // the contact first (a long answer must not push it past what the cell shows).
    appendLog(
      ss,
      { level: 'error', job: 'form', message: failureMessage(err, answers, lang, today) },
      lang,
    );
    throw err;
  }
}

function createLead(s: CrmSession, answers: Record<string, string>): ReturnType<typeof addLeadIn> {
  const lead = formLead(answers, s.lang, s.settings.sources ?? [], s.managers(), s.today);
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
      dup && !join ? [duplicateFlag(dup, s.lang), lead.need].filter(Boolean).join('\n') : lead.need,
  };
  try {
    return addLeadIn(s, input, { needOptional: true, contactOptional: true });
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
    return addLeadIn(s, retry, { needOptional: true, contactOptional: true });
  }
}

function logOutcome(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  outcome: Outcome,
  lang: Lang,
  sub: FormSubmission,
): void {
  let message: string;
  switch (outcome.kind) {
    case 'created':
      if (outcome.created.status !== 'created') return;
      message = t(lang, 'crm.log.formSubmit', {
        client: outcome.created.clientId,
        deal: outcome.created.dealId,
        manager: outcome.created.manager || '—',
      });
      break;
    case 'blank':
      message = t(lang, 'crm.log.formBlank', { row: sub.row });
      break;
    case 'repeat':
      message = t(lang, 'crm.log.formRepeat', { row: sub.row, timestamp: sub.timestamp });
      break;
    case 'duplicateTrigger':
      message = t(lang, 'crm.log.formDuplicateTrigger', {
        uid: sub.triggerUid,
        owner: intakeTriggerUid(),
      });
      break;
  }
  appendLog(ss, { level: 'info', job: 'form', message }, lang);
}

const TIMESTAMP = /^(отметка времени|timestamp)$/i;

/** The Log line of a response that did not become a lead: reason and contact, then the answers. */
export function failureMessage(
  err: unknown,
  answers: Record<string, string>,
  lang: Lang,
  today: Day | null = null,
): string {
  const reason = isUserError(err)
    ? [t(lang, err.key, err.params), ...err.fields.map((f) => t(lang, f.key, f.params ?? {}))]
        .filter(Boolean)
        .join('; ')
    : String((err as Error)?.message ?? err);
  let contact: LeadInput = { clientName: '', need: '' };
  try {
    contact = formLead(answers, lang, [], [], today);
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
  /** Today in the spreadsheet's zone: the label of a lead without a name carries it. */
  today: Day | null,
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
      `${lang === 'ru' ? 'Заявка из формы' : 'Form request'}` +
        (today === null ? '' : ` ${formatDay(today)}`);
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
