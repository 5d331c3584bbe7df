/**
 * One run of the reminders job: read the workbook once, decide what today owes (the calendar
 * decides working days, Mondays and first working days of the month), plan every email in
 * priority order, and hand them to the engine, which reserves, sends outside the lock, marks,
 * stops before the time limit and defers on an empty quota. Writes one line to the Log sheet and
 * the run's result to the document's properties for the sidebar.
 */
import { readMoney } from '../money/read';
import { isUserError } from '../../core/errors';
import { t } from '../../core/i18n';
import { classifyError } from '../../core/reminders/classify';
import {
  DEFAULT_BUDGET_MS,
  runEngine,
  withRetry,
  type EngineResult,
} from '../../core/reminders/engine';
import { kindsForDay, planEnvelopes, recipientsOf } from '../../core/reminders/plan';
import { dayContent } from '../../core/reminders/source';
import type { MailKind, RenderContext } from '../../core/reminders/types';
import { CLIENTS, DEALS, INVOICES } from '../../core/workbook/schema';
import { dayOfInstant, isoDay } from '../../core/time';
import type { Lang } from '../../core/types';
import { StateStore, type RunSummary } from './state';
import { appendLog } from '../../gas/log';
import { mailPort } from '../../gas/mail';
import { newUuid, sleep } from '../../gas/runtime';
import { sheetLinks, spreadsheetId, spreadsheetName } from '../../gas/spreadsheet';
import { SentLogSheet } from '../../gas/sent-log-sheet';
import type { Workbook } from '../../gas/workbook';
import { SentLog } from './sent-log';
import { reportRecipientsGate } from './confirmed';
import { escalatesOn, prepareTaskMail, withTaskMail } from '../tasks/reminders';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const JOB_NAME = 'reminders';
/** Gmail clips messages over ~102 KB; staying under it keeps the whole digest visible on a phone. */
export const MAX_MAIL_BYTES = 100_000;

export interface RunOptions {
  /** Started from the menu or sidebar: daily mail goes out even on a day off. */
  manual?: boolean;
  /** Only these kinds (e.g. the weekly report on demand). */
  only?: readonly MailKind[];
  /** When the execution started (defaults to now): the time budget counts from it. */
  startedAt?: number;
  budgetMs?: number;
}

function summaryOf(day: string, r: EngineResult, invalid: number): RunSummary {
  return {
    day,
    sent: r.sent.length,
    deferred: r.deferred.length,
    failed: r.failed.length,
    skipped: r.skipped.length,
    done: r.done,
    busy: r.busy,
    quotaLeft: r.quotaLeft,
    stoppedBy: r.stoppedBy,
    invalid,
  };
}

/**
 * Runs the job on `ss`, which the caller opened (the entry point decides which file a trigger
 * serves). Never throws for mail, quota or time problems; returns the summary. */
