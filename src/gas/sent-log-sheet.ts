/**
 * The Sent mail sheet's reader and writers: one getValues for a snapshot of the log (entries by
 * header, with their sheet rows), one setValues per written row or appended block, one deleteRows
 * for the old block. What to write is decided in src/app/reminders/sent-log.ts, under the lock.
 */
import { UserError } from '../core/errors';
import { safeCellText } from '../core/workbook/sanitize';
import { SENT_STATUSES, type SentEntry, type SentStatus } from '../core/reminders/sentlog';
import { MAIL_KINDS, type MailKind } from '../core/reminders/types';
import { SENT_LOG } from '../core/workbook/schema';
import { mapHeaders } from '../core/workbook/headers';
import { isoDay, type Zone } from '../core/time';
import type { Lang } from '../core/types';
import { dayOfDate } from './zone';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const COLS = ['day', 'recipient', 'kind', 'status', 'at', 'note'] as const;

export interface Located {
  entry: SentEntry;
  /** 1-based sheet row. */
  row: number;
}

export interface Snapshot {
  /** Entries in sheet order (rows are appended in time order). */
  rows: Located[];
  index: Record<string, number>;
  width: number;
  lastRow: number;
  /** Raw values of each data row (to keep the user's own columns when rewriting one). */
  raw: Map<number, unknown[]>;
}

/** Callers hold the document lock from snapshot() to their last write. */
export class SentLogSheet {
  private sheet: Sheet | null = null;

  constructor(
    private readonly ss: Spreadsheet,
    private readonly zone: Zone,
    private readonly lang: Lang,
  ) {}

  private open(): Sheet {
    if (this.sheet) return this.sheet;
    let sheet = this.ss.getSheetByName(SENT_LOG.ru) ?? this.ss.getSheetByName(SENT_LOG.en);
    if (!sheet) {
      // Created on first use (setup normally makes it); the header is the only content.
      sheet = this.ss.insertSheet(SENT_LOG[this.lang]);
      const header = SENT_LOG.columns.map((c) => c[this.lang]);
      sheet.getRange(1, 1, 1, header.length).setValues([header]);
      sheet.setFrozenRows(1);
    }
    this.sheet = sheet;
    return sheet;
  }

  private cellDay(v: unknown): string {
    if (
      v instanceof Date ||
      (v && typeof v === 'object' && typeof (v as Date).getTime === 'function')
    ) {
      return isoDay(dayOfDate(v as Date, this.zone));
    }
    return String(v ?? '').trim();
  }

  snapshot(): Snapshot {
    const sheet = this.open();
    const values = sheet.getDataRange().getValues() as unknown[][];
    const header = values[0] ?? [];
    const map = mapHeaders(header, SENT_LOG.columns);
    if (map.missing.length) {
      const c = map.missing[0];
      throw new UserError('error.missingColumn', { sheet: sheet.getName(), column: c[this.lang] });
    }
    const rows: Located[] = [];
    const raw = new Map<number, unknown[]>();
    const ix = map.index;
    for (let r = 1; r < values.length; r++) {
      const v = values[r];
      const kind = String(v[ix.kind] ?? '').trim() as MailKind;
      const status = String(v[ix.status] ?? '').trim() as SentStatus;
      if (!MAIL_KINDS.includes(kind) || !SENT_STATUSES.includes(status)) continue;
      const atCell = ix.at === undefined ? '' : v[ix.at];
      const at =
        atCell && typeof atCell === 'object' && typeof (atCell as Date).getTime === 'function'
          ? (atCell as Date).getTime()
          : Number(atCell) || 0;
      rows.push({
        row: r + 1,
        entry: {
          day: this.cellDay(v[ix.day]),
          recipient: String(v[ix.recipient] ?? '')
            .trim()
            .toLowerCase(),
          kind,
          status,
          at,
          note: ix.note === undefined ? '' : String(v[ix.note] ?? ''),
        },
      });
      raw.set(r + 1, v);
    }
    return { rows, index: ix, width: header.length, lastRow: values.length, raw };
  }

  private rowValues(snap: Snapshot, e: SentEntry, base?: unknown[]): unknown[] {
    const out = base ? [...base] : new Array<unknown>(snap.width).fill('');
    while (out.length < snap.width) out.push('');
    const cells: Record<(typeof COLS)[number], unknown> = {
      day: safeCellText(e.day),
      recipient: safeCellText(e.recipient),
      kind: e.kind,
      status: e.status,
      at: new Date(e.at),
      note: safeCellText(e.note.slice(0, 500)),
    };
    for (const c of COLS) if (snap.index[c] !== undefined) out[snap.index[c]] = cells[c];
    return out;
  }

  /** Rewrites one row, keeping the user's own columns. */
  write(snap: Snapshot, row: number, e: SentEntry): void {
    const values = this.rowValues(snap, e, snap.raw.get(row));
    this.open().getRange(row, 1, 1, snap.width).setValues([values]);
  }

  append(snap: Snapshot, entries: SentEntry[]): void {
    if (!entries.length) return;
    const first = snap.lastRow + 1;
    const values = entries.map((e) => this.rowValues(snap, e));
    this.open().getRange(first, 1, values.length, snap.width).setValues(values);
    snap.lastRow += entries.length;
  }

  /** Drops the first `count` data rows (the oldest block). */
  deleteFirstRows(count: number): void {
    if (count > 0) this.open().deleteRows(2, count);
  }
}
