/**
 * LockService with real exclusion between emulated executions. JS runs one execution at a time,
 * so contention only happens when `interleave` runs a second execution *inside* the first (at
 * one of its service calls). The first one cannot release its lock before the nested one
 * finishes, so a contended tryLock(ms) lets the fake clock run for ms and returns false, and a
 * contended waitLock(ms) does the same and throws Google's "Lock timeout" error. Locks still held
 * when an execution ends are released, as Apps Script does.
 */
import { GasError, MSG } from '../errors';
import { Svc, instrument, type Runtime } from '../runtime';

export class LockTable {
  /** lock key -> execution id holding it */
  readonly holders = new Map<string, number>();
  constructor(rt: Runtime) {
    rt.onEnd.push((ex) => {
      for (const key of ex.locks) if (this.holders.get(key) === ex.id) this.holders.delete(key);
      ex.locks.clear();
    });
  }
}

export class Lock extends Svc implements GoogleAppsScript.Lock.Lock {
  constructor(
    rt: Runtime,
    private readonly _table: LockTable,
    private readonly _key: string,
  ) {
    super(rt);
  }
  private _owner(): number {
    // Outside executions (a test calling directly) acts as execution 0.
    return this._rt.exec?.id ?? 0;
  }
  private _acquire(timeoutMs: number): boolean {
    const me = this._owner();
    const holder = this._table.holders.get(this._key);
    if (holder === undefined || holder === me) {
      this._table.holders.set(this._key, me);
      this._rt.exec?.locks.add(this._key);
      return true;
    }
    this._rt.clock.advance(Math.max(0, Math.min(Number(timeoutMs) || 0, 300_000)));
    return false;
  }
  tryLock(timeoutInMillis: number): boolean {
    return this._acquire(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    if (!this._acquire(timeoutInMillis)) throw new GasError(MSG.lockTimeout);
  }
  releaseLock(): void {
    if (this._table.holders.get(this._key) === this._owner()) {
      this._table.holders.delete(this._key);
      this._rt.exec?.locks.delete(this._key);
    }
  }
  hasLock(): boolean {
    return this._table.holders.get(this._key) === this._owner();
  }
}
instrument(Lock, 'Lock');

// getDocumentLock may return null (no document), which the typings do not admit.
export class LockService
  extends Svc
  implements Pick<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getUserLock'>
{
  constructor(
    rt: Runtime,
    private readonly _table: LockTable,
    private readonly _docId: () => string | null,
  ) {
    super(rt);
  }
  getDocumentLock(): Lock | null {
    const id = this._docId();
    return id === null ? null : new Lock(this._rt, this._table, `document:${id}`);
  }
  getScriptLock(): Lock {
    return new Lock(this._rt, this._table, 'script');
  }
  getUserLock(): Lock {
    return new Lock(this._rt, this._table, `user:${this._rt.exec?.effectiveUser ?? ''}`);
  }
}
instrument(LockService, 'LockService');
