/**
 * Reminders behind the entry points: the time-driven job, the menu items and the sidebar's
 * settings (status, on/off, weekly report now). Works container-bound and as an editor add-on:
 * a trigger run without an active spreadsheet opens the one stored under its trigger uid.
 */
import { t } from '../core/i18n';
import { isUserError, UserError } from '../core/errors';
import type { MailKind } from '../core/reminders/types';
import { currentUserEmail, spreadsheet } from '../gas/context';
import { runReminders, JOB_NAME } from './reminders/job';
import { triggerTarget } from '../gas/job-store';
import { StateStore, type RunSummary } from './reminders/state';
import { appendLog } from '../gas/log';
import { effectiveUserEmail, isAuthorised } from '../gas/session';
import { storedLang } from '../gas/settings-lang';
import {
  installDailyTrigger,
  jobTriggers,
  removeJobTriggers,
  removeTriggerByUid,
} from '../gas/triggers';
import { activeSpreadsheet, openSpreadsheet, spreadsheetId, toast } from '../gas/spreadsheet';
import { Workbook } from '../gas/workbook';
import { requirePermissions } from './permissions';
import { writeToday } from './setup/today';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A daily job that has not succeeded for this long needs a look. */
export const STALE_MS = 26 * 3_600_000;

export interface RemindersStatus {
  enabled: boolean;
  /** Email of the user whose trigger sends the mail ('' when off or unknown). */
  owner: string;
  /** Whether the caller has the job trigger installed on this spreadsheet. */
  mine: boolean;
  hour: number;
  /** Epoch ms (google.script.run turns Dates into null, numbers survive). */
  lastSuccessAt: number | null;
  lastRunAt: number | null;
  lastResult: RunSummary | null;
  stale: boolean;
  lastError: string;
}

function effectiveUser(): string {
  return currentUserEmail() || effectiveUserEmail();
}

function statusOf(ss: Spreadsheet): RemindersStatus {
  const s = new StateStore(spreadsheetId(ss)).read();
  const now = Date.now();
  const since = s.lastSuccessAt || s.enabledAt;
  return {
    enabled: s.enabled,
    owner: s.enabled ? s.owner : '',
    mine: jobTriggers(ss).length > 0,
    hour: s.hour,
    lastSuccessAt: s.lastSuccessAt || null,
    lastRunAt: s.lastRunAt || null,
    lastResult: s.lastResult,
    stale: s.enabled && since > 0 && now - since > STALE_MS,
    lastError: s.lastError,
  };
}

export function remindersStatus(ss: Spreadsheet): RemindersStatus {
  return statusOf(ss);
}

/**
 * Turns the daily reminders on or off, idempotently. On: exactly one trigger at the Settings hour,
 * owned by the caller; when another editor's trigger already serves the file, nothing is added.
 * Off: the caller's trigger goes now; another owner's trigger removes itself at its next run.
 */
export function setReminders(wb: Workbook, on: boolean): RemindersStatus {
  const ss = wb.ss;
  const store = new StateStore(spreadsheetId(ss));
  const user = effectiveUser();
  const state = store.read();
  if (on) {
    requirePermissions('reminders', wb.lang);
    if (state.enabled && state.owner && user && state.owner !== user) return statusOf(ss);
    const hour = wb.settings.reminderHour;
    const current = state.enabled && (state.owner === user || !state.owner) ? state.hour : -1;
    const res = installDailyTrigger(ss, Number.isFinite(hour) ? hour : 9, current);
    store.update({
      enabled: true,
      owner: user,
      triggerUid: res.uid,
      hour,
      enabledAt: state.enabled ? state.enabledAt : Date.now(),
    });
  } else {
    removeJobTriggers(ss);
    store.update({ enabled: false, triggerUid: '', enabledAt: 0 });
  }
  return statusOf(ss);
}

