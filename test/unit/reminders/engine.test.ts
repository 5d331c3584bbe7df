/**
 * The sending loop against in-memory ports that follow the sent-log protocol exactly like the
 * sheet adapter (decide() under a "lock"), so reruns, concurrent runs, crashes, quota and time
 * budget are checked here fast; the emulator tests repeat the key cases on the real bundle.
 */
import {
  runEngine,
  withRetry,
  type EnginePorts,
  type Envelope,
  type SentLogPort,
} from '../../../src/core/reminders/engine';
import {
  decide,
  keyString,
  LEASE_MS,
  type MailKey,
  type SentEntry,
  type SentStatus,
} from '../../../src/core/reminders/sentlog';
import type { RenderedMail } from '../../../src/core/reminders/types';

class MemoryLog implements SentLogPort {
  entries = new Map<string, SentEntry>();
  journal = new Set<string>();
  failMarks = false;
  reserve(key: MailKey, runId: string, now: number) {
    const d = decide(this.entries.get(keyString(key)), now, runId, this.journal);
    if (d.action === 'reserve')
      this.entries.set(keyString(key), { ...key, status: 'sending', at: now, note: runId });
    return d;
  }
  mark(key: MailKey, status: SentStatus, note: string, now: number) {
    if (this.failMarks) throw new Error('Service Spreadsheets timed out while accessing document');
    this.entries.set(keyString(key), { ...key, status, at: now, note });
    this.journal.delete(keyString(key));
  }
  deferMany(keys: readonly MailKey[], note: string, now: number) {
    const owed: MailKey[] = [];
    for (const k of keys) {
      const e = this.entries.get(keyString(k));
      if (!e) this.entries.set(keyString(k), { ...k, status: 'deferred', at: now, note });
      else if (e.status !== 'deferred') continue;
      owed.push(k);
    }
    return owed;
  }
  rememberSent(key: MailKey) {
    this.journal.add(keyString(key));
  }
  status(recipient: string) {
    return [...this.entries.values()].find((e) => e.recipient === recipient)?.status;
  }
}

interface World {
  clock: number;
  outbox: string[];
  quota: number;
  log: MemoryLog;
  /** Throws from send() when it returns an error text for the nth send (1-based). */
  failures: Map<number, string>;
  sends: number;
  /** Time every send takes. */
  sendMs: number;
  beforeSend?: (to: string) => void;
}

function world(): World {
  return {
    clock: 1_000_000,
    outbox: [],
    quota: 100,
    log: new MemoryLog(),
    failures: new Map(),
    sends: 0,
    sendMs: 0,
  };
}

function ports(w: World): EnginePorts {
  return {
    now: () => w.clock,
    sleep: (ms) => {
      w.clock += ms;
    },
    log: w.log,
    mail: {
      remaining: () => w.quota,
      send: (to: string) => {
        w.beforeSend?.(to);
        w.sends++;
        w.clock += w.sendMs;
        const fail = w.failures.get(w.sends);
        if (fail) throw new Error(fail);
        if (w.quota <= 0) throw new Error('Service invoked too many times for one day: email.');
        w.quota--;
        w.outbox.push(to);
      },
    },
  };
}

const MAIL: RenderedMail = { subject: 's', text: 't', html: '<p>t</p>' };
function envelopes(n: number, day = '2026-11-27'): Envelope[] {
  return Array.from({ length: n }, (_, i) => ({
    key: { day, recipient: `m${i}@x.ru`, kind: 'digest' as const },
    priority: i,
    render: () => MAIL,
  }));
}
const run = (w: World, envs: Envelope[], runId = 'run-1', budgetMs = 270_000) =>
  runEngine(envs, ports(w), {
    runId,
    startedAt: w.clock,
    budgetMs,
    backoffMs: [1000, 2000, 4000, 8000, 16000],
  });

