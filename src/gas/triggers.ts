/**
 * The one daily trigger of the reminders job. Installing twice must not make two triggers (Apps
 * Script happily creates duplicates), so every change looks at the existing ones first, under the
 * lock, and repairs duplicates it finds. Editor add-ons may hold one time-driven trigger per user
 * per document, at most hourly: a daily one fits both that rule and the container-bound case.
 */
import { UserError } from '../core/errors';
import { withDocumentLock as withJobLock } from './lock';
import { forgetTriggerTarget, storeTriggerTarget } from './job-store';

type Trigger = GoogleAppsScript.Script.Trigger;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const JOB_HANDLER = 'runScheduledJob';
/** Google's limit of installable triggers per user per script. */
export const MAX_TRIGGERS = 20;

/** This user's triggers of the job for this spreadsheet. */
export function jobTriggers(ss: Spreadsheet): Trigger[] {
  let all: Trigger[];
  try {
    all = ScriptApp.getUserTriggers(ss);
  } catch {
    // Some contexts refuse per-document lookups; the project's list is this user's too.
    all = ScriptApp.getProjectTriggers();
  }
  return all.filter((t) => t.getHandlerFunction() === JOB_HANDLER);
}

function deleteTrigger(t: Trigger): void {
  const uid = t.getUniqueId();
  ScriptApp.deleteTrigger(t);
  forgetTriggerTarget(uid);
}

export interface InstallResult {
  uid: string;
  created: boolean;
  removedDuplicates: number;
}

/**
 * Ensures exactly one daily trigger at `hour` (0-23) in the spreadsheet's zone. `currentHour` is
 * the hour the existing trigger was made for (Apps Script cannot read it back): a different hour
 * replaces the trigger.
 */
export function installDailyTrigger(
  ss: Spreadsheet,
  hour: number,
  currentHour: number,
): InstallResult {
  return withJobLock(() => {
    const existing = jobTriggers(ss);
    let removedDuplicates = 0;
    for (const t of existing.slice(1)) {
      deleteTrigger(t);
      removedDuplicates++;
    }
    const keep = existing[0];
    if (keep && currentHour === hour) {
      storeTriggerTarget(keep.getUniqueId(), ss.getId());
      return { uid: keep.getUniqueId(), created: false, removedDuplicates };
    }
    if (keep) deleteTrigger(keep);
    if (ScriptApp.getProjectTriggers().length >= MAX_TRIGGERS) {
      throw new UserError('rem.error.tooManyTriggers');
    }
    const created = ScriptApp.newTrigger(JOB_HANDLER)
      .timeBased()
      .everyDays(1)
      .atHour(Math.max(0, Math.min(23, Math.floor(hour))))
      .inTimezone(ss.getSpreadsheetTimeZone())
      .create();
    const uid = created.getUniqueId();
    // An add-on's trigger runs without an active spreadsheet: it finds this one by its uid.
    storeTriggerTarget(uid, ss.getId());
    return { uid, created: true, removedDuplicates };
  });
}

/** Removes this user's job triggers for the spreadsheet; returns how many there were. */
export function removeJobTriggers(ss: Spreadsheet): number {
  return withJobLock(() => {
    const existing = jobTriggers(ss);
    existing.forEach(deleteTrigger);
    return existing.length;
  });
}

/** Deletes one trigger by uid (a duplicate or a trigger left over from an earlier owner). */
export function removeTriggerByUid(uid: string): boolean {
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getUniqueId() === uid) {
      deleteTrigger(t);
      return true;
    }
  }
  return false;
}

export const FORM_HANDLER = 'onFormSubmit';

/** This user's form-submit triggers of the intake for this spreadsheet (others' are invisible). */
export function formSubmitTriggers(ss: Spreadsheet): string[] {
  return ScriptApp.getUserTriggers(ss)
    .filter(
      (tr) =>
        tr.getHandlerFunction() === FORM_HANDLER &&
        tr.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT,
    )
    .map((tr) => tr.getUniqueId());
}

/** Creates the installable form-submit trigger for this user; returns its uid. */
export function createFormSubmitTrigger(ss: Spreadsheet): string {
  return ScriptApp.newTrigger(FORM_HANDLER)
    .forSpreadsheet(ss)
    .onFormSubmit()
    .create()
    .getUniqueId();
}
