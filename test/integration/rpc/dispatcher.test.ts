/**
 * The sidebar's one public entry, `rpc(method, payload)`, called through the vm-loaded
 * dist/Code.js exactly as google.script.run calls it: the allow-list, who may call what, the
 * refusal of unknown and empty users, managers confined to their own records, payload checks,
 * the stale-write refusal, opening a record in the sheet, and answers that survive Google's
 * serialisation (no Date anywhere).
 */
import { loadProject, type Project } from '../../../local/harness';
import { createEmulator } from '../../../local/emulator';
import { DEALS, MANAGERS } from '../../../src/core/workbook/schema';
import { mapHeaders } from '../../../src/core/workbook/headers';
import type { Method } from '../../../src/shared/contract';
import {
  DIRECTOR,
  HEAD,
  IVAN,
  MARIA,
  NOW,
  STRANGER,
  dealsOf,
  ok,
  rpc,
  seedTeam,
  type Seeded,
} from './seed';

let seeded: Seeded;
let project: Project;

beforeAll(() => {
  seeded = seedTeam();
  project = seeded.project;
});

const call = (user: string, method: string, payload: unknown) =>
  project.rpc('rpc', [method, payload], { user }) as {
    ok: boolean;
    error?: { code: string; message: string; fields: Array<{ field: string; message: string }> };
  };

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const EVERY: Method[] = [
  'bootstrap',
  'today',
  'findDuplicates',
  'addLead',
  'logActivity',
  'snooze',
  'moveStage',
  'closeWon',
  'closeLost',
  'openRecord',
  'dealCard',
  'team',
  'refreshDashboard',
  'sendWeeklyReport',
  'getSettings',
  'saveSettings',
  'setReminders',
  'importFile',
  'moneyView',
  'discountQueue',
  'decideDiscount',
  'dealLines',
  'saveDealLines',
];

