/**
 * The sent-log protocol, keyed by (day, recipient, kind). It is what makes the job idempotent:
 * an email is reserved ('sending') under the document lock, sent outside the lock, then marked.
 *
 * How a rerun treats what it finds (docs/reminders.md explains it for admins):
 * - sent, failed (permanent), skipped: final, never sent again.
 * - deferred (quota, time budget, transient errors): sent by the next run.
 * - sending, lease not expired (younger than LEASE_MS, longer than any execution may live):
 *   another run is sending it right now; leave it alone.
 * - sending, lease expired: its run died. If that run's fallback journal (document properties)
 *   says the mail left, it is marked sent; otherwise the run died before MailApp returned, so
 *   the mail is sent again. The only window for a duplicate is a kill in the instant between
 *   Google accepting the message and sendEmail returning; every other failure loses nothing and
 *   doubles nothing.
 */
import type { Instant } from '../time';
import type { MailKind } from './types';

export type SentStatus = 'sending' | 'sent' | 'deferred' | 'failed' | 'skipped';
export const SENT_STATUSES: readonly SentStatus[] = [
  'sending',
  'sent',
  'deferred',
  'failed',
  'skipped',
];

export interface MailKey {
  /** ISO day the email belongs to ("2026-11-27"). */
  day: string;
  /** Recipient email, lower-case. */
  recipient: string;
  kind: MailKind;
}

export interface SentEntry extends MailKey {
  status: SentStatus;
  /** When the status was set. */
  at: Instant;
  /** For 'sending': the run id that holds the lease; otherwise why (quota, error text...). */
  note: string;
}

/** 6 minutes of execution limit plus a margin: no live run can hold a lease older than this. */
export const LEASE_MS = 7 * 60_000;

export function keyString(k: MailKey): string {
  return `${k.day}|${k.recipient.trim().toLowerCase()}|${k.kind}`;
}

export function sameKey(a: MailKey, b: MailKey): boolean {
  return keyString(a) === keyString(b);
}

export type Decision =
  /** Reserve it for this run and send. */
  | { action: 'reserve'; takeover: boolean }
  /** Already handled for good. */
  | { action: 'final'; status: SentStatus }
  /** Another live run holds it. */
  | { action: 'busy' }
  /** Its dead run did send it: record that, do not send. */
  | { action: 'reconcile' };

export function decide(
  existing: SentEntry | undefined,
  now: Instant,
  runId: string,
  journal: ReadonlySet<string>,
): Decision {
  if (!existing) return { action: 'reserve', takeover: false };
  switch (existing.status) {
    case 'deferred':
      return { action: 'reserve', takeover: false };
    case 'sending': {
      if (journal.has(keyString(existing))) return { action: 'reconcile' };
      if (existing.note !== runId && now - existing.at < LEASE_MS) return { action: 'busy' };
      return { action: 'reserve', takeover: existing.note !== runId };
    }
    default:
      return { action: 'final', status: existing.status };
  }
}

/** The latest entry per key (a log may hold history rows; the last one wins). */
export function latestByKey(entries: readonly SentEntry[]): Map<string, SentEntry> {
  const out = new Map<string, SentEntry>();
  for (const e of entries) out.set(keyString(e), e);
  return out;
}

/** Statuses that still owe an email. */
export function isOpen(e: SentEntry): boolean {
  return e.status === 'deferred' || e.status === 'sending';
}
