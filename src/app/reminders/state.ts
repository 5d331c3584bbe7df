/**
 * What the reminders job remembers between runs, in document properties (shared by the file's
 * editors, never by other customers as script properties would be):
 * - the schedule: on/off, whose trigger, its uid and hour;
 * - the last run and the last successful run with its result, for the sidebar's status;
 * - the fallback journal of mails that left while the sent-log sheet refused the mark;
 * - the keys of the mails sent on the last two days, so that a cleared or deleted Sent mail sheet
 *   does not send the day's mail again (SECURITY.md, "Reruns and faults").
 * The store itself (document or, for an add-on's trigger run, the user's) is src/gas/job-store.ts.
 */
import { keyString, type MailKey } from '../../core/reminders/sentlog';
import { jobStore, type JobStore } from '../../gas/job-store';

export const STATE_KEY = 'ropdesk.reminders';
export const JOURNAL_PREFIX = 'ropdesk.sent.';
export const DAY_SENT_PREFIX = 'ropdesk.daySent.';

export interface RunSummary {
  day: string;
  sent: number;
  deferred: number;
  failed: number;
  skipped: number;
  done: number;
  busy: number;
  quotaLeft: number;
  stoppedBy: string | null;
  invalid: number;
}

export interface JobState {
  enabled: boolean;
  owner: string;
  triggerUid: string;
  hour: number;
  /** When reminders were turned on (the staleness clock starts there before the first run). */
  enabledAt: number;
  lastRunAt: number;
  lastSuccessAt: number;
  lastResult: RunSummary | null;
  lastError: string;
}

const EMPTY: JobState = {
  enabled: false,
  owner: '',
  triggerUid: '',
  hour: -1,
  enabledAt: 0,
  lastRunAt: 0,
  lastSuccessAt: 0,
  lastResult: null,
  lastError: '',
};

/** The job's state and journal in the spreadsheet's store. */
export class StateStore {
  private readonly store: JobStore;
  /** True when this is the document's store, which every editor's run shares. */
  readonly shared: boolean;

  constructor(ssId: string) {
    this.store = jobStore(ssId);
    this.shared = this.store.shared;
  }

  read(): JobState {
    const raw = this.store.get(STATE_KEY);
    if (!raw) return { ...EMPTY };
    try {
      return { ...EMPTY, ...(JSON.parse(raw) as Partial<JobState>) };
    } catch {
      return { ...EMPTY };
    }
  }

  /** Read-modify-write; callers hold the document lock when the change must not race. */
  update(change: Partial<JobState>): JobState {
    const next = { ...this.read(), ...change };
    next.lastError = next.lastError.slice(0, 1000);
    this.store.set(STATE_KEY, JSON.stringify(next));
    return next;
  }

  /** Keys (as keyString) of mails known to have left although the sheet does not say so. */
  journal(): Set<string> {
    return new Set(this.store.keysWith(JOURNAL_PREFIX));
  }

  rememberSent(key: MailKey): void {
    this.store.set(JOURNAL_PREFIX + keyString(key), String(Date.now()));
  }

  forget(key: MailKey): void {
    this.store.remove(JOURNAL_PREFIX + keyString(key));
  }

  /** Keys of the mails sent on `day` and the day before (older ones are dropped here). */
  daySent(day: string): Set<string> {
    const keep = new Set([day, previousDay(day)]);
    const out = new Set<string>();
    for (const k of this.store.keysWith(DAY_SENT_PREFIX)) {
      if (keep.has(k.slice(0, 10))) out.add(k);
      else this.store.remove(DAY_SENT_PREFIX + k);
    }
    return out;
  }

  rememberDaySent(key: MailKey): void {
    this.store.set(DAY_SENT_PREFIX + keyString(key), '1');
  }
}

function previousDay(iso: string): string {
  const t = Date.parse(`${iso}T12:00:00Z`);
  return Number.isFinite(t) ? new Date(t - 86_400_000).toISOString().slice(0, 10) : '';
}
