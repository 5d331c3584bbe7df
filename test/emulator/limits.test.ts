import { project } from './fixture';

const CODE = `
function setProp(k, v) { PropertiesService.getScriptProperties().setProperty(k, v); }
function getProp(k) { return PropertiesService.getScriptProperties().getProperty(k); }
function userProp() { var p = PropertiesService.getUserProperties(); p.setProperty('n', 5); return typeof p.getProperty('n'); }
function cachePut(k, v, s) { CacheService.getScriptCache().put(k, v, s); }
function cacheGet(k) { return CacheService.getScriptCache().get(k); }
function makeTrigger() { return ScriptApp.newTrigger('job').timeBased().everyDays(1).atHour(9).create().getUniqueId(); }
function countTriggers() { return ScriptApp.getProjectTriggers().length; }
function send(to, body) { MailApp.sendEmail({ to: to, subject: 'S', body: body || 'b', htmlBody: '<b>b</b>', name: 'ROP Desk' }); }
function quota() { return MailApp.getRemainingDailyQuota(); }
function longJob() {
  var done = 0;
  for (var i = 0; i < 100; i++) { Utilities.sleep(5000); SpreadsheetApp.getActiveSpreadsheet().getName(); done++; }
  return done;
}
function swallowingJob() {
  for (var i = 0; i < 100; i++) { try { Utilities.sleep(5000); } catch (e) {} }
  return 'finished';
}
function perCell() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  for (var i = 1; i <= 10; i++) sh.getRange(i, 1).getValue();
}
function pollingJob() {
  var start = Date.now(), n = 0;
  while (Date.now() - start < 5 * 60 * 1000) { Utilities.sleep(60000); n++; }
  return n;
}
`;

describe('limits', () => {
  it('stores properties as strings within 9 KB per value and 500 KB per store', () => {
    const { project: p, emulator } = project(CODE);
    expect(p.run('userProp')).toBe('string');
    expect(emulator.properties.user('head@example.com').get('n')).toBe('5');
    expect(() => p.run('setProp', ['big', 'x'.repeat(9 * 1024 + 1)])).toThrow(
      'Argument too large: value',
    );
    // 56 entries of 9,003 bytes fit in 500 KB; the 57th does not.
    for (let i = 0; i < 56; i++) p.run('setProp', [`k${i}`, 'y'.repeat(9000)]);
    expect(() => p.run('setProp', ['k56', 'y'.repeat(9000)])).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(p.run('getProp', ['k56'])).toBeNull();
  });

  it('limits cache keys and values and expires entries on the fake clock', () => {
    const { project: p, emulator } = project(CODE);
    expect(() => p.run('cachePut', ['k'.repeat(251), 'v'])).toThrow('Argument too large: key');
    expect(() => p.run('cachePut', ['k', 'v'.repeat(100 * 1024 + 1)])).toThrow(
      'Argument too large: value',
    );
    p.run('cachePut', ['k', 'v']);
    emulator.clock.advance(599_000);
    expect(p.run('cacheGet', ['k'])).toBe('v');
    emulator.clock.advance(2_000);
    expect(p.run('cacheGet', ['k'])).toBeNull();
    p.run('cachePut', ['long', 'v', 999_999]);
    emulator.clock.advance(21_600_000);
    expect(p.run('cacheGet', ['long'])).toBeNull();
  });

  it('allows 20 triggers per user', () => {
    const { project: p } = project(CODE);
    for (let i = 0; i < 20; i++) p.run('makeTrigger', [], { user: 'a@example.com' });
    expect(() => p.run('makeTrigger', [], { user: 'a@example.com' })).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(p.run('makeTrigger', [], { user: 'b@example.com' })).toEqual(expect.any(String));
    expect(p.run('countTriggers', [], { user: 'b@example.com' })).toBe(1);
  });

  it('counts mail recipients per day and refuses once the quota is gone', () => {
    const { project: p, emulator } = project(CODE, { mailQuota: 3 });
    p.run('send', ['a@example.com, b@example.com']);
    expect(p.run('quota')).toBe(1);
    expect(() => p.run('send', ['c@example.com, d@example.com'])).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(p.run('quota')).toBe(1);
    p.run('send', ['c@example.com']);
    expect(() => p.run('send', ['d@example.com'])).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(p.run('quota')).toBe(-1);
    expect(emulator.outbox.map((m) => m.to)).toEqual([
      'a@example.com, b@example.com',
      'c@example.com',
    ]);
    expect(emulator.outbox[0]).toMatchObject({
      subject: 'S',
      htmlBody: '<b>b</b>',
      name: 'ROP Desk',
      from: 'head@example.com',
    });
    emulator.clock.advance(24 * 3_600_000);
    expect(p.run('quota')).toBe(3);
  });

  it('limits recipients per message and body size, and rejects invalid addresses', () => {
    const { project: p } = project(CODE, { mailQuota: 1500 });
    const many = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`).join(',');
    expect(() => p.run('send', [many])).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(() => p.run('send', ['a@example.com', 'x'.repeat(200 * 1024)])).toThrow(
      'Limit Exceeded: Email Body Size.',
    );
    expect(() => p.run('send', ['not-an-address'])).toThrow('Invalid email: not-an-address');
    expect(p.run('quota')).toBe(1500);
  });

  it('kills an execution past 6 minutes, even one that catches the error', () => {
    const { project: p, emulator } = project(CODE);
    const t0 = emulator.clock.now();
    expect(() => p.run('longJob')).toThrow('Exceeded maximum execution time');
    expect(emulator.clock.now() - t0).toBeGreaterThan(6 * 60_000);
    expect(() => p.run('swallowingJob')).toThrow('Exceeded maximum execution time');
    // A job that watches the clock and stops in time finishes.
    expect(p.run('pollingJob')).toBe(5);
  });

  it('gives custom functions 30 seconds', () => {
    const { project: p } = project(CODE);
    expect(() => p.customFunction('longJob')).toThrow('Exceeded maximum execution time');
  });

  it('simulates call costs of executions on the fake clock when asked', () => {
    const { project: p, emulator } = project(CODE);
    emulator.setLatency({ 'Range.getValue': 70, '*': 1 });
    const t0 = emulator.clock.now();
    p.run('perCell');
    // 10 x getValue at 70 ms, plus 1 ms for each of the 12 other calls.
    expect(emulator.clock.now() - t0).toBe(10 * 70 + 12);
    // Test code outside executions is free.
    emulator.spreadsheet.getSheets()[0].getRange(1, 1).getValue();
    expect(emulator.clock.now() - t0).toBe(712);
  });
});
