/**
 * The head's morning summary through the built bundle, fired by the daily trigger: managers ranked
 * by their gap to plan, each with the weighted pipeline against the gap, late-stage deals, calls
 * against the Managers sheet's norm and the change since yesterday; every risky deal and overdue
 * debt names its manager. Wednesday 11 November 2026, 09:00 Moscow: six working days are over.
 */
import { deal, firstDailyRun, HEAD, kindOf, manager, msk, project, seedWorkbook } from './seed';

const NOW = msk(2026, 11, 11, 9);

function setup() {
  const p = project({ now: NOW.getTime(), activeUser: HEAD });
  const call = (who: string, d: number) => ({
    id: `A-${who}-${d}`,
    at: msk(2026, 11, d, 12),
    manager: who,
    type: 'Звонок',
    summary: 'Звонок',
  });
  seedWorkbook(p.emulator, {
    managers: [
      manager(HEAD, 'Ольга', 'Руководитель'),
      { ...manager('anna@example.com', 'Анна'), callsPerDay: 20 },
      { ...manager('boris@example.com', 'Борис'), callsPerDay: 10 },
    ],
    clients: [{ id: 'C-000001', name: 'ООО «Ромашка»', manager: 'anna@example.com' }],
    deals: [
      deal(1, 'anna@example.com', NOW, {
        stage: 'Успешно',
        amount: 200_000,
        closedAt: msk(2026, 11, 10),
      }),
      deal(2, 'anna@example.com', NOW, {
        stage: 'Согласование договора',
        amount: 500_000,
        expectedClose: msk(2026, 11, 27),
        lastActivityAt: msk(2026, 11, 10, 12),
        nextStepDate: msk(2026, 11, 12),
      }),
      deal(3, 'boris@example.com', NOW, {
        stage: 'Успешно',
        amount: 100_000,
        closedAt: msk(2026, 11, 3),
      }),
      // Forgotten (10 days without activity in «Квалификация»): a risky deal.
      deal(4, 'boris@example.com', NOW, { amount: 900_000 }),
    ],
    activities: [
      ...[2, 3, 5, 9].map((d) => call('anna@example.com', d)),
      call('boris@example.com', 10),
    ],
    invoices: [
      {
        id: 'I-000001',
        number: '101',
        clientId: 'C-000001',
        issuedAt: msk(2026, 10, 1),
        dueDate: msk(2026, 10, 15),
        amount: 80_000,
        paidAmount: 0,
      },
    ],
    plans: [
      ...['anna@example.com', 'boris@example.com'].map((target) => ({
        level: 'Менеджер',
        target,
        period: '2026-11',
        metric: 'Выручка',
        value: target.startsWith('anna') ? 1_000_000 : 300_000,
      })),
    ],
  });
  return p;
}

test('the summary answers who is behind and why', () => {
  const p = setup();
  firstDailyRun(p);
  const summary = p.emulator.outbox.find((m) => m.to === HEAD && kindOf(m.subject) === 'summary');
  if (!summary) throw new Error('no summary was sent');
  const text = summary.body.replace(/\u00a0/g, ' ');
  expect(text).toContain(
    [
      '1. Анна — до плана 800 000 ₽, выполнено 20%',
      // 500 000 x 0.8 = 400 000 weighted against the 800 000 missing; 4 calls, 6 days x 20.
      '   взвешенная воронка 400 000 ₽ — 50% недостающего · на поздних этапах 1 сделка на 500 000 ₽ · звонки: 4 при норме 120 · за сутки +200 000 ₽',
      '2. Борис — до плана 200 000 ₽, выполнено 33%',
      '   взвешенная воронка 0 ₽ — 0% недостающего · на поздних этапах сделок нет · звонки: 1 при норме 60 · за сутки без изменений',
    ].join('\n'),
  );
  // The per-manager table follows the same order.
  expect(text.indexOf('• Анна:')).toBeLessThan(text.indexOf('• Борис:'));
  // Every risky deal and overdue debt names whose it is.
  expect(text).toMatch(/Сделка D-000004 \(ООО «Ромашка» · Квалификация · менеджер: Борис\)/);
  expect(text).toMatch(/ООО «Ромашка» \(№ 101 · менеджер: Анна\)/);
  expect(summary.htmlBody).toContain('<ol');
});
