import { createEmulator, formatDate } from '../../local/emulator';
import { project } from './fixture';

const CODE = `
function dayOfCell() {
  var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('D').getRange('A1').getValue();
  return [v.getDate(), Utilities.formatDate(v, Session.getScriptTimeZone(), 'dd.MM.yyyy'),
          Utilities.formatDate(v, SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(), 'dd.MM.yyyy')];
}
function localMidnight() { return new Date(2026, 10, 27).toISOString(); }
function now() { return [Date.now(), new Date().getTime(), new Date().getHours(), typeof Date()]; }
function isRealmDate() {
  var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('D').getRange('A1:A1').getValues();
  return [v[0][0] instanceof Date, v instanceof Array, v[0] instanceof Array];
}
function sleeper() { var t0 = Date.now(); Utilities.sleep(5000); return Date.now() - t0; }
`;

describe('time zones and the clock', () => {
  it('formats Java patterns in any zone', () => {
    const t = Date.parse('2026-11-27T06:05:09.042Z');
    expect(formatDate(t, 'Europe/Moscow', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe(
      '2026-11-27T09:05:09.042+03:00',
    );
    expect(formatDate(t, 'Europe/Moscow', 'EEE, d MMM yyyy Z')).toBe('Fri, 27 Nov 2026 +0300');
    expect(formatDate(t, 'UTC', 'EEEE MMMM X XX XXX')).toBe('Friday November Z Z Z');
    expect(formatDate(t, 'America/New_York', 'h:mm a z')).toBe('1:05 AM EST');
    expect(formatDate(t, 'Europe/Moscow', 'z zzzz u D')).toBe('MSK Moscow Standard Time 5 331');
    expect(formatDate(t, 'Asia/Kolkata', 'HH:mm Z')).toBe('11:35 +0530');
  });

  it('reproduces the off-by-one-day bug: a Moscow-midnight cell read in a UTC script', () => {
    const { project: p, emulator } = project(CODE, { scriptTimeZone: 'UTC' });
    const sh = emulator.spreadsheet.insertSheet('D');
    sh.getRange('A1').setValue('27.11.2026');
    // 27.11.2026 00:00 Moscow is 26.11.2026 21:00 UTC: the script zone sees the 26th.
    expect(p.run('dayOfCell')).toEqual([26, '26.11.2026', '27.11.2026']);
  });

  it('gives no such bug when both zones agree', () => {
    const { project: p, emulator } = project(CODE);
    emulator.spreadsheet.insertSheet('D').getRange('A1').setValue('27.11.2026');
    expect(p.run('dayOfCell')).toEqual([27, '27.11.2026', '27.11.2026']);
  });

  it('builds new Date(y, m, d) in the script zone whatever the process TZ is', () => {
    expect(project(CODE, { scriptTimeZone: 'Europe/Moscow' }).project.run('localMidnight')).toBe(
      '2026-11-26T21:00:00.000Z',
    );
    expect(
      project(CODE, { scriptTimeZone: 'America/Los_Angeles' }).project.run('localMidnight'),
    ).toBe('2026-11-27T08:00:00.000Z');
  });

  it('takes now from the emulator clock inside executions', () => {
    const { project: p, emulator } = project(CODE, {
      now: Date.parse('2026-11-27T09:30:00+03:00'),
    });
    const t = emulator.clock.now();
    expect(p.run('now')).toEqual([t, t, 9, 'string']);
    emulator.clock.advance(3_600_000);
    expect((p.run('now') as number[])[2]).toBe(10);
    expect(p.run('sleeper')).toBe(5000);
  });

  it('hands the bundle Dates and arrays of its own realm', () => {
    const { project: p, emulator } = project(CODE);
    emulator.spreadsheet.insertSheet('D').getRange('A1').setValue(new Date());
    expect(p.run('isRealmDate')).toEqual([true, true, true]);
  });

  it('keeps date cells at midnight of the spreadsheet zone when it differs', () => {
    const em = createEmulator({ spreadsheetTimeZone: 'Asia/Vladivostok' });
    const sh = em.spreadsheet.getSheets()[0];
    sh.getRange('A1').setValue('01.12.2026');
    expect((sh.getRange('A1').getValue() as Date).toISOString()).toBe('2026-11-30T14:00:00.000Z');
    expect(sh.getRange('A1').getDisplayValue()).toBe('01.12.2026');
  });
});

describe('the script-zone Date', () => {
  const CODE2 = `
    function dst() {
      var d = new Date(2026, 2, 8, 12, 0); // the US switches to summer time that night
      var before = new Date(2026, 2, 7, 12, 0);
      d.setDate(d.getDate() + 1);
      return [before.getTimezoneOffset(), d.getTimezoneOffset(), d.getHours(), d.toISOString()];
    }
    function parse() {
      return [new Date('2026-11-27').toISOString(), new Date('2026-11-27T10:00:00').toISOString(),
              new Date('2026-11-27T10:00:00Z').toISOString(), Date.parse('Nov 27 2026 10:00'),
              new Date(Date.UTC(2026, 10, 27)).getDate(), String(new Date(Date.UTC(2026, 10, 27)))];
    }
    function setters() {
      var d = new Date(2026, 0, 31);
      d.setMonth(1);
      var e = new Date(2026, 10, 27, 23, 30);
      e.setHours(24);
      return [d.getMonth(), d.getDate(), e.getDate(), e.getHours(), new Date(NaN).getDate()];
    }`;

  it('follows daylight saving time of the script zone', () => {
    const { project: p } = project(CODE2, { scriptTimeZone: 'America/New_York' });
    expect(p.run('dst')).toEqual([300, 240, 12, '2026-03-09T16:00:00.000Z']);
  });

  it('parses like V8: date-only ISO as UTC, zone-less date-times as local', () => {
    const { project: p } = project(CODE2, { scriptTimeZone: 'Asia/Yekaterinburg' });
    expect(p.run('parse')).toEqual([
      '2026-11-27T00:00:00.000Z',
      '2026-11-27T05:00:00.000Z',
      '2026-11-27T10:00:00.000Z',
      Date.parse('2026-11-27T05:00:00.000Z'),
      27,
      'Fri Nov 27 2026 05:00:00 GMT+0500 (Yekaterinburg Standard Time)',
    ]);
  });

  it('rolls over in setters like V8', () => {
    const { project: p } = project(CODE2, { scriptTimeZone: 'Europe/Moscow' });
    expect(p.run('setters')).toEqual([2, 3, 28, 0, NaN]);
  });
});
