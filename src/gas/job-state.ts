/**
 * What the reminders job remembers between runs, in document properties (shared by the file's
 * editors, never by other customers as script properties would be):
 * - the schedule: on/off, whose trigger, its uid and hour;
 * - the last run and the last successful run with its result, for the sidebar's status;
 * - the fallback journal of mails that left while the sent-log sheet refused the mark.
 * An add-on's time-driven run may get no document store; then the user's store, namespaced by
 * the spreadsheet id, stands in.
 */
import { keyString, type MailKey } from '../core/reminders/sentlog';

type Properties = GoogleAppsScript.Properties.Properties;

export const STATE_KEY = 'ropdesk.reminders';
export const JOURNAL_PREFIX = 'ropdesk.sent.';
export const TRIGGER_PREFIX = 'ropdesk.trigger.';

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

/** The document's store, or the user's store namespaced by the file when there is none. */
export class StateStore {
  private readonly props: Properties;
  private readonly prefix: string;
  /** True when this is the document's store, which every editor's run shares. */
  readonly shared: boolean;

  constructor(ssId: string) {
    const doc = PropertiesService.getDocumentProperties();
    this.props = doc ?? PropertiesService.getUserProperties();
    this.prefix = doc ? '' : `ropdesk.doc.${ssId}.`;
    this.shared = Boolean(doc);
  }

  read(): JobState {
    const raw = this.props.getProperty(this.prefix + STATE_KEY);
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
    this.props.setProperty(this.prefix + STATE_KEY, JSON.stringify(next));
    return next;
  }

  /** Keys (as keyString) of mails known to have left although the sheet does not say so. */
  journal(): Set<string> {
    const all = this.props.getProperties();
    const out = new Set<string>();
    const p = this.prefix + JOURNAL_PREFIX;
    for (const k of Object.keys(all)) if (k.startsWith(p)) out.add(k.slice(p.length));
    return out;
  }

  rememberSent(key: MailKey): void {
    this.props.setProperty(this.prefix + JOURNAL_PREFIX + keyString(key), String(Date.now()));
  }

  forget(key: MailKey): void {
    this.props.deleteProperty(this.prefix + JOURNAL_PREFIX + keyString(key));
  }
}

/** The spreadsheet a trigger works on, for runs that have no active spreadsheet (add-on). */
export function storeTriggerTarget(uid: string, ssId: string): void {
  PropertiesService.getUserProperties().setProperty(TRIGGER_PREFIX + uid, ssId);
}

export function triggerTarget(uid: string): string | null {
  return PropertiesService.getUserProperties().getProperty(TRIGGER_PREFIX + uid);
}

export function forgetTriggerTarget(uid: string): void {
  PropertiesService.getUserProperties().deleteProperty(TRIGGER_PREFIX + uid);
}
