import { project } from './fixture';

const CODE = `
function book(tag) {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(10000)) return tag + ': busy';
  try {
    var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    var n = sh.getRange('A1').getValue() || 0;
    sh.getRange('A1').setValue(n + 1);
    return tag + ': ' + (n + 1);
  } finally {
    lock.releaseLock();
  }
}
function waitBook(tag) {
  var lock = LockService.getDocumentLock();
  lock.waitLock(30000);
  var has = lock.hasLock();
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sh.getRange('A1').setValue((sh.getRange('A1').getValue() || 0) + 1);
  return tag + ' ' + has;
}
function unlocked(tag) {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  var n = sh.getRange('A1').getValue() || 0;
  sh.getRange('A1').setValue(n + 1);
  return tag + ': ' + (n + 1);
}
function scriptAndUser() {
  return [LockService.getScriptLock().tryLock(0), LockService.getUserLock().tryLock(0)];
}
`;

describe('locks that really exclude', () => {
  it('makes a second execution fail tryLock while the first holds the document lock', () => {
    const { project: p, emulator } = project(CODE);
    let inner: unknown;
    emulator.interleave('Range.getValue', () => {
      inner = p.run('book', ['second']);
    });
    const t0 = emulator.clock.now();
    expect(p.run('book', ['first'])).toBe('first: 1');
    expect(inner).toBe('second: busy');
    // The nested tryLock(10000) waited out its timeout on the fake clock.
    expect(emulator.clock.now() - t0).toBe(10_000);
    // Released at the end: a later execution gets it.
    expect(p.run('book', ['third'])).toBe('third: 2');
  });

  it("throws Google's lock timeout from a contended waitLock", () => {
    const { project: p, emulator } = project(CODE);
    let error = '';
    emulator.interleave('Range.setValue', () => {
      try {
        p.run('waitBook', ['second']);
      } catch (e) {
        error = (e as Error).message;
      }
    });
    expect(p.run('waitBook', ['first'])).toBe('first true');
    expect(error).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(emulator.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe(1);
  });

  it('shows the lost update that happens without a lock', () => {
    const { project: p, emulator } = project(CODE);
    emulator.interleave('Range.setValue', () => p.run('unlocked', ['second']));
    p.run('unlocked', ['first']);
    // Both read 0 before either wrote: one increment is lost.
    expect(emulator.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe(1);
  });

  it('releases a lock its execution forgot to release', () => {
    const { project: p } = project(CODE);
    expect(p.run('waitBook', ['a'])).toBe('a true');
    expect(p.run('book', ['b'])).toBe('b: 2');
  });

  it('has script and user locks too', () => {
    const { project: p, emulator } = project(CODE);
    let inner: unknown;
    emulator.interleave(
      'Lock.tryLock',
      () => (inner = p.run('scriptAndUser', [], { user: 'other@example.com' })),
      {
        when: 'after',
        nth: 2,
      },
    );
    expect(p.run('scriptAndUser')).toEqual([true, true]);
    // Script lock is shared by everyone; the user lock is per user.
    expect(inner).toEqual([false, true]);
  });
});

describe('test code as another process', () => {
  it('blocks executions while the test holds the document lock', () => {
    const { project: p, emulator } = project(CODE);
    const lockService = emulator.globals().LockService as GoogleAppsScript.Lock.LockService;
    const lock = lockService.getDocumentLock();
    expect(lock.tryLock(0)).toBe(true);
    expect(p.run('book', ['job'])).toBe('job: busy');
    lock.releaseLock();
    expect(p.run('book', ['job'])).toBe('job: 1');
  });
});
