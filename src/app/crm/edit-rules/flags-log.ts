/**
 * onEdit rule: what typing left flagged (a stage not in the funnel, an amount in words, a phone
 * that is not one) also goes to the Log sheet, so the head of sales sees it without finding the
 * note on the cell.
 */
import { t } from '../../../core/i18n';
import type { Lang } from '../../../core/types';
import { appendLog, type LogEntry } from '../../../gas/log';

export interface Flag {
  /** 1-based sheet row. */
  row: number;
  column: string;
  value: unknown;
  /** The note put on the cell. */
  note: string;
}

export function logFlags(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: string,
  flags: readonly Flag[],
  user: string,
  lang: Lang,
): void {
  if (!flags.length) return;
  const entries: LogEntry[] = flags.map((f) => ({
    level: 'warn',
    job: 'onEdit',
    message: t(lang, 'crm.edit.logged', {
      sheet,
      row: f.row,
      column: f.column,
      value: String(f.value ?? ''),
      problem: f.note.replace(/^ROP Desk:\s*/, ''),
    }),
    user,
  }));
  appendLog(ss, entries, lang);
}
