/**
 * Issue #16, "a simulated month shows each long-forgotten item once a week, not daily": the daily
 * trigger runs through November 2026 on the fake clock (weekends and the 4 November holiday have
 * no mail) with the digest's thresholds taken from the Settings sheet: at most 6 items, repeats
 * every 7 days. Anna has twelve deals forgotten since early October, three that become forgotten
 * in the first days of the month, and two she works on mid-month and then forgets again.
 */
import { deal, HEAD, kindOf, manager, msk, project, seedWorkbook } from './seed';

const ANNA = 'anna@example.com';
const START = msk(2026, 10, 31, 12); // Saturday
const END = msk(2026, 12, 1, 12);
const LIMIT = 6;
const id = (n: number) => `D-${String(n).padStart(6, '0')}`;

// Квалификация rots after 3 days: a deal last touched on day X is forgotten from day X + 4.
const longForgotten = Array.from({ length: 12 }, (_, i) => i + 1); // touched 1..12 October
const newlyForgotten = [21, 22, 23]; // touched 28, 28 and 29 October: forgotten 1 and 2 November
const revived = [1, 2]; // touched again on 10 November: forgotten again from 14 November

const p = project({ now: START, activeUser: HEAD });
seedWorkbook(p.emulator, {
  managers: [manager(HEAD, 'Ольга', 'Руководитель'), manager(ANNA, 'Анна')],
  deals: [
    ...longForgotten.map((n) => deal(n, ANNA, START, { lastActivityAt: msk(2026, 10, n, 15) })),
    deal(21, ANNA, START, { lastActivityAt: msk(2026, 10, 28, 15) }),
    deal(22, ANNA, START, { lastActivityAt: msk(2026, 10, 28, 16) }),
    deal(23, ANNA, START, { lastActivityAt: msk(2026, 10, 29, 15) }),
  ],
  settings: { 'Пунктов в сводке менеджера': String(LIMIT), 'Повтор давно забытых, дней': '7' },
});
p.run('menuRemindersOn');
p.emulator.runDueTriggers(msk(2026, 11, 10, 8));
// On 10 November Anna calls two of her oldest deals (as the sidebar would stamp them).
const deals = p.emulator.spreadsheet.getSheetByName('Сделки')!;
const values = deals.getDataRange().getValues();
const lastCol = values[0].indexOf('Последняя активность') + 1;
for (const n of revived) {
  const row = values.findIndex((r) => r[0] === id(n)) + 1;
  deals.getRange(row, lastCol).setValue(msk(2026, 11, 10, 8));
}
const fired = p.emulator.runDueTriggers(END);

const mskDay = (at: number) => new Date(at + 3 * 3_600_000).toISOString().slice(0, 10);
const dayNumber = (iso: string) => Date.parse(iso) / 86_400_000;
/** Anna's digests: the deal ids each lists, by day. */
const listed = new Map<string, string[]>();
const bodies = new Map<string, string>();
for (const m of p.emulator.outbox) {
  if (m.to !== ANNA || kindOf(m.subject) !== 'digest') continue;
  const ids = [...new Set([...m.body.matchAll(/• Сделка (D-\d{6})/g)].map((x) => x[1]))];
  listed.set(mskDay(m.at), ids);
  bodies.set(mskDay(m.at), m.body);
}
const daysListing = (dealId: string) =>
  [...listed.entries()].filter(([, ids]) => ids.includes(dealId)).map(([d]) => d);

describe('a month of digests with a weekly repeat', () => {
  it('runs every day without errors, mailing Anna on working days only', () => {
    expect(fired.filter((f) => f.error)).toEqual([]);
    for (const day of listed.keys()) {
      const wd = new Date(`${day}T12:00:00Z`).getUTCDay();
      expect([day, wd >= 1 && wd <= 5 && day !== '2026-11-04']).toEqual([day, true]);
    }
  });

  it('lists each long-forgotten deal at most once in any 7 days, and still weekly', () => {
    for (const n of longForgotten.filter((x) => !revived.includes(x))) {
      const days = daysListing(id(n)).map(dayNumber);
      for (let k = 1; k < days.length; k++) expect(days[k] - days[k - 1]).toBeGreaterThanOrEqual(7);
      // Not dropped either: four weeks of mail days list it three or four times.
      expect([id(n), days.length >= 3]).toEqual([id(n), true]);
    }
  });

  it('lists the newly forgotten on their first mail day, ahead of the repeats the cap cuts', () => {
    // 1 November is a Sunday: deals forgotten then and on Monday are news on Monday 2 November.
    const monday = listed.get('2026-11-02')!;
    for (const n of newlyForgotten) expect(monday).toContain(id(n));
    // Four repeats were due on that Monday (forgotten on a Monday, Saturday or Sunday of October);
    // with three news items the cap of six leaves one repeat out, counted as "and N more".
    expect(monday).toHaveLength(LIMIT);
    expect(bodies.get('2026-11-02')).toMatch(/и ещё \d+/);
    // A news item is not repeated the next day.
    for (const n of newlyForgotten) expect(listed.get('2026-11-03') ?? []).not.toContain(id(n));
  });

  it('holds the cap every day', () => {
    for (const [day, ids] of listed) expect([day, ids.length <= LIMIT]).toEqual([day, true]);
  });

  it('treats a deal worked on and forgotten again as news again', () => {
    for (const n of revived) {
      const days = daysListing(id(n));
      // Worked on 10 November: not listed from then until it is forgotten again (Saturday 14th);
      // news on Monday 16 November.
      expect(days.filter((d) => d >= '2026-11-10' && d < '2026-11-16')).toEqual([]);
      expect(days).toContain('2026-11-16');
    }
  });
});
