/**
 * The sending loop, free of Apps Script: the shell (src/app/reminders/job.ts) plugs in the sent-log sheet,
 * MailApp and the clock. Every email goes through reserve -> send (outside any lock) -> mark.
 * The loop stops itself before the execution limit and when the mail quota is spent; whatever it
 * did not send is left 'deferred' for the next run. It never throws for a mail problem.
 */
import type { Instant } from '../time';
import { BACKOFF_MS, classifyError, type Classified } from './classify';
import { type Decision, type MailKey, type SentStatus } from './sentlog';
import type { RenderedMail } from './types';

export interface Envelope {
  key: MailKey;
  /** Lower sends first: the head's mail, then managers by urgency. */
  priority: number;
  /** Builds the email now; null = nothing to say any more (recorded as skipped). */
  render(): RenderedMail | null;
}

export interface SentLogPort {
  /** Atomically (under the lock) decides and, for 'reserve', writes the 'sending' entry. */
  reserve(key: MailKey, runId: string, now: Instant): Decision;
  /** Sets the final or deferred status of a key (under the lock). */
  mark(key: MailKey, status: SentStatus, note: string, now: Instant): void;
  /**
   * Records 'deferred' for keys this run will not get to, in one write. Keys already final or
   * held by a live run are left as they are; returns the keys that are still owed.
   */
  deferMany(keys: readonly MailKey[], note: string, now: Instant): MailKey[];
  /** Fallback record that a mail left when marking it in the sheet failed. */
  rememberSent(key: MailKey): void;
}

export interface MailPort {
  /** Recipients left today; a reading below 0 counts as 0. */
  remaining(): number;
  send(to: string, mail: RenderedMail): void;
}

export interface EnginePorts {
  now(): Instant;
  sleep(ms: number): void;
  log: SentLogPort;
  mail: MailPort;
}

export interface EngineOptions {
  runId: string;
  /** When the execution started (the 6-minute limit counts from there). */
  startedAt: Instant;
  /** Stop starting new emails after this much elapsed time. */
  budgetMs: number;
  backoffMs?: readonly number[];
}

/** 6 minutes minus room for a slow send with retries and the final writes. */
export const DEFAULT_BUDGET_MS = 4.5 * 60_000;

export type StopReason = 'quota' | 'budget' | 'fatal' | 'storage';

export interface MailError extends Classified {
  key: MailKey;
}

export interface EngineResult {
  sent: MailKey[];
  deferred: MailKey[];
  failed: MailKey[];
  skipped: MailKey[];
  /** Already final in the sent-log (a rerun, a doubled trigger). */
  done: number;
  /** Held by another live run. */
  busy: number;
  /** Marked sent from the journal of a run that died after sending. */
  reconciled: number;
  stoppedBy: StopReason | null;
  errors: MailError[];
  quotaLeft: number;
}

type Outcome = { ok: true } | { ok: false; error: Classified };

/**
 * Runs a service call, retrying errors the catalogue calls transient with the backoff, as long as
 * the wait fits the time budget; anything else (or the last failure) propagates.
 */
export function withRetry<T>(
  fn: () => T,
  ports: Pick<EnginePorts, 'now' | 'sleep'>,
  opts: Pick<EngineOptions, 'startedAt' | 'budgetMs' | 'backoffMs'>,
): T {
  const backoff = opts.backoffMs ?? BACKOFF_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return fn();
    } catch (e) {
      const wait = backoff[attempt];
      if (classifyError(e).cls !== 'transient' || wait === undefined) throw e;
      if (ports.now() - opts.startedAt + wait > opts.budgetMs) throw e;
      ports.sleep(wait);
    }
  }
}