describe('the allow-list', () => {
  it.each(['deleteEverything', 'toString', '__proto__', 'constructor', ''])(
    'refuses the unknown method "%s"',
    (m) => {
      expect(call(HEAD, m, {})).toMatchObject({ ok: false, error: { code: 'unknownMethod' } });
    },
  );

  it('refuses a caller Google does not name, and one who is not on the Managers sheet', () => {
    const empty = call('', 'bootstrap', {});
    expect(empty).toMatchObject({ ok: false, error: { code: 'unknownUser' } });
    expect(empty.error?.message).toBe(
      'Не удалось определить ваш email. Войдите в аккаунт Google и обновите страницу.',
    );
    const stranger = call(STRANGER, 'today', {});
    expect(stranger).toMatchObject({ ok: false, error: { code: 'unknownUser' } });
    expect(stranger.error?.message).toContain(STRANGER);
  });

  it('refuses a manager marked inactive', () => {
    const sheet = project.emulator.spreadsheet.getSheetByName(MANAGERS.ru)!;
    const values = sheet.getDataRange().getValues();
    const col = mapHeaders(values[0], MANAGERS.columns).index;
    const row = values.findIndex((r) => r[col.email] === MARIA) + 1;
    const cell = sheet.getRange(row, col.active + 1);
    cell.setValue(false);
    try {
      expect(call(MARIA, 'bootstrap', {})).toMatchObject({
        ok: false,
        error: { code: 'unknownUser' },
      });
    } finally {
      cell.setValue(true);
    }
    expect(call(MARIA, 'bootstrap', {})).toMatchObject({ ok: true });
  });

  const managerMay = new Set<Method>([...EVERY.slice(0, 11), 'dealLines', 'saveDealLines']);
  it.each(EVERY.filter((m) => !managerMay.has(m)))(
    'refuses "%s" to a manager, naming the role it needs',
    (m) => {
      const r = call(IVAN, m, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(r.error?.message).toMatch(/^Недостаточно прав: это доступно только роли «.+»\.$/);
    },
  );

  it('lets the director see the team but not change settings, reminders or import', () => {
    expect(call(DIRECTOR, 'team', { period: '' })).toMatchObject({ ok: true });
    for (const m of ['getSettings', 'saveSettings', 'setReminders', 'sendWeeklyReport'] as const) {
      expect(call(DIRECTOR, m, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const file = { mode: 'preview', name: 'a.csv', type: 'text/csv', base64: b64('Компания\nА\n') };
    expect(call(DIRECTOR, 'importFile', file)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('tells the page which tabs the role may open (the server still checks every call)', () => {
    expect(ok(rpc(project, IVAN, 'bootstrap', {})).can).toEqual({
      team: false,
      import: false,
      settings: false,
      weeklyReport: false,
    });
    expect(ok(rpc(project, DIRECTOR, 'bootstrap', {})).can).toEqual({
      team: true,
      import: false,
      settings: false,
      weeklyReport: false,
    });
    expect(ok(rpc(project, HEAD, 'bootstrap', {})).can).toEqual({
      team: true,
      import: true,
      settings: true,
      weeklyReport: true,
    });
  });
});

describe('a manager sees and touches only their own records', () => {
  function ownerOf(dealId: string): string {
    const values = project.emulator.spreadsheet
      .getSheetByName(DEALS.ru)!
      .getDataRange()
      .getValues();
    const col = mapHeaders(values[0], DEALS.columns).index;
    return String(values.find((r) => r[col.id] === dealId)?.[col.manager] ?? '');
  }

  it('lists only their deals and their clients’ invoices', () => {
    for (const user of [IVAN, MARIA]) {
      const t = ok(rpc(project, user, 'today', {}));
      const ids = dealsOf(t).map((d) => d.id);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(ownerOf(id)).toBe(user);
    }
    expect(ok(rpc(project, MARIA, 'today', {})).overdueInvoices).toEqual([]);
    expect(ok(rpc(project, IVAN, 'today', {})).overdueInvoices.map((i) => i.id)).toEqual([
      'I-000001',
    ]);
  });

  it('cannot act on or open a colleague’s deal, and learns nothing about it', () => {
    const acts = () => project.emulator.spreadsheet.getSheetByName('Активности')!.getLastRow();
    const before = acts();
    const r = call(IVAN, 'logActivity', {
      dealId: seeded.deals.maria,
      updatedAt: null,
      type: 'call',
      summary: 'x',
      nextStep: 'y',
      nextStepDate: '2026-12-01',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(acts()).toBe(before);
    expect(call(IVAN, 'openRecord', { sheet: 'deals', id: seeded.deals.maria })).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
  });

  it('shows a colleague’s duplicate by name and owner only', () => {
    const dups = ok(
      rpc(project, IVAN, 'findDuplicates', {
        clientName: 'Сидоров ИП',
        inn: '',
        phone: '',
        email: '',
      }),
    );
    expect(dups).toEqual([
      expect.objectContaining({
        name: 'ИП Сидоров',
        manager: 'Мария Смирнова',
        phone: '',
        email: '',
        inn: '',
        canOpen: false,
      }),
    ]);
    const own = ok(
      rpc(project, MARIA, 'findDuplicates', {
        clientName: 'Сидоров ИП',
        inn: '',
        phone: '',
        email: '',
      }),
    );
    expect(own[0]).toMatchObject({ phone: '+79031112233', canOpen: true });
  });
});

describe('requests are checked before anything runs', () => {
  it('refuses payloads of the wrong shape', () => {
    expect(call(IVAN, 'logActivity', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(call(IVAN, 'logActivity', { dealId: 'D-1; DROP', type: 'call' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(
      call(IVAN, 'logActivity', {
        dealId: seeded.deals.romashka,
        type: 'hack',
        summary: '',
        nextStep: '',
        nextStepDate: '',
      }).error?.message,
    ).toBe('Неверный запрос (поле «type»). Допустимые значения: call, meeting, email, message.');
  });

  it('names every field of a bad payload, in the user’s language', () => {
    const r = call(IVAN, 'logActivity', {
      dealId: 'D-1; DROP',
      updatedAt: 7,
      type: 'call',
      summary: 'x'.repeat(5001),
    });
    expect(r.error?.fields).toEqual([
      { field: 'dealId', message: 'Ожидается код записи, например D-000123.' },
      { field: 'updatedAt', message: 'Ожидается текст.' },
      { field: 'summary', message: 'Не длиннее 5000 символов.' },
    ]);
    expect(r.error?.message).toBe(
      'Неверный запрос (поле «dealId»). Ожидается код записи, например D-000123.',
    );
    expect(call(IVAN, 'openRecord', [])).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'Неверный запрос. Ожидается объект.' },
    });
  });

  it('refuses a method name that is not a string as an unknown method', () => {
    for (const m of [42, null, { toString: 'bootstrap' }, ['bootstrap']]) {
      expect(project.rpc('rpc', [m, {}], { user: HEAD })).toMatchObject({
        ok: false,
        error: { code: 'unknownMethod' },
      });
    }
  });

  it('drops keys the schema does not name, and reads an absent payload as empty', () => {
    expect(call(HEAD, 'team', { period: '', extra: 'x'.repeat(10000) })).toMatchObject({
      ok: true,
      data: { currency: 'RUB' },
    });
    expect(project.rpc('rpc', ['today', null], { user: IVAN })).toMatchObject({ ok: true });
  });

  it('names the lead form’s inputs for problems the CRM names by record field', () => {
    const r = call(IVAN, 'addLead', {
      force: true,
      lead: {
        clientName: ' ',
        phone: '+7 916 000-00-99',
        need: 'x',
        summary: 's',
        nextStep: 'n',
        nextStepDate: '2026-12-01',
      },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(r.error?.fields.map((f) => f.field)).toEqual(['clientName']);
  });

  it('names every missing field of an action, as the form names its inputs', () => {
    const r = call(IVAN, 'snooze', {
      dealId: seeded.deals.romashka,
      updatedAt: null,
      until: '',
      reason: '',
    });
    expect(r.error?.fields.map((f) => f.field)).toEqual(['until', 'reason']);
    expect(r.error?.fields[1].message).toBe('Поле «Причина» обязательно.');
    const lost = call(IVAN, 'closeLost', {
      dealId: seeded.deals.romashka,
      updatedAt: null,
      reason: ' ',
      amount: '',
    });
    expect(lost.error?.fields).toEqual([
      { field: 'reason', message: 'Поле «Причина проигрыша» обязательно.' },
    ]);
  });

  it('refuses to overwrite a deal someone changed after it was shown', () => {
    const r = call(IVAN, 'logActivity', {
      dealId: seeded.deals.romashka,
      updatedAt: '2026-11-01T00:00:00.000Z',
      type: 'call',
      summary: 'Звонок',
      nextStep: 'КП',
      nextStepDate: '2026-12-01',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses an import without a file, one over the size limit, and a manager’s import', () => {
    const empty = { mode: 'preview', name: '', type: '', base64: '' };
    expect(call(HEAD, 'importFile', empty)).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: 'Файл не выбран.' },
    });
    // Just over 20 MB of base64: the schema's cap names the field, no decoding is attempted.
    const huge = { ...empty, name: 'big.csv', base64: 'A'.repeat(28_000_000) };
    const r = call(HEAD, 'importFile', huge);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(r.error?.fields.map((f) => f.field)).toEqual(['base64']);
    expect(call(IVAN, 'importFile', { ...empty, base64: b64('x') })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('a workbook that is not set up', () => {
  it('says which sheet is missing instead of failing with a stack trace', () => {
    const bare = loadProject({ emulator: createEmulator({ now: NOW, activeUser: HEAD }) });
    const r = bare.rpc('rpc', ['bootstrap', {}], { user: HEAD }) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(r).toMatchObject({ ok: false, error: { code: 'setup' } });
    expect(r.error.message).toBe(
      'Нет листа «Менеджеры». Запустите «ROP Desk → Настроить таблицу».',
    );
  });
});

describe('answers', () => {
  it('cross google.script.run intact: no Date anywhere (it would arrive as null)', () => {
    for (const [user, method, payload] of [
      [IVAN, 'bootstrap', {}],
      [HEAD, 'team', { period: '' }],
      [HEAD, 'getSettings', {}],
    ] as const) {
      const direct = project.run('rpc', [method, payload], { user });
      expect(project.rpc('rpc', [method, payload], { user })).toEqual(
        JSON.parse(JSON.stringify(direct)),
      );
    }
  });

  it('opening a record selects its row in the sheet', () => {
    project.emulator.spreadsheet.setActiveSheet(project.emulator.spreadsheet.getSheets()[0]);
    expect(
      ok(rpc(project, IVAN, 'openRecord', { sheet: 'deals', id: seeded.deals.romashka })),
    ).toEqual({ opened: true });
    expect(project.lastCalls['Spreadsheet.setActiveRange']).toBe(1);
    const book = project.emulator.spreadsheet;
    expect(book.getActiveSheet().getName()).toBe(DEALS.ru);
    // The selection is the deal's row, across the table.
    const selected = book.getActiveRange()!;
    const ids = book.getActiveSheet().getRange('A:A').getValues().flat();
    expect(selected.getRow()).toBe(ids.indexOf(seeded.deals.romashka) + 1);
    expect([selected.getColumn(), selected.getNumRows()]).toEqual([1, 1]);
    expect(selected.getNumColumns()).toBe(book.getActiveSheet().getLastColumn());
  });

  it('a previewed CSV upload maps columns in the user’s language and lists rejected rows', () => {
    const csv = 'Компания;Телефон;Потребность\nООО «Береза»;+7 916 000-00-01;Стеллажи\n;abc;\n';
    const file = {
      mode: 'preview',
      name: 'leads.csv',
      type: 'text/csv',
      base64: b64(csv),
    } as const;
    const r = { data: ok(rpc(project, HEAD, 'importFile', file)) };
    expect(r.data.mapping).toEqual([
      { header: 'Компания', field: 'Клиент' },
      { header: 'Телефон', field: 'Телефон' },
      { header: 'Потребность', field: 'Потребность' },
    ]);
    expect(r.data.rejected.map((x) => x.row)).toEqual([3]);
    expect(r.data.added).toBe(1);
  });

  it('the first screen costs the same spreadsheet calls however many rows there are', () => {
    // Spreadsheet service calls only (zone lookups are cached per hour of the data, not per row).
    const sheetCalls = () =>
      Object.fromEntries(
        Object.entries(project.lastCalls).filter(([k]) => /^(Spreadsheet|Sheet|Range)/.test(k)),
      );
    project.rpc('rpc', ['bootstrap', {}], { user: IVAN });
    const small = sheetCalls();
    for (let i = 0; i < 20; i++) {
      ok(
        rpc(project, IVAN, 'addLead', {
          force: true,
          lines: [],
          lead: {
            clientName: `ООО «Клиент ${i}»`,
            inn: '',
            contactName: '',
            phone: `+7 916 100-00-${String(10 + i)}`,
            email: '',
            source: '',
            need: 'Стеллажи',
            dealTitle: '',
            amount: '',
            activityType: 'call',
            summary: 'Звонок',
            nextStep: 'КП',
            nextStepDate: '2026-12-01',
          },
        }),
      );
    }
    project.rpc('rpc', ['bootstrap', {}], { user: IVAN });
    expect(sheetCalls()).toEqual(small);
    expect(small['Range.getValues']).toBeLessThanOrEqual(12);
  });
});
