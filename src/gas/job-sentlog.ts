/**
 * The sent-log sheet behind the engine's SentLogPort. Each operation takes the lock, reads the
 * log with one getValues, writes one row (or one block) with one setValues, and lets go: so the
 * spreadsheet calls of a run grow with the number of emails, never with the number of deals.
 * Old rows (over KEEP_DAYS) are dropped at the start of a run when no other run is sending.
 */
import { UserError } from '../core/errors';
import { safeCellText } from '../core/crm/sanitize';
import {
  decide,
  keyString,
  LEASE_MS,
  SENT_STATUSES,
  type Decision,
  type MailKey,
  type SentEntry,
  type SentStatus,
} from '../core/reminders/sentlog';
import { MAIL_KINDS, type MailKind } from '../core/reminders/types';
import { SENT_LOG } from '../core/schema';
import { mapHeaders } from '../core/table';
import { isoDay, parseIsoDay, type Zone } from '../core/time';
import type { Lang } from '../core/types';
import type { SentLogPort } from '../core/reminders/engine';
import { withDocumentLock as withJobLock } from './lock';
import type { StateStore } from './job-state';
import { dayOfDate } from './zone';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const KEEP_DAYS = 35;
const COLS = ['day', 'recipient', 'kind', 'status', 'at', 'note'] as const;

interface Located {
  entry: SentEntry;
  /** 1-based sheet row. */
  row: number;
}

interface Snapshot {
  index: Record<string, number>;
  width: number;
  lastRow: number;
  rows: Located[];
  /** Raw values of each data row (to keep the user's own columns when rewriting one). */
  raw: Map<number, unknown[]>;
}

export class SentLogSheet implements SentLogPort {
  private sheet: Sheet | null = null;
  private journalKeys: Set<string>;

  constructor(
    private readonly ss: Spreadsheet,
    private readonly zone: Zone,
    private readonly lang: Lang,
    private readonly state: StateStore,
  ) {
    this.journalKeys = state.journal();
  }

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

  private snapshot(): Snapshot {
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
    return { index: ix, width: header.length, lastRow: values.length, rows, raw };
  }

  private latest(snap: Snapshot): Map<string, Located> {
    const out = new Map<string, Located>();
    for (const l of snap.rows) out.set(keyString(l.entry), l);
    return out;
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

  private write(snap: Snapshot, row: number, e: SentEntry): void {
    const values = this.rowValues(snap, e, snap.raw.get(row));
    this.open().getRange(row, 1, 1, snap.width).setValues([values]);
  }

  private append(snap: Snapshot, entries: SentEntry[]): void {
    if (!entries.length) return;
    const first = snap.lastRow + 1;
    const values = entries.map((e) => this.rowValues(snap, e));
    this.open().getRange(first, 1, values.length, snap.width).setValues(values);
    snap.lastRow += entries.length;
  }

  /** All entries, after dropping rows older than KEEP_DAYS when nobody is sending. */
  load(now: number, today: number): SentEntry[] {
    return withJobLock(() => {
      const snap = this.snapshot();
      const live = snap.rows.some(
        (l) => l.entry.status === 'sending' && now - l.entry.at < LEASE_MS,
      );
      // Rows are appended in time order: the old ones form a block right under the header.
      let old = 0;
      for (const l of snap.rows) {
        const d = parseIsoDay(l.entry.day);
        if (l.row !== old + 2 || d === null || d >= today - KEEP_DAYS) break;
        old++;
      }
      if (old > 0 && !live) {
        this.open().deleteRows(2, old);
        return snap.rows.slice(old).map((l) => l.entry);
      }
      return snap.rows.map((l) => l.entry);
    });
  }

  reserve(key: MailKey, runId: string, now: number): Decision {
    return withJobLock(() => {
      const snap = this.snapshot();
      const found = this.latest(snap).get(keyString(key));
      const decision = decide(found?.entry, now, runId, this.journalKeys);
      if (decision.action === 'reserve') {
        const entry: SentEntry = { ...key, status: 'sending', at: now, note: runId };
        if (found) this.write(snap, found.row, entry);
        else this.append(snap, [entry]);
      }
      return decision;
    });
  }

  mark(key: MailKey, status: SentStatus, note: string, now: number): void {
    withJobLock(() => {
      const entry: SentEntry = { ...key, status, at: now, note };
      const k = keyString(key);
      const snap = this.snapshot();
      const found = this.latest(snap).get(k);
      if (found) this.write(snap, found.row, entry);
      else this.append(snap, [entry]);
    });
    const k = keyString(key);
    if (this.journalKeys.has(k)) {
      this.state.forget(key);
      this.journalKeys.delete(k);
    }
  }

  deferMany(keys: readonly MailKey[], note: string, now: number): MailKey[] {
    return withJobLock(() => {
      const snap = this.snapshot();
      const latest = this.latest(snap);
      const fresh: SentEntry[] = [];
      const owed: MailKey[] = [];
      for (const key of keys) {
        const found = latest.get(keyString(key));
        if (!found) fresh.push({ ...key, status: 'deferred', at: now, note });
        else if (found.entry.status !== 'deferred') continue;
        owed.push(key);
      }
      this.append(snap, fresh);
      return owed;
    });
  }

  /**
   * Owed mail replaced by newer mail (yesterday's digest when today's goes out): one write per
   * row, and only rows still owed (deferred, or 'sending' of a run that is surely dead).
   */
  supersede(keys: readonly MailKey[], note: string, now: number): void {
    if (!keys.length) return;
    withJobLock(() => {
      const snap = this.snapshot();
      const latest = this.latest(snap);
      for (const key of keys) {
        const found = latest.get(keyString(key));
        if (!found) continue;
        const e = found.entry;
        const dead = e.status === 'sending' && now - e.at >= LEASE_MS;
        if (e.status === 'deferred' || dead) {
          this.write(snap, found.row, { ...key, status: 'skipped', at: now, note });
        }
      }
    });
  }

  rememberSent(key: MailKey): void {
    this.state.rememberSent(key);
    this.journalKeys.add(keyString(key));
  }
}
