/**
 * A simulated month on the fake clock: the trigger fires every day at the configured hour; the
 * job itself decides working days (holidays included), Mondays' weekly report and the first
 * working day's monthly results. Each day's mail goes out once; nothing stays owed.
 */
import { deal, DIRECTOR, HEAD, kindOf, manager, msk, project, seedWorkbook } from './seed';

const START = msk(2026, 10, 31, 12); // Saturday
const END = msk(2026, 12, 1, 12);
const MANAGERS = ['anna@example.com', 'boris@example.com', 'vera@example.com'];

const p = project({ now: START, activeUser: HEAD });
seedWorkbook(p.emulator, {
  managers: [
    manager(HEAD, 'Ольга', 'Руководитель'),
    ...MANAGERS.map((e, i) => manager(e, `М${i}`)),
  ],
  deals: [
    ...MANAGERS.map((e, i) => deal(i + 1, e, START, { lastActivityAt: msk(2026, 10, 20) })),
    deal(10, 'anna@example.com', START, {
      stage: 'Успешно',
      closedAt: msk(2026, 11, 10),
      amount: 400_000,
    }),
    deal(11, 'boris@example.com', START, {
      stage: 'Успешно',
      closedAt: msk(2026, 11, 24),
      amount: 250_000,
    }),
  ],
  plans: MANAGERS.map((e) => ({
    level: 'Менеджер',
    target: e,
    period: '2026-11',
    metric: 'Выручка',
    value: 500_000,
  })),
  settings: { 'Получатели отчётов': DIRECTOR },
});
p.run('menuRemindersOn');
const fired = p.emulator.runDueTriggers(END);

/** "2026-11-02" in Moscow for an instant. */
const mskDay = (at: number) => new Date(at + 3 * 3_600_000).toISOString().slice(0, 10);
const byDay = new Map<string, string[]>();
for (const m of p.emulator.outbox) {
  const d = mskDay(m.at);
  byDay.set(d, [...(byDay.get(d) ?? []), `${kindOf(m.subject)}:${m.to}`]);
}

describe('a simulated month', () => {
  it('fires once a day at the reminder hour without errors', () => {
    expect(fired).toHaveLength(31); // 1 Nov .. 1 Dec
    expect(fired.filter((f) => f.error)).toEqual([]);
    expect(new Set(fired.map((f) => new Date(f.at).getUTCHours()))).toEqual(new Set([6])); // 9:xx MSK
  });

  it('mails on working days only (weekends and 4 November are days off)', () => {
    const days = [...byDay.keys()].sort();
    expect(days).toEqual([
      '2026-11-02',
      '2026-11-03',
      '2026-11-05',
      '2026-11-06',
      '2026-11-09',
      '2026-11-10',
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
      '2026-12-01',
    ]);
  });

  it('sends every working day one summary to the head and one digest per manager', () => {
    for (const [day, mails] of byDay) {
      expect([day, mails.filter((m) => m.startsWith('summary:'))]).toEqual([
        day,
        [`summary:${HEAD}`],
      ]);
      expect([day, mails.filter((m) => m.startsWith('digest:')).sort()]).toEqual([
        day,
        MANAGERS.map((e) => `digest:${e}`),
      ]);
    }
  });

  it('sends the weekly report on Mondays and the monthly results on the first working day', () => {
    const when = (kind: string) =>
      [...byDay.entries()]
        .filter(([, ms]) => ms.some((m) => m.startsWith(kind)))
        .map(([d]) => d)
        .sort();
    expect(when('weekly:')).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(when('monthly:')).toEqual(['2026-11-02', '2026-12-01']);
    expect(
      byDay
        .get('2026-12-01')!
        .filter((m) => m.startsWith('monthly:'))
        .sort(),
    ).toEqual([`monthly:${DIRECTOR}`, `monthly:${HEAD}`]);
    const december = p.emulator.outbox.find(
      (m) => kindOf(m.subject) === 'monthly' && mskDay(m.at) === '2026-12-01',
    )!;
    expect(december.subject).toContain('итоги ноября 2026');
    expect(december.body).toContain('Выиграно 2 сделки');
    expect(december.htmlBody).toMatch(/<td width="80%"/); // anna: 400 000 of 500 000
    expect(december.body).toContain('Премии за месяц');
    expect(december.body).toMatch(/М0: 80% — 40\u00a0000\u00a0₽/); // 10% of fact under plan
  });

  it('leaves nothing owed and writes one Log line per run', () => {
    const log = p.emulator.spreadsheet
      .getSheetByName('Отправленные письма')!
      .getDataRange()
      .getValues()
      .slice(1);
    expect(log.filter((r) => r[3] !== 'sent')).toEqual([]);
    expect(log).toHaveLength(p.emulator.outbox.length);
    const lines = p.emulator.spreadsheet
      .getSheetByName('Журнал')!
      .getDataRange()
      .getValues()
      .slice(1)
      .filter((r) => r[2] === 'reminders');
    expect(lines).toHaveLength(31);
    expect(lines.filter((r) => /нерабочий день/.test(String(r[3])))).toHaveLength(10);
  });
});