/** Sends the weekly plan-fact report now (once per day: a second click sends nothing twice). */
export function sendWeeklyReportNow(wb: Workbook): RunSummary {
  requirePermissions('sendNow', wb.lang);
  return runReminders(wb, { manual: true, only: ['weekly'] as MailKind[] });
}

/** Menu items show Apps Script's error box: a UserError becomes its text in the user's language. */
function menuAction(fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (isUserError(e)) throw new Error(t(storedLang(), e.key, e.params));
    throw e;
  }
}

export function menuRemindersOn(wb = new Workbook(spreadsheet())): void {
  menuAction(() => {
    const s = setReminders(wb, true);
    if (s.enabled && !s.mine && s.owner) {
      throw new UserError('rem.error.ownedByOther', { owner: s.owner });
    }
    toast(wb.ss, t(wb.lang, 'rem.toast.on', { hour: s.hour }));
  });
}

export function menuRemindersOff(wb = new Workbook(spreadsheet())): void {
  menuAction(() => {
    setReminders(wb, false);
    toast(wb.ss, t(wb.lang, 'rem.toast.off'));
  });
}

export function menuRunRemindersNow(wb = new Workbook(spreadsheet())): void {
  menuAction(() => runNowFromMenu(wb));
}

function runNowFromMenu(wb: Workbook): void {
  requirePermissions('sendNow', wb.lang);
  const s = runReminders(wb, { manual: true });
  const lang = wb.lang;
  toast(
    wb.ss,
    t(lang, 'rem.log.run', {
      day: s.day,
      sent: s.sent,
      deferred: s.deferred,
      failed: s.failed,
      skipped: s.skipped,
      done: s.done,
      quota: s.quotaLeft,
      elapsed: '-',
    }),
  );
}

/** The daily trigger. Decides itself whether there is anything to do today. */
export function runScheduledJob(e?: GoogleAppsScript.Events.TimeDriven): void {
  const startedAt = Date.now();
  const uid = e && e.triggerUid ? String(e.triggerUid) : '';
  let ss = activeSpreadsheet();
  if (!ss) {
    const id = uid ? triggerTarget(uid) : null;
    if (!id) {
      // A trigger that does not know its file can only fail every day: remove it.
      if (uid) removeTriggerByUid(uid);
      console.error(`ROP Desk: trigger ${uid || '?'} has no stored spreadsheet; removed`);
      return;
    }
    // Needs the `spreadsheets` scope (an add-on deployment; see docs/reminders.md). A failure
    // here fails the execution visibly and keeps the trigger: the file may be back tomorrow.
    ss = openSpreadsheet(id);
  }
  const store = new StateStore(spreadsheetId(ss));
  const state = store.read();
  const lang = storedLang();
  // Without the document's store (an add-on run may get none) the switch cannot be read here:
  // the trigger exists, so the reminders are on.
  // Only the trigger whose uid was stored when the head turned reminders on may run the job (a
  // google.script.run call cannot carry it; see SECURITY.md).
  if (store.shared && (!state.enabled || !uid || state.triggerUid !== uid)) {
    // Turned off by another editor, or a duplicate/leftover trigger: it removes itself. A uid
    // that is no trigger of the caller's is a forged call: it leaves no trace.
    if (uid && removeTriggerByUid(uid)) {
      appendLog(ss, { level: 'info', job: JOB_NAME, message: t(lang, 'rem.log.disabled') }, lang);
    }
    return;
  }
  if (!isAuthorised()) {
    const text = t(lang, 'rem.error.needsAuth');
    store.update({ lastRunAt: Date.now(), lastError: text });
    appendLog(ss, { level: 'error', job: JOB_NAME, message: text }, lang);
    return;
  }
  const wb = new Workbook(ss);
  // The daily run moves ROP_TODAY to the new day: formulas taking it as asOf recalculate.
  writeToday(ss, wb.zone, startedAt);
  runReminders(wb, { startedAt });
}
