/**
 * Installing and removing the daily trigger: idempotent whoever clicks how often, one owner,
 * duplicates and leftovers remove themselves, and the add-on case (no active spreadsheet in the
 * trigger run) opens the file by the id stored under the trigger's uid.
 */
import { deal, HEAD, manager, msk, project, seedWorkbook } from './seed';

const NOW = msk(2026, 11, 27, 8, 0);
const OTHER_HEAD = 'deputy@example.com';

function setup(opts: Parameters<typeof project>[0] = {}) {
  const p = project({ now: NOW, activeUser: HEAD, ...opts });
  seedWorkbook(p.emulator, {
    managers: [
      manager(HEAD, 'Ольга', 'Руководитель'),
      manager(OTHER_HEAD, 'Пётр', 'Руководитель'),
      manager('anna@example.com', 'Анна'),
    ],
    deals: [deal(1, 'anna@example.com', NOW)],
    settings: { 'Час напоминаний': '10' },
  });
  return p;
}

const state = (p: ReturnType<typeof setup>) =>
  JSON.parse(p.emulator.properties.document.get('ropdesk.reminders') ?? '{}');

describe('the daily trigger', () => {
  it('is installed once however often it is turned on, at the Settings hour in the spreadsheet zone', () => {
    const p = setup();
    p.run('menuRemindersOn');
    p.run('menuRemindersOn');
    p.run('menuRemindersOn');
    const list = p.emulator.triggers.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ handler: 'runScheduledJob', owner: HEAD, eventType: 'CLOCK' });
    expect(list[0].schedule).toMatchObject({
      kind: 'days',
      every: 1,
      hour: 10,
      timeZone: 'Europe/Moscow',
    });
    expect(p.emulator.properties.user(HEAD).get(`ropdesk.trigger.${list[0].uid}`)).toBe(
      p.emulator.spreadsheet.getId(),
    );
    expect(state(p)).toMatchObject({
      enabled: true,
      owner: HEAD,
      triggerUid: list[0].uid,
      hour: 10,
    });
  });

  it('is removed idempotently, and turning off twice is harmless', () => {
    const p = setup();
    p.run('menuRemindersOn');
    p.run('menuRemindersOff');
    p.run('menuRemindersOff');
    expect(p.emulator.triggers.list()).toHaveLength(0);
    expect(state(p).enabled).toBe(false);
    p.run('menuRemindersOn');
    expect(p.emulator.triggers.list()).toHaveLength(1);
  });

  it('a second editor turning reminders on adds no second trigger; the status names the owner', () => {
    const p = setup();
    p.run('menuRemindersOn');
    expect(() => p.run('menuRemindersOn', [], { user: OTHER_HEAD })).toThrow(/head@example.com/);
    expect(p.emulator.triggers.list()).toHaveLength(1);
    expect(state(p).owner).toBe(HEAD);
  });

  it("another editor turning them off stops the owner's trigger, which removes itself at its next run", () => {
    const p = setup();
    p.run('menuRemindersOn');
    p.run('menuRemindersOff', [], { user: OTHER_HEAD });
    expect(p.emulator.triggers.list()).toHaveLength(1); // not theirs to delete
    p.emulator.runDueTriggers(msk(2026, 11, 27, 12));
    expect(p.emulator.triggers.list()).toHaveLength(0);
    expect(p.emulator.outbox).toHaveLength(0);
    // And now that editor can own them.
    p.run('menuRemindersOn', [], { user: OTHER_HEAD });
    expect(p.emulator.triggers.list().map((t) => t.owner)).toEqual([OTHER_HEAD]);
  });

  it('a changed reminder hour replaces the trigger instead of adding one', () => {
    const p = setup();
    p.run('menuRemindersOn');
    const first = p.emulator.triggers.list()[0].uid;
    p.emulator.spreadsheet.getSheetByName('Настройки')!.getRange(2, 2).setValue('7');
    p.run('menuRemindersOn');
    const list = p.emulator.triggers.list();
    expect(list).toHaveLength(1);
    expect(list[0].uid).not.toBe(first);
    expect(list[0].schedule!.hour).toBe(7);
    expect(p.emulator.properties.user(HEAD).has(`ropdesk.trigger.${first}`)).toBe(false);
  });

  it('fires at the configured hour and mails; the day is the spreadsheet zone’s', () => {
    const p = setup();
    p.run('menuRemindersOn');
    const fired = p.emulator.runDueTriggers(msk(2026, 11, 27, 12));
    expect(fired).toHaveLength(1);
    expect(fired[0].error).toBeUndefined();
    expect(new Date(fired[0].at).getUTCHours()).toBe(7); // 10:xx in Moscow
    expect(p.emulator.outbox.map((m) => m.to).sort()).toEqual([
      'anna@example.com',
      OTHER_HEAD,
      HEAD,
    ]);
  });

  it("at Google's 20-triggers-per-user limit says so and installs nothing", () => {
    const p = setup();
    // 20 other triggers of this user, made the way another feature would make them.
    const rt = p.emulator.runtime;
    const ex = rt.begin({ kind: 'run', authMode: 'FULL', user: HEAD, effectiveUser: HEAD });
    ex.phase = 'call';
    const { ScriptApp } = p.emulator.globals(ex) as {
      ScriptApp: GoogleAppsScript.Script.ScriptApp;
    };
    for (let i = 0; i < 20; i++)
      ScriptApp.newTrigger(`other${i}`).timeBased().everyHours(1).create();
    rt.end(ex);
    expect(() => p.run('menuRemindersOn')).toThrow(/20 триггеров/);
    expect(p.emulator.triggers.list().filter((t) => t.handler === 'runScheduledJob')).toHaveLength(
      0,
    );
    expect(state(p).enabled).toBeFalsy();
  });

  it('records "authorise again" instead of failing when new scopes need consent', () => {
    const p = setup();
    p.run('menuRemindersOn');
    p.emulator.setAuthorizationRequired(true);
    p.emulator.runDueTriggers(msk(2026, 11, 27, 12));
    expect(p.emulator.outbox).toHaveLength(0);
    expect(state(p).lastError).toMatch(/разрешения/);
  });
});