describe('sending engine', () => {
  it('sends each email once, and a rerun sends nothing', () => {
    const w = world();
    const first = run(w, envelopes(5));
    expect(first.sent).toHaveLength(5);
    const again = run(w, envelopes(5), 'run-2');
    expect(again.sent).toHaveLength(0);
    expect(again.done).toBe(5);
    expect(w.outbox).toEqual(['m0@x.ru', 'm1@x.ru', 'm2@x.ru', 'm3@x.ru', 'm4@x.ru']);
  });

  it('two runs at once send each email once (the second starts inside the first)', () => {
    const w = world();
    let nested: ReturnType<typeof run> | null = null;
    w.beforeSend = () => {
      if (nested) return;
      w.beforeSend = undefined;
      nested = run(w, envelopes(6), 'run-B');
    };
    const a = run(w, envelopes(6), 'run-A');
    expect(w.outbox.slice().sort()).toEqual(
      envelopes(6)
        .map((e) => e.key.recipient)
        .sort(),
    );
    expect(a.sent.length + nested!.sent.length).toBe(6);
    expect(nested!.busy).toBe(1); // the one A held while B started
  });

  it('after a crash mid-send a rerun sends exactly the rest once the lease has passed', () => {
    const w = world();
    // The run dies inside the 4th send (the execution is killed): no mark, no release.
    w.failures.set(4, 'Exceeded maximum execution time');
    const killed = run(w, envelopes(8));
    expect(killed.stoppedBy).toBe('fatal');
    expect(w.outbox).toHaveLength(3);
    // An immediate rerun leaves the 4th (it may still be in flight) and sends what was deferred.
    w.log.entries.set(keyString(envelopes(8)[3].key), {
      ...envelopes(8)[3].key,
      status: 'sending',
      at: w.clock,
      note: 'run-1',
    });
    const early = run(w, envelopes(8), 'run-2');
    expect(early.busy).toBe(1);
    expect(w.outbox).toHaveLength(7);
    w.clock += LEASE_MS;
    const later = run(w, envelopes(8), 'run-3');
    expect(later.sent.map((k) => k.recipient)).toEqual(['m3@x.ru']);
    expect(w.outbox.slice().sort()).toEqual(
      envelopes(8)
        .map((e) => e.key.recipient)
        .sort(),
    );
  });

  it('a mail whose mark failed is reconciled from the journal, not sent again', () => {
    const w = world();
    w.log.failMarks = true;
    const r = run(w, envelopes(3));
    expect(r.stoppedBy).toBe('storage');
    expect(w.outbox).toEqual(['m0@x.ru']);
    expect(w.log.status('m0@x.ru')).toBe('sending');
    w.log.failMarks = false;
    w.clock += LEASE_MS;
    const again = run(w, envelopes(3), 'run-2');
    expect(again.reconciled).toBe(1);
    expect(w.outbox).toEqual(['m0@x.ru', 'm1@x.ru', 'm2@x.ru']);
    expect(w.log.status('m0@x.ru')).toBe('sent');
  });

  it('defers the rest when the quota runs out, never throws, and completes the next day', () => {
    const w = world();
    w.quota = 3;
    const r = run(w, envelopes(7));
    expect(r.stoppedBy).toBe('quota');
    expect(r.sent).toHaveLength(3);
    expect(r.deferred).toHaveLength(4);
    expect(w.log.status('m6@x.ru')).toBe('deferred');
    w.quota = -1; // what Google reports once spent
    const still = run(w, envelopes(7), 'run-2');
    expect(still.sent).toHaveLength(0);
    expect(still.stoppedBy).toBe('quota');
    w.quota = 100;
    const next = run(w, envelopes(7), 'run-3');
    expect(next.sent).toHaveLength(4);
    expect(new Set(w.outbox).size).toBe(7);
  });

  it('treats a quota error from MailApp like an empty quota', () => {
    const w = world();
    w.failures.set(2, 'Service invoked too many times for one day: email.');
    const r = run(w, envelopes(4));
    expect(r.stoppedBy).toBe('quota');
    expect(r.sent).toHaveLength(1);
    expect(r.deferred).toHaveLength(3);
  });

  it('stops before the time budget and the next run finishes', () => {
    const w = world();
    w.sendMs = 40_000;
    const r = run(w, envelopes(10), 'run-1', 270_000);
    expect(r.stoppedBy).toBe('budget');
    expect(r.sent).toHaveLength(7);
    const next = run(w, envelopes(10), 'run-2', 270_000);
    expect(next.sent).toHaveLength(3);
    expect(new Set(w.outbox).size).toBe(10);
  });

  it('retries transient errors with backoff, skips permanent ones', () => {
    const w = world();
    w.failures.set(1, 'Service Spreadsheets timed out');
    w.failures.set(2, "We're sorry, a server error occurred. Please wait a bit and try again.");
    w.failures.set(4, 'Invalid email: bad@');
    const start = w.clock;
    const r = run(w, envelopes(3));
    expect(w.clock - start).toBe(3000); // 1 s + 2 s of backoff
    expect(r.sent.map((k) => k.recipient)).toEqual(['m0@x.ru', 'm2@x.ru']);
    expect(r.failed.map((k) => k.recipient)).toEqual(['m1@x.ru']);
    expect(r.errors.map((e) => [e.cls, e.id])).toEqual([['permanent', 'invalidEmail']]);
    expect(w.log.status('m1@x.ru')).toBe('failed');
    expect(run(w, envelopes(3), 'run-2').sent).toHaveLength(0); // permanent: not retried
  });

  it('gives up on a transient error after the backoff and leaves it deferred', () => {
    const w = world();
    for (let i = 1; i <= 6; i++)
      w.failures.set(i, 'Too many simultaneous invocations: Spreadsheets');
    const r = run(w, envelopes(2));
    expect(r.deferred.map((k) => k.recipient)).toEqual(['m0@x.ru']);
    expect(r.sent.map((k) => k.recipient)).toEqual(['m1@x.ru']);
    expect(w.log.status('m0@x.ru')).toBe('deferred');
  });

  it('records an email with nothing to say as skipped, and sends in priority order', () => {
    const w = world();
    const envs = envelopes(3);
    envs[1].render = () => null;
    envs.reverse();
    const r = run(w, envs);
    expect(r.skipped.map((k) => k.recipient)).toEqual(['m1@x.ru']);
    expect(w.outbox).toEqual(['m0@x.ru', 'm2@x.ru']);
  });
});

describe('withRetry', () => {
  it('retries transient errors with 1, 2, 4 s waits and rethrows the rest at once', () => {
    let t = 0;
    let calls = 0;
    const clock = { now: () => t, sleep: (ms: number) => void (t += ms) };
    const value = withRetry(
      () => {
        if (++calls < 4) throw new Error('Service Spreadsheets timed out');
        return 'ok';
      },
      clock,
      { startedAt: 0, budgetMs: 60_000 },
    );
    expect([value, calls, t]).toEqual(['ok', 4, 7000]);
    expect(() =>
      withRetry(
        () => {
          throw new Error('Authorization is required to perform that action.');
        },
        clock,
        { startedAt: 0, budgetMs: 60_000 },
      ),
    ).toThrow(/Authorization/);
  });

  it('does not wait past the time budget', () => {
    let t = 0;
    const clock = { now: () => t, sleep: (ms: number) => void (t += ms) };
    expect(() =>
      withRetry(
        () => {
          throw new Error('error.busy');
        },
        clock,
        { startedAt: 0, budgetMs: 5_000 },
      ),
    ).toThrow('error.busy');
    expect(t).toBe(3000); // 1 s + 2 s; the 4 s wait would pass the budget
  });
});
