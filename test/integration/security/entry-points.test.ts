/**
 * SECURITY.md "Every entry point checked, by one guard", through the built bundle: every top-level
 * function of dist/Code.js has a row in src/entry-points.ts, and each is called as a stranger, a
 * former (inactive) manager and a manager; the ones they may not run refuse with a message in the
 * workbook's language and change nothing.
 */
import type { Project } from '../../../local/harness';
import { ENTRY_POINTS, type EntryPoint } from '../../../src/entry-points';
import { MANAGERS } from '../../../src/core/workbook/schema';
import { mapHeaders } from '../../../src/core/workbook/headers';
import { HEAD, IVAN, seedTeam, STRANGER } from '../rpc/seed';

const FORMER = 'former@example.com';
let project: Project;

/** A row typed into the Managers sheet by the owner (test code writes as the owner). */
function addManager(email: string, role: string, active: unknown): void {
  const sheet = project.emulator.spreadsheet.getSheetByName(MANAGERS.ru)!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const map = mapHeaders(header, MANAGERS.columns).index;
  const row: unknown[] = header.map(() => '');
  row[map.email] = email;
  row[map.name] = email;
  row[map.role] = role;
  row[map.active] = active;
  sheet.getRange(sheet.getLastRow() + 1, 1, 1, header.length).setValues([row] as never);
}

/** Everything a refused call could have changed. */
function snapshot(): string {
  const em = project.emulator;
  return JSON.stringify({
    sheets: em.spreadsheet.getSheets().map((s) => [s.getName(), s.getDataRange().getValues()]),
    triggers: em.triggers.list().length,
    mail: em.outbox.length,
    // The journal queue, the seal key and the reminder state live here.
    properties: [...em.properties.document, ...em.properties.script].sort(),
  });
}

beforeAll(() => {
  project = seedTeam().project;
  addManager(FORMER, 'Менеджер', 'уволен');
});

const names = Object.keys(ENTRY_POINTS) as EntryPoint[];

it('every top-level function of the bundle has a declared role, and every row names one', () => {
  expect([...project.publicFunctions].sort()).toEqual([...names].sort());
});

describe.each([
  ['a stranger', STRANGER, /не найден на листе «Менеджеры»/],
  ['a former manager', FORMER, /не найден на листе «Менеджеры»/],
  ['a manager', IVAN, /Недостаточно прав/],
])('%s', (_who, user, refusal) => {
  const member = names.filter((n) => ENTRY_POINTS[n].kind === 'member');

  it.each(member)('%s: refused unless the role allows it', (name) => {
    const rule = ENTRY_POINTS[name] as { roles: readonly string[] };
    const before = snapshot();
    if (user === IVAN && rule.roles.includes('manager')) {
      expect(() => project.run(name, [], { user })).not.toThrow();
      return;
    }
    expect(() => project.run(name, [], { user })).toThrow(refusal);
    expect(snapshot()).toBe(before);
  });

  // Custom functions and simple triggers carry no role: Google runs them in a cell or on a
  // person's own edit. google.script.run reaches them too, as the caller with full rights, so
  // each, called so with nothing or with whole sheets as its arguments, must change nothing.
  const open = names.filter((n) =>
    ['customFunction', 'simpleTrigger'].includes(ENTRY_POINTS[n].kind),
  );

  it.each(open)('%s: called through google.script.run, changes nothing', (name) => {
    const sheet = (n: string) => project.emulator.spreadsheet.getSheetByName(n)!;
    const deals = sheet('Сделки').getDataRange().getValues();
    const plans = sheet('Планы').getDataRange().getValues();
    const forgedEdit = { range: { getSheet: 'x' }, value: 'Выиграна', oldValue: 'Новая заявка' };
    const before = snapshot();
    for (const args of [[], [deals, plans, '2026-11'], [forgedEdit]]) {
      try {
        project.rpc(name, args, { user });
      } catch {
        // A refusal or a type error is fine; a change is not.
      }
    }
    expect(snapshot()).toBe(before);
  });

  it('runScheduledJob: refused without the stored trigger’s uid', () => {
    const before = snapshot();
    expect(() => project.rpc('runScheduledJob', [], { user })).toThrow(/не событие/);
    project.rpc('runScheduledJob', [{ triggerUid: 'forged-1' }], { user });
    expect(snapshot()).toBe(before);
  });

  it('onFormSubmit: a forged event (no real range) is refused and adds no lead', () => {
    const before = snapshot();
    const forged = { namedValues: { Имя: ['Хакер'] }, triggerUid: 'x', range: {} };
    expect(() => project.rpc('onFormSubmit', [forged], { user })).toThrow(/не событие/);
    expect(snapshot()).toBe(before);
  });

  it('rpc: the method table refuses them (the import included)', () => {
    const expected = user === IVAN ? 'forbidden' : 'unknownUser';
    expect(project.rpc('rpc', ['getSettings', {}], { user })).toMatchObject({
      ok: false,
      error: { code: expected },
    });
    const file = { mode: 'preview', name: 'a.csv', type: 'text/csv', base64: 'YQ==' };
    expect(project.rpc('rpc', ['importFile', file], { user })).toMatchObject({
      ok: false,
      error: { code: expected },
    });
  });
});

it('the head passes the guard for every head item', () => {
  for (const name of ['menuRefreshDashboard', 'menuRemindersOn', 'menuRemindersOff'] as const)
    expect(() => project.run(name, [], { user: HEAD })).not.toThrow();
});
