/**
 * The document lock around every read-modify-write of ROP Desk's sheets. Held briefly: callers
 * read, compute and write inside, and never send mail or call the network while holding it. A
 * lock not obtained within a few seconds becomes a clear "busy" UserError rather than a timeout
 * stack trace. Writes are flushed before release so the next holder reads them.
 */
import { UserError } from '../core/errors';

export const LOCK_WAIT_MS = 5_000;

export function withDocumentLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  // getDocumentLock is null outside a document (e.g. a trigger without an active file).
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) throw new UserError('error.busy');
  try {
    const result = fn();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
