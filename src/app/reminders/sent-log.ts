/**
 * The engine's SentLogPort over the Sent mail sheet. Each operation takes the lock, reads the log
 * once, decides, writes one row (or one block) and lets go: so the spreadsheet calls of a run grow
 * with the number of emails, never with the number of deals. Old rows (over KEEP_DAYS) are
 * dropped at the start of a run when no other run is sending. Mails known to have left while the
 * sheet refused the mark live in the state store's journal until the sheet says so.
 */
import type { SentLogPort } from '../../core/reminders/engine';
import {
  decide,
  keyString,
  LEASE_MS,
  type Decision,
  type MailKey,
  type SentEntry,
  type SentStatus,
} from '../../core/reminders/sentlog';
import { isoDay, parseIsoDay } from '../../core/time';
import type { StateStore } from './state';
import { withDocumentLock as withJobLock } from '../../gas/lock';
import type { Located, SentLogSheet, Snapshot } from '../../gas/sent-log-sheet';

export const KEEP_DAYS = 35;

function latest(snap: Snapshot): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const l of snap.rows) out.set(keyString(l.entry), l);
  return out;
}

/** How many rows right under the header are older than KEEP_DAYS. */
export function oldBlock(rows: readonly Located[], today: number): number {
  let old = 0;
  for (const l of rows) {
    const d = parseIsoDay(l.entry.day);
    if (l.row !== old + 2 || d === null || d >= today - KEEP_DAYS) break;
    old++;
  }
  return old;
}

export class SentLog implements SentLogPort {
  private journalKeys: Set<string>;
  /** What document properties say was sent lately: the sheet can be cleared, these stay. */
  private daySent = new Set<string>();

  constructor(
    private readonly sheet: SentLogSheet,
    private readonly state: StateStore,
  ) {
    this.journalKeys = state.journal();
  }

  /** All entries, after dropping rows older than KEEP_DAYS when nobody is sending. */
  load(now: number, today: number): SentEntry[] {
    this.daySent = this.state.daySent(isoDay(today));
    return withJobLock(() => {
      const snap = this.sheet.snapshot();
      const live = snap.rows.some(
        (l) => l.entry.status === 'sending' && now - l.entry.at < LEASE_MS,
      );
      const old = oldBlock(snap.rows, today);
      if (old > 0 && !live) {
        this.sheet.deleteFirstRows(old);
        return snap.rows.slice(old).map((l) => l.entry);
      }
      return snap.rows.map((l) => l.entry);
    });
  }

  reserve(key: MailKey, runId: string, now: number): Decision {
    return withJobLock(() => {
      const snap = this.sheet.snapshot();
      const found = latest(snap).get(keyString(key));
      // Sent, says the store, but the sheet has no row (cleared or deleted): record it, no resend.
      if (!found && this.daySent.has(keyString(key))) {
        this.sheet.append(snap, [{ ...key, status: 'sent', at: now, note: 'sent (restored)' }]);
        return { action: 'final', status: 'sent' } as Decision;
      }
      const decision = decide(found?.entry, now, runId, this.journalKeys);
      if (decision.action === 'reserve') {
        const entry: SentEntry = { ...key, status: 'sending', at: now, note: runId };
        if (found) this.sheet.write(snap, found.row, entry);
        else this.sheet.append(snap, [entry]);
      }
      return decision;
    });
  }

  mark(key: MailKey, status: SentStatus, note: string, now: number): void {
    withJobLock(() => {
      const entry: SentEntry = { ...key, status, at: now, note };
      const snap = this.sheet.snapshot();
      const found = latest(snap).get(keyString(key));
      if (found) this.sheet.write(snap, found.row, entry);
      else this.sheet.append(snap, [entry]);
    });
    const k = keyString(key);
    if (status === 'sent' && !this.daySent.has(k)) {
      this.state.rememberDaySent(key);
      this.daySent.add(k);
    }
    if (this.journalKeys.has(k)) {
      this.state.forget(key);
      this.journalKeys.delete(k);
    }
  }

  deferMany(keys: readonly MailKey[], note: string, now: number): MailKey[] {
    return withJobLock(() => {
      const snap = this.sheet.snapshot();
      const known = latest(snap);
      const fresh: SentEntry[] = [];
      const owed: MailKey[] = [];
      for (const key of keys) {
        const found = known.get(keyString(key));
        if (!found) fresh.push({ ...key, status: 'deferred', at: now, note });
        else if (found.entry.status !== 'deferred') continue;
        owed.push(key);
      }
      this.sheet.append(snap, fresh);
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
      const snap = this.sheet.snapshot();
      const known = latest(snap);
      for (const key of keys) {
        const found = known.get(keyString(key));
        if (!found) continue;
        const e = found.entry;
        const dead = e.status === 'sending' && now - e.at >= LEASE_MS;
        if (e.status === 'deferred' || dead) {
          this.sheet.write(snap, found.row, { ...key, status: 'skipped', at: now, note });
        }
      }
    });
  }

  rememberSent(key: MailKey): void {
    this.state.rememberDaySent(key);
    this.daySent.add(keyString(key));
    this.state.rememberSent(key);
    this.journalKeys.add(keyString(key));
  }
}