export function runEngine(
  envelopes: readonly Envelope[],
  ports: EnginePorts,
  opts: EngineOptions,
): EngineResult {
  const backoff = opts.backoffMs ?? BACKOFF_MS;
  const result: EngineResult = {
    sent: [],
    deferred: [],
    failed: [],
    skipped: [],
    done: 0,
    busy: 0,
    reconciled: 0,
    stoppedBy: null,
    errors: [],
    quotaLeft: -1,
  };
  const ordered = [...envelopes].sort((a, b) => a.priority - b.priority);
  const elapsed = () => ports.now() - opts.startedAt;
  const quota = () => Math.max(0, Math.floor(Number(ports.mail.remaining()) || 0));

  const storage = <T>(fn: () => T): T => withRetry(fn, ports, opts);

  const send = (to: string, mail: RenderedMail): Outcome => {
    for (let attempt = 0; ; attempt++) {
      try {
        ports.mail.send(to, mail);
        return { ok: true };
      } catch (e) {
        const error = classifyError(e);
        const canWait = attempt < backoff.length && elapsed() + backoff[attempt] <= opts.budgetMs;
        if (error.cls !== 'transient' || !canWait) return { ok: false, error };
        ports.sleep(backoff[attempt]);
      }
    }
  };

  let i = 0;
  try {
    for (; i < ordered.length; i++) {
      const env = ordered[i];
      if (elapsed() >= opts.budgetMs) {
        result.stoppedBy = 'budget';
        break;
      }
      if (quota() < 1) {
        result.stoppedBy = 'quota';
        break;
      }
      const decision = storage(() => ports.log.reserve(env.key, opts.runId, ports.now()));
      if (decision.action === 'final') {
        result.done++;
        continue;
      }
      if (decision.action === 'busy') {
        result.busy++;
        continue;
      }
      if (decision.action === 'reconcile') {
        storage(() =>
          ports.log.mark(env.key, 'sent', 'reconciled after interrupted run', ports.now()),
        );
        result.reconciled++;
        continue;
      }
      // Reserved: from here on this key is ours until marked.
      let mail: RenderedMail | null;
      try {
        mail = env.render();
      } catch (e) {
        const error = classifyError(e);
        result.errors.push({ ...error, key: env.key });
        storage(() => ports.log.mark(env.key, 'failed', `render: ${error.raw}`, ports.now()));
        result.failed.push(env.key);
        continue;
      }
      if (!mail) {
        storage(() => ports.log.mark(env.key, 'skipped', 'nothing to say', ports.now()));
        result.skipped.push(env.key);
        continue;
      }
      const outcome = send(env.key.recipient, mail);
      if (outcome.ok) {
        try {
          storage(() => ports.log.mark(env.key, 'sent', '', ports.now()));
        } catch {
          // The mail left; the sheet would not take the mark. The journal keeps the fact so the
          // next run reconciles instead of sending again.
          ports.log.rememberSent(env.key);
          result.sent.push(env.key);
          result.stoppedBy = 'storage';
          i++;
          break;
        }
        result.sent.push(env.key);
        continue;
      }
      const { error } = outcome;
      result.errors.push({ ...error, key: env.key });
      const note = `${error.id}: ${error.raw}`.slice(0, 500);
      if (error.cls === 'permanent') {
        storage(() => ports.log.mark(env.key, 'failed', note, ports.now()));
        result.failed.push(env.key);
        continue;
      }
      storage(() => ports.log.mark(env.key, 'deferred', note, ports.now()));
      result.deferred.push(env.key);
      if (error.cls === 'transient' || error.cls === 'later') continue;
      result.stoppedBy = error.cls === 'quota' ? 'quota' : 'fatal';
      i++;
      break;
    }
  } catch (e) {
    // The sent-log itself failed (after retries): stop; entries not reserved stay owed.
    result.errors.push({
      ...classifyError(e),
      key: ordered[i]?.key ?? { day: '', recipient: '', kind: 'digest' },
    });
    result.stoppedBy = 'storage';
    i++;
  }
  const rest = ordered.slice(i).map((e) => e.key);
  if (rest.length && result.stoppedBy && result.stoppedBy !== 'storage') {
    const note = result.stoppedBy === 'budget' ? 'time budget' : result.stoppedBy;
    try {
      result.deferred.push(...storage(() => ports.log.deferMany(rest, note, ports.now())));
    } catch {
      // Not recorded: keys without an entry are still owed and the next run finds them.
      result.deferred.push(...rest);
    }
  }
  try {
    result.quotaLeft = quota();
  } catch {
    result.quotaLeft = -1;
  }
  return result;
}
