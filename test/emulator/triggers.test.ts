import { project } from './fixture';

const CODE = `
function install() {
  return ScriptApp.newTrigger('job').timeBased().atHour(9).nearMinute(15).everyDays(1).inTimezone('Europe/Moscow').create().getUniqueId();
}
function installForm() {
  return ScriptApp.newTrigger('onForm').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create().getUniqueId();
}
function job(e) {
  var p = PropertiesService.getDocumentProperties();
  p.setProperty('runs', String(Number(p.getProperty('runs') || 0) + 1));
  p.setProperty('last', JSON.stringify(e));
  p.setProperty('who', Session.getEffectiveUser().getEmail());
}
function onEdit(e) {
  PropertiesService.getDocumentProperties().setProperty('edit', JSON.stringify({
    a1: e.range.getA1Notation(), value: e.value, oldValue: e.oldValue, authMode: String(e.authMode),
    user: e.user.getEmail(), sheet: e.source.getActiveSheet().getName(), hasValue: 'value' in e
  }));
}
function onForm(e) {
  PropertiesService.getDocumentProperties().setProperty('form', JSON.stringify({
    values: e.values, named: e.namedValues, row: e.range.getRow(), uid: e.triggerUid
  }));
}
function list() {
  return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), t.getEventType(), t.getTriggerSource()]; });
}
function removeAll() {
  ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
}
function badMinutes() { ScriptApp.newTrigger('job').timeBased().everyMinutes(7).create(); }
`;

describe('triggers and event objects', () => {
  it("fires a time-driven trigger as its owner with Google's event object", () => {
    const { project: p, emulator } = project(CODE, {
      now: Date.parse('2026-11-27T08:00:00+03:00'),
    });
    const uid = p.run('install', [], { user: 'head@example.com' }) as string;
    expect(p.run('list', [], { user: 'head@example.com' })).toEqual([['job', 'CLOCK', 'CLOCK']]);
    expect(p.run('list', [], { user: 'someone@example.com' })).toEqual([]);
    const fired = emulator.runDueTriggers(Date.parse('2026-11-29T00:00:00+03:00'));
    expect(fired.map((f) => new Date(f.at).toISOString())).toEqual([
      '2026-11-27T06:15:00.000Z',
      '2026-11-28T06:15:00.000Z',
    ]);
    expect(emulator.properties.document.get('runs')).toBe('2');
    expect(emulator.properties.document.get('who')).toBe('head@example.com');
    expect(JSON.parse(emulator.properties.document.get('last')!)).toEqual({
      authMode: 'FULL',
      'day-of-month': 28,
      'day-of-week': 6,
      hour: 6,
      minute: 15,
      month: 11,
      second: 0,
      timezone: 'UTC',
      triggerUid: uid,
      'week-of-year': 48,
      year: 2026,
    });
    emulator.fireTimeTrigger(uid);
    expect(emulator.properties.document.get('runs')).toBe('3');
    p.run('removeAll', [], { user: 'head@example.com' });
    expect(emulator.triggers.list()).toHaveLength(0);
  });

  it('validates everyMinutes', () => {
    const { project: p } = project(CODE);
    expect(() => p.run('badMinutes')).toThrow(
      'The value passed to everyMinutes must be 1, 5, 10, 15 or 30.',
    );
  });

  it('passes value and oldValue to onEdit only for a single-cell edit', () => {
    const { project: p, emulator } = project(CODE);
    const sh = emulator.spreadsheet.getSheets()[0];
    sh.getRange('B2').setValue('old');
    p.edit(sh.getName(), 'B2', 'new', { user: 'm@example.com' });
    expect(JSON.parse(emulator.properties.document.get('edit')!)).toEqual({
      a1: 'B2',
      value: 'new',
      oldValue: 'old',
      authMode: 'LIMITED',
      user: 'm@example.com',
      sheet: 'Лист1',
      hasValue: true,
    });
    p.edit(sh.getName(), 'A1:B1', [['1', '2']]);
    expect(JSON.parse(emulator.properties.document.get('edit')!)).toMatchObject({
      a1: 'A1:B1',
      hasValue: false,
    });
    expect(sh.getRange('A1:B1').getValues()).toEqual([[1, 2]]);
  });

  it("gives a date cell's old value as its serial number in the file's zone", () => {
    const { project: p, emulator } = project(CODE);
    const sh = emulator.spreadsheet.getSheets()[0];
    // 27.11.2026 10:30 in Moscow (the file's zone): 46353 days and 10.5 hours since 30.12.1899.
    sh.getRange('C3').setValue(new Date('2026-11-27T10:30:00+03:00'));
    p.edit(sh.getName(), 'C3', '28.11.2026');
    const { oldValue } = JSON.parse(emulator.properties.document.get('edit')!) as {
      oldValue: string;
    };
    expect(Number(oldValue)).toBeCloseTo(46353 + 10.5 / 24, 9);
  });

  it('does not fire onEdit for script writes', () => {
    const { emulator } = project(CODE);
    emulator.spreadsheet.getSheets()[0].getRange('A1').setValue('x');
    expect(emulator.properties.document.get('edit')).toBeUndefined();
  });

  it('delivers form submissions with values, namedValues and range', () => {
    const { project: p, emulator } = project(CODE);
    const uid = p.run('installForm') as string;
    p.submitForm('Ответы на форму (1)', { Имя: 'Иван', Телефон: '+7 999 123-45-67' });
    const form = JSON.parse(emulator.properties.document.get('form')!);
    expect(form).toEqual({
      values: ['27.11.2026 9:00:00', 'Иван', '+7 999 123-45-67'],
      named: {
        'Отметка времени': ['27.11.2026 9:00:00'],
        Имя: ['Иван'],
        Телефон: ['+7 999 123-45-67'],
      },
      row: 2,
      uid,
    });
  });
});

describe('schedules and add-on rules', () => {
  const CODE2 = `
    function weekly() { return ScriptApp.newTrigger('tick').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8).nearMinute(0).create().getUniqueId(); }
    function often() { return ScriptApp.newTrigger('tick').timeBased().everyMinutes(30).create().getUniqueId(); }
    function daily() { return ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(9).create().getUniqueId(); }
    function tick(e) {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var p = PropertiesService.getUserProperties();
      p.setProperty('ticks', (p.getProperty('ticks') || '') + (ss ? 'S' : '-') + e['day-of-week']);
    }`;

  it('fires weekly and every-30-minutes schedules at the right instants', () => {
    const { project: p, emulator } = project(CODE2, {
      now: Date.parse('2026-11-27T09:00:00+03:00'),
    });
    p.run('weekly');
    p.run('often');
    const fired = emulator.runDueTriggers(Date.parse('2026-12-01T09:00:00+03:00'));
    const weekly = fired.filter((f) => f.uid === emulator.triggers.list()[0].uid);
    expect(weekly.map((f) => new Date(f.at).toISOString())).toEqual(['2026-11-30T05:00:00.000Z']);
    expect(fired.length - weekly.length).toBe(4 * 48);
    expect(fired.every((f) => f.error === undefined)).toBe(true);
  });

  it('gives an add-on no active spreadsheet in time-driven triggers and one trigger per type', () => {
    const { project: p, emulator } = project(CODE2, { addon: true });
    expect(() => p.run('often')).toThrow('more often than once an hour');
    const uid = p.run('daily') as string;
    expect(() => p.run('daily')).toThrow('already created a trigger of this type');
    emulator.fireTimeTrigger(uid);
    expect(emulator.properties.user('head@example.com').get('ticks')).toBe('-5');
  });
});
