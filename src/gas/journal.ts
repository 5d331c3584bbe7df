/**
 * Stage history and Log are records of what happened, so Setup protects them (head and owner may
 * edit). A script runs with the rights of the person who runs it: a manager's stage move from the
 * sidebar, or a stage typed by hand, cannot append to a sheet that manager may not edit (Google
 * refuses the write: https://developers.google.com/apps-script/reference/spreadsheet/protection).
 * Their rows wait here, one document property each (no read-modify-write, so two managers never
 * overwrite each other's entry), in the order they happened. The next execution that may write
 * the sheet (the head's own actions, Setup, the daily trigger, which runs as the head who turned
 * reminders on) appends them first, in order. Readers see sheet + queue (`queuedStageChanges`).
 */
import type { Zone } from '../core/time';
import type { Lang, StageChange } from '../core/types';
import { LOG, STAGE_HISTORY, type SheetDef } from '../core/workbook/schema';
import { appendByHeader, findSheet } from './sheets/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type JournalKey = 'stageHistory' | 'log';

const PREFIX = 'ropdesk.q.';

/** Whether the person running this execution may write the sheet (no protection, or theirs). */
export function mayWrite(ss: Spreadsheet, def: SheetDef): boolean {
  const sheet = findSheet(ss, def)?.sheet;
  if (!sheet) return true;
  const found = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
  return !found.length || found[0].canEdit();
}

/** Keeps records for a sheet the caller may not write; instants stay epoch numbers. */
export function enqueue(key: JournalKey, records: ReadonlyArray<Record<string, unknown>>): void {
  if (!records.length) return;
  const props = PropertiesService.getDocumentProperties();
  // The writers queue under the document lock, so the count of what waits orders the entries
  // even when two runs share a millisecond; the time first keeps the order across flushes.
  const head = `${PREFIX}${key}.`;
  let n = Object.keys(props.getProperties()).filter((k) => k.startsWith(head)).length;
  const batch: Record<string, string> = {};
  const stamp = String(Date.now()).padStart(15, '0');
  const salt = Math.random().toString(36).slice(2, 8);
  for (const r of records) {
    batch[`${head}${stamp}.${String(n++).padStart(6, '0')}.${salt}`] = JSON.stringify(r);
  }
  props.setProperties(batch);
}

/** The queued records of a sheet in the order they happened, with their property keys. */
export function queued(key: JournalKey): Array<{ prop: string; record: Record<string, unknown> }> {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const head = `${PREFIX}${key}.`;
  return Object.keys(all)
    .filter((k) => k.startsWith(head))
    .sort()
    .map((prop) => ({ prop, record: JSON.parse(all[prop]) as Record<string, unknown> }));
}

export function dropQueued(props: readonly string[]): void {
  const store = PropertiesService.getDocumentProperties();
  for (const p of props) store.deleteProperty(p);
}

/** Stage changes still waiting in the queue, typed as the sheet's readers see them. */
export function queuedStageChanges(): StageChange[] {
  return queued('stageHistory').map(({ record: r }) => ({
    row: 0,
    dealId: String(r.dealId ?? ''),
    fromStage: String(r.fromStage ?? ''),
    toStage: String(r.toStage ?? ''),
    at: typeof r.at === 'number' ? r.at : null,
    by: String(r.by ?? ''),
    exitMet: typeof r.exitMet === 'boolean' ? r.exitMet : null,
  }));
}

/**
 * Appends Stage history rows by header when the caller may (the queue first, in order), or queues
 * them. `append` is the caller's own way to write (the Workbook's, to keep its copy in step).
 */
export function appendStageHistory(
  ss: Spreadsheet,
  records: ReadonlyArray<Record<string, unknown>>,
  append: (rows: ReadonlyArray<Record<string, unknown>>) => void,
): void {
  if (!records.length) return;
  if (!mayWrite(ss, STAGE_HISTORY)) {
    try {
      enqueue('stageHistory', records);
    } catch (err) {
      // The change itself is written; only its history row is lost (properties full: 500 KB).
      console.error('ROP Desk: could not queue the stage history', err, records);
    }
    return;
  }
  const waiting = queued('stageHistory');
  append([...waiting.map((w) => w.record), ...records]);
  dropQueued(waiting.map((w) => w.prop));
}

/**
 * Writes what waits for Stage history when this execution may (Setup, the daily job); one
 * append. The Log's queue is flushed by the next log line (`appendLog`).
 */
export function flushStageHistory(ss: Spreadsheet, zone: Zone, lang: Lang): void {
  if (!mayWrite(ss, STAGE_HISTORY)) return;
  const waiting = queued('stageHistory');
  if (!waiting.length) return;
  appendByHeader(
    ss,
    STAGE_HISTORY,
    zone,
    waiting.map((w) => w.record),
    lang,
  );
  dropQueued(waiting.map((w) => w.prop));
}

/** Whether the Log may be written by this execution (see mayWrite). */
export const mayLog = (ss: Spreadsheet): boolean => mayWrite(ss, LOG);
