/**
 * What the sidebar's settings show about reminders (through the one RPC dispatcher), the stale
 * warning after 26 hours without a successful run, the weekly report on demand (sent once a day),
 * old sent-log rows pruned, and English mail when the workbook's language is English.
 */
import { deal, DIRECTOR, HEAD, kindOf, manager, msk, project, seedWorkbook } from './seed';

const NOW = msk(2026, 11, 27, 8, 0);

function setup(settings: Record<string, string> = {}, stage = 'Квалификация') {
  const p = project({ now: NOW, activeUser: HEAD });
  seedWorkbook(p.emulator, {
    managers: [manager(HEAD, 'Ольга', 'Руководитель'), manager('anna@example.com', 'Анна')],
    deals: [deal(1, 'anna@example.com', NOW, { stage })],
    settings: { 'Получатели отчётов': DIRECTOR, ...settings },
  });
  return p;
}

type Reply<T> = { ok: boolean; data: T; error?: unknown };
interface View {
  on: boolean;
  owner: string;
  lastRunAt: string | null;
  lastResult: string;
  stale: boolean;
}

describe('reminders in the sidebar', () => {
  it('turns on, shows the owner, the last run and its result, and warns after 26 hours', () => {
    const p = setup();
    const on = p.rpc('rpc', ['setReminders', { on: true }]) as Reply<View>;
    expect(on.ok).toBe(true);
    expect(on.data).toMatchObject({ on: true, owner: HEAD, lastRunAt: null, stale: false });
    p.emulator.runDueTriggers(msk(2026, 11, 27, 12));
    const after = (p.rpc('rpc', ['getSettings', {}]) as Reply<{ reminders: View }>).data.reminders;
    expect(after.lastRunAt).not.toBeNull();
    expect(after.lastResult).toMatch(/2/); // two emails sent
    expect(after.stale).toBe(false);
    // The trigger stops firing (e.g. its owner left): the warning appears after 26 hours.
    p.emulator.clock.advance(27 * 3_600_000);
    const later = (p.rpc('rpc', ['getSettings', {}]) as Reply<{ reminders: View }>).data.reminders;
    expect(later.stale).toBe(true);
    const off = p.rpc('rpc', ['setReminders', { on: false }]) as Reply<View>;
    expect(off.data).toMatchObject({ on: false, stale: false });
    expect(p.emulator.triggers.list()).toHaveLength(0);
  });

  it('sends the weekly report now to the head and the director, once a day', () => {
    const p = setup();
    const first = p.rpc('rpc', ['sendWeeklyReport', {}]) as Reply<{ sent: number }>;
    expect(first.data.sent).toBe(2);
    expect(p.emulator.outbox.map((m) => `${kindOf(m.subject)}:${m.to}`).sort()).toEqual([
      `weekly:${DIRECTOR}`,
      `weekly:${HEAD}`,
    ]);
    const again = p.rpc('rpc', ['sendWeeklyReport', {}]) as Reply<{ sent: number }>;
    expect(again.data.sent).toBe(0);
    expect(p.emulator.outbox).toHaveLength(2);
  });
});

describe('housekeeping and language', () => {
  it('drops sent-log rows older than 35 days at the start of a run', () => {
    const p = setup();
    const ss = p.emulator.spreadsheet;
    const sheet = ss.insertSheet('Отправленные письма');
    sheet.getRange(1, 1, 4, 6).setValues([
      ['День', 'Получатель', 'Вид', 'Статус', 'Когда', 'Примечание'],
      ["'2026-09-01", 'anna@example.com', 'digest', 'sent', msk(2026, 9, 1, 9), ''],
      ["'2026-10-01", 'anna@example.com', 'digest', 'sent', msk(2026, 10, 1, 9), ''],
      ["'2026-11-26", 'anna@example.com', 'digest', 'sent', msk(2026, 11, 26, 9), ''],
    ]);
    p.run('menuRunRemindersNow');
    const days = sheet
      .getDataRange()
      .getValues()
      .slice(1)
      .map((r) => String(r[0]));
    expect(days).toEqual(['2026-11-26', '2026-11-27', '2026-11-27']);
  });

  it('writes the emails in English when the workbook says so', () => {
    const p = setup({ Язык: 'en' }, 'Qualification');
    p.run('menuRunRemindersNow');
    const digest = p.emulator.outbox.find((m) => m.to === 'anna@example.com')!;
    expect(digest.subject).toBe('ROP Desk: 1 item for 27.11.2026');
    expect(digest.body).toContain('Forgotten deals (1)');
    expect(digest.body).toContain('Hello Анна,');
  });
});
