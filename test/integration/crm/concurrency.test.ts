/**
 * Two executions adding leads at once, through the bundle's sidebar RPC: the emulator runs the
 * second one inside the first at a chosen service call. No row may be lost or doubled, ids never
 * collide, and a caller that finds the workbook busy gets a clear message (and can retry).
 */
import { rows, setUpProject, stageHistory } from './helpers';

const form = (clientName: string, phone: string) => ({
  lead: {
    clientName,
    inn: '',
    contactName: '',
    phone,
    email: '',
    source: '',
    need: 'Нужна поставка',
    dealTitle: '',
    amount: '',
    summary: 'Первый звонок',
    nextStep: 'КП',
    nextStepDate: '01.12.2026',
  },
  force: false,
});

type Reply = {
  ok: boolean;
  data?: { status: string; clientId?: string; dealId?: string };
  error?: { message: string };
};

function ids(p: ReturnType<typeof setUpProject>) {
  const clients = rows(p, 'Клиенты').map((c) => c.ID);
  const deals = rows(p, 'Сделки').map((d) => d.ID);
  const acts = rows(p, 'Активности').map((a) => a.ID);
  return { clients, deals, acts };
}

describe('concurrent lead intake', () => {
  it('a second execution that starts before the first takes the lock: both land, ids distinct', () => {
    const p = setUpProject();
    let inner: Reply | null = null;
    p.emulator.interleave('Lock.tryLock', () => {
      inner = p.rpc('rpc', ['addLead', form('Бета', '+7 495 222-22-22')], {
        user: 'anna@firm.ru',
      }) as Reply;
    });
    const outer = p.rpc('rpc', ['addLead', form('Альфа', '+7 495 111-11-11')], {
      user: 'ivan@firm.ru',
    }) as Reply;
    expect(outer.ok).toBe(true);
    expect((inner as Reply | null)?.ok).toBe(true);
    const { clients, deals, acts } = ids(p);
    expect(clients).toEqual(['C-000001', 'C-000002']);
    expect(deals).toEqual(['D-000001', 'D-000002']);
    expect(new Set(acts).size).toBe(2);
    expect(rows(p, 'Клиенты').map((c) => c['Клиент'])).toEqual(['Бета', 'Альфа']);
    expect(stageHistory(p)).toHaveLength(2);
  });

  it.each(['Range.getValues', 'Range.setValues'])(
    'a second execution arriving while the first holds the lock (at %s) is told it is busy; a retry lands once',
    (method) => {
      const p = setUpProject();
      let inner: Reply | null = null;
      p.emulator.interleave(
        method,
        () => {
          inner = p.rpc('rpc', ['addLead', form('Бета', '+7 495 222-22-22')], {
            user: 'anna@firm.ru',
          }) as Reply;
        },
        { nth: 3 },
      );
      const outer = p.rpc('rpc', ['addLead', form('Альфа', '+7 495 111-11-11')], {
        user: 'ivan@firm.ru',
      }) as Reply;
      expect(outer.ok).toBe(true);
      const busy = inner as Reply | null;
      expect(busy?.ok).toBe(false);
      expect(busy?.error?.message).toContain('занята');
      expect(ids(p).clients).toEqual(['C-000001']);
      const retry = p.rpc('rpc', ['addLead', form('Бета', '+7 495 222-22-22')], {
        user: 'anna@firm.ru',
      }) as Reply;
      expect(retry.ok).toBe(true);
      const { clients, deals } = ids(p);
      expect(clients).toEqual(['C-000001', 'C-000002']);
      expect(deals).toEqual(['D-000001', 'D-000002']);
      // The same lead sent again is caught as a duplicate, not doubled.
      const again = p.rpc('rpc', ['addLead', form('Бета', '+7 495 222-22-22')], {
        user: 'anna@firm.ru',
      }) as Reply;
      expect(again.data?.status).toBe('duplicates');
      expect(ids(p).clients).toHaveLength(2);
    },
  );
});

describe('custom functions', () => {
  it('INN_CHECK and PHONE_RU take a value or a column range and keep its shape', () => {
    const p = setUpProject();
    expect(p.customFunction('INN_CHECK', ['7707083893'])).toBe(true);
    expect(p.customFunction('INN_CHECK', [7707083894])).toBe(false);
    expect(
      p.customFunction('INN_CHECK', [[['7707083893'], ['500100732259'], [''], ['12']]]),
    ).toEqual([[true], [true], [''], [false]]);
    expect(p.customFunction('PHONE_RU', ['8 (916) 123-45-67'])).toBe('+79161234567');
    expect(p.customFunction('PHONE_RU', [[['+7 701 123 45 67'], [89161234567], ['abc']]])).toEqual([
      [''],
      ['+79161234567'],
      [''],
    ]);
  });
});

describe('demo workbook', () => {
  it('fills an empty workbook with the demo company in one write per sheet, and refuses a used one', () => {
    const p = setUpProject();
    // The managers seeded by setUpProject make the workbook "in use".
    p.run('menuSetupDemo');
    expect(p.emulator.ui.alerts.at(-1)?.message ?? '').toContain('уже есть данные');
    const fresh = setUpProject();
    fresh.emulator.spreadsheet.getSheetByName('Менеджеры')?.getRange('A2:E10').clearContent();
    fresh.run('menuSetupDemo');
    expect(fresh.emulator.ui.alerts).toEqual([]);
    expect(rows(fresh, 'Сделки')).toHaveLength(900);
    expect(rows(fresh, 'Менеджеры')).toHaveLength(10);
    const calls = fresh.lastCalls;
    expect(calls['Range.setValues']).toBeLessThan(80);
  });
});
