/**
 * The head's daily summary through the bundle: a budget line running past its plan is flagged
 * before it overspends; a workbook without the Budget sheet still gets its mail.
 */
import {
  firstDailyRun,
  HEAD,
  kindOf,
  manager,
  msk,
  project,
  seedWorkbook,
} from '../reminders/seed';

const NOW = msk(2026, 11, 27, 9, 30); // Friday, day 27 of 30

function run(withBudget: boolean) {
  const p = project({ now: NOW, activeUser: HEAD });
  seedWorkbook(p.emulator, {
    managers: [manager(HEAD, 'Ольга', 'Руководитель'), manager('anna@example.com', 'Анна')],
  });
  if (withBudget) {
    const ss = p.emulator.spreadsheet;
    ss.insertSheet('Бюджет')
      .getRange(1, 1, 3, 4)
      .setValues([
        ['Статья', 'Источник', 'Месяц', 'План'],
        ['Реклама', 'Яндекс', '2026-11', 100_000],
        ['Сервисы', '', '2026-11', 30_000],
      ]);
    ss.insertSheet('Расходы')
      .getRange(1, 1, 4, 4)
      .setValues([
        ['Дата', 'Статья', 'Источник', 'Сумма'],
        // 95 000 in 27 days of 30: 105 556 by the month's end.
        [msk(2026, 11, 3), 'Реклама', 'Яндекс', 60_000],
        [msk(2026, 11, 20), 'Реклама', 'Яндекс', 35_000],
        [msk(2026, 11, 2), 'Сервисы', '', 20_000],
      ]);
    p.emulator.calls.reset();
  }
  firstDailyRun(p);
  return p;
}

describe("the head's summary flags budget lines", () => {
  it('names the line that will overspend at its pace, and not the one on plan', () => {
    const p = run(true);
    const summary = p.emulator.outbox.find((m) => m.to === HEAD && kindOf(m.subject) === 'summary');
    expect(summary?.body).toContain('Бюджет: статьи с перерасходом (1)');
    expect(summary?.body).toMatch(
      /Реклама · Яндекс: факт 95\s000\s₽ из 100\s000\s₽, по темпу к концу месяца 105\s556\s₽/,
    );
    expect(summary?.body).not.toContain('Сервисы');
    expect(p.lastReads['Бюджет']).toBe(1);
    expect(p.lastReads['Расходы']).toBe(1);
  });

  it('a workbook without the Budget sheet gets its summary without the section', () => {
    const p = run(false);
    const summary = p.emulator.outbox.find((m) => m.to === HEAD && kindOf(m.subject) === 'summary');
    expect(summary?.body).toBeDefined();
    expect(summary?.body).not.toContain('Бюджет');
  });
});
