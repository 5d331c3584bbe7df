/**
 * The Log sheet: what jobs and triggers did and what failed, because failures of add-on triggers
 * are emailed to nobody. One appendRow per entry; the sheet is kept to a bounded size.
 * Logging never throws: a broken log must not break the job that logs.
 */
import { LOG } from '../core/workbook/schema';
import { safeCellText } from '../core/workbook/sanitize';
import { t } from '../core/i18n';
import type { Lang } from '../core/types';
import { dropQueued, enqueue, flushStageHistory, mayLog, queued } from './journal';
import { zoneOf } from './zone';

export type LogLevel = 'info' | 'warn' | 'error';

/** Rows kept in the Log sheet; older ones are dropped in one deleteRows when exceeded. */
export const LOG_MAX_ROWS = 5_000;
const LOG_TRIM_ROWS = 1_000;

export interface LogEntry {
  level: LogLevel;
  job: string;
  message: string;
  user?: string;
}

export function appendLog(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entries: LogEntry | LogEntry[],
  lang: Lang = 'ru',
): void {
  const list = Array.isArray(entries) ? entries : [entries];
  if (!list.length) return;
  try {
    // A manager may not write the protected Log: their entries wait for the next run that may.
    if (!mayLog(ss)) {
      const at = Date.now();
      enqueue(
        'log',
        list.map((e) => ({ ...e, at })),
      );
      echo(list);
      return;
    }
    let sheet = ss.getSheetByName(LOG.ru) ?? ss.getSheetByName(LOG.en);
    if (!sheet) {
      sheet = ss.insertSheet(LOG[lang]);
      sheet.getRange(1, 1, 1, LOG.columns.length).setValues([LOG.columns.map((c) => c[lang])]);
      sheet.setFrozenRows(1);
    }
    const now = new Date();
    const log = sheet;
    // What waited in the queue goes first, in order, with its own time; taken under the lock (or
    // left for a later run when another execution holds it) so that two runs never write it twice.
    exclusively(() => {
      const waiting = queued('log');
      for (const { record } of waiting) {
        const e = record as unknown as LogEntry & { at: number };
        appendEntry(log, new Date(e.at), e, lang);
      }
      dropQueued(waiting.map((w) => w.prop));
      try {
        flushStageHistory(ss, zoneOf(ss.getSpreadsheetTimeZone()), lang);
      } catch (err) {
        console.error('ROP Desk: could not write the queued stage history', err);
      }
    });
    // appendRow is atomic against other executions appending at the same time, without the lock
    // (a logger must not wait for it, and may be called by code that holds it).
    for (const e of list) appendEntry(sheet, now, e, lang);
    if (sheet.getLastRow() > LOG_MAX_ROWS) sheet.deleteRows(2, LOG_TRIM_ROWS);
  } catch (e) {
    console.error('ROP Desk: could not write the log', e, list);
  }
  echo(list);
}

function echo(list: readonly LogEntry[]): void {
  for (const e of list) {
    if (e.level === 'error') console.error(`[${e.job}] ${e.message}`);
    else console.log(`[${e.job}] ${e.message}`);
  }
}

/** Runs `fn` holding the document lock, unless another execution holds it (then not at all). */
function exclusively(fn: () => void): void {
  const lock = LockService.getDocumentLock();
  if (!lock) return;
  if (lock.hasLock()) return fn();
  if (!lock.tryLock(0)) return;
  try {
    fn();
    SpreadsheetApp.flush();
  } finally {
    lock.releaseLock();
  }
}

function appendEntry(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  at: Date,
  e: LogEntry,
  lang: Lang,
): void {
  // Columns in schema order: at, level, job, message, user.
  sheet.appendRow([
    at,
    // The level in the workbook's words («инфо», not «info»).
    t(lang, `log.level.${e.level}`),
    safeCellText(e.job),
    safeCellText(e.message.slice(0, 45_000)),
    e.user ?? '',
  ]);
}