export function runReminders(wb: Workbook, opts: RunOptions = {}): RunSummary {
  const ss = wb.ss;
  const startedAt = opts.startedAt ?? Date.now();
  const state = new StateStore(spreadsheetId(ss));
  let lang: Lang = 'ru';
  let day = isoDay(dayOfInstant(startedAt, wb.zone));
  try {
    const taskMail = prepareTaskMail(wb, Date.now());
    const data = wb.data();
    const zone = wb.zone;
    lang = data.settings.lang;
    const now = Date.now();
    const crm = dayContent(data, now, zone, readMoney(wb, true));
    const today = crm.selections.day;
    const dc = taskMail ? withTaskMail(taskMail, crm, today) : crm;
    day = isoDay(today);
    let kinds = kindsForDay(today, dc, data.settings.workingDaysOnly);
    if (opts.manual && !kinds.includes('digest')) kinds = ['summary', 'digest', ...kinds];
    if (kinds.length && escalatesOn(taskMail, today)) kinds.push('escalation');
    if (opts.only) kinds = opts.only.slice();

    const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
    const clock = { now: () => Date.now(), sleep };
    const retry = <T>(fn: () => T): T => withRetry(fn, clock, { startedAt, budgetMs });
    const sentLog = new SentLog(new SentLogSheet(ss, zone, lang), state);
    const entries = retry(() => sentLog.load(now, today));
    const gate = reportRecipientsGate(wb, data.managers, data.settings.reportRecipients);
    if (gate.held.length) {
      const message = t(lang, 'guard.recipientsHeld', { emails: gate.held.join(', ') });
      appendLog(ss, { level: 'warn', job: JOB_NAME, message }, lang);
    }
    const recipients = recipientsOf(data.managers, gate.allowed);
    const ctx: RenderContext = {
      lang,
      currency: data.settings.currency || 'RUB',
      links: sheetLinks(ss, [DEALS, CLIENTS, INVOICES]),
      spreadsheetName: spreadsheetName(ss),
      maxBytes: MAX_MAIL_BYTES,
    };
    const planned = planEnvelopes({
      today,
      kinds,
      digests: dc.digests,
      recipients,
      entries: opts.only ? [] : entries,
      content: dc.content,
      ctx,
    });
    retry(() => sentLog.supersede(planned.superseded, `superseded by ${day}`, now));

    const runId = newUuid();
    const result = runEngine(
      planned.envelopes,
      { ...clock, log: sentLog, mail: mailPort },
      { runId, startedAt, budgetMs },
    );
    const summary = summaryOf(day, result, recipients.invalid.length);
    writeRunLog(ss, lang, summary, result, recipients.invalid, kinds.length === 0, startedAt);
    const healthy = result.stoppedBy !== 'fatal' && result.stoppedBy !== 'storage';
    const firstError = result.errors[0];
    state.update({
      lastRunAt: Date.now(),
      ...(healthy ? { lastSuccessAt: Date.now(), lastResult: summary } : {}),
      lastError: firstError ? `${firstError.id}: ${firstError.raw}` : '',
    });
    return summary;
  } catch (e) {
    const text = isUserError(e) ? t(lang, e.key, e.params) : classifyError(e).raw;
    appendLog(
      ss,
      { level: 'error', job: JOB_NAME, message: t(lang, 'rem.log.failed', { day, error: text }) },
      lang,
    );
    try {
      state.update({ lastRunAt: Date.now(), lastError: text });
    } catch {
      // The properties store failing too leaves only the Log line and the execution log.
    }
    if (opts.manual) throw e;
    return {
      day,
      sent: 0,
      deferred: 0,
      failed: 0,
      skipped: 0,
      done: 0,
      busy: 0,
      quotaLeft: -1,
      stoppedBy: 'fatal',
      invalid: 0,
    };
  }
}

function writeRunLog(
  ss: Spreadsheet,
  lang: Lang,
  s: RunSummary,
  r: EngineResult,
  invalid: ReadonlyArray<{ name: string; email: string }>,
  dayOff: boolean,
  startedAt: number,
): void {
  if (dayOff && r.sent.length + r.deferred.length + r.failed.length === 0) {
    appendLog(
      ss,
      { level: 'info', job: JOB_NAME, message: t(lang, 'rem.log.notWorkingDay', { day: s.day }) },
      lang,
    );
    return;
  }
  const parts = [
    t(lang, 'rem.log.run', {
      day: s.day,
      sent: s.sent,
      deferred: s.deferred,
      failed: s.failed,
      skipped: s.skipped,
      done: s.done,
      quota: s.quotaLeft,
      elapsed: Math.round((Date.now() - startedAt) / 1000),
    }),
  ];
  if (r.stoppedBy) parts.push(`stop: ${r.stoppedBy}`);
  for (const m of invalid)
    parts.push(t(lang, 'rem.log.invalidEmail', { name: m.name, email: m.email }));
  for (const e of r.errors.slice(0, 10)) {
    parts.push(
      t(lang, 'rem.log.mailError', {
        kind: e.key.kind,
        to: e.key.recipient,
        class: `${e.cls}/${e.id}`,
        error: e.raw,
      }),
    );
  }
  const level =
    r.stoppedBy === 'fatal' || r.stoppedBy === 'storage'
      ? 'error'
      : r.errors.length || invalid.length
        ? 'warn'
        : 'info';
  appendLog(ss, { level, job: JOB_NAME, message: parts.join('\n') }, lang);
}