const ADDON_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/userinfo.email',
];

describe('as an editor add-on', () => {
  it('opens the stored spreadsheet in a trigger run with no active document, and never makes two triggers', () => {
    const p = setup({ addon: true });
    p.emulator.setOAuthScopes(ADDON_SCOPES);
    p.run('menuRemindersOn');
    p.run('menuRemindersOn');
    expect(p.emulator.triggers.list()).toHaveLength(1);
    const fired = p.emulator.runDueTriggers(msk(2026, 11, 27, 12));
    expect(fired[0].error).toBeUndefined();
    expect(p.emulator.outbox.map((m) => m.to).sort()).toEqual([
      'anna@example.com',
      OTHER_HEAD,
      HEAD,
    ]);
  });

  it('with only spreadsheets.currentonly the run fails visibly and keeps its trigger', () => {
    const p = setup({ addon: true });
    p.run('menuRemindersOn');
    const fired = p.emulator.runDueTriggers(msk(2026, 11, 27, 12));
    expect(fired[0].error).toMatch(/auth\/spreadsheets/);
    expect(p.emulator.triggers.list()).toHaveLength(1);
  });

  it('a trigger whose spreadsheet id is gone removes itself', () => {
    const p = setup({ addon: true });
    p.run('menuRemindersOn');
    const uid = p.emulator.triggers.list()[0].uid;
    p.emulator.properties.user(HEAD).delete(`ropdesk.trigger.${uid}`);
    p.emulator.runDueTriggers(msk(2026, 11, 27, 12));
    expect(p.emulator.triggers.list()).toHaveLength(0);
    expect(p.emulator.outbox).toHaveLength(0);
  });
});
