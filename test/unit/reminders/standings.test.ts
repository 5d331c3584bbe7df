/**
 * "Who is behind, and why" on hand-computed figures. November 2026 has 20 working days (the 4th is
 * a holiday); on Wednesday 11 November at 10:00 the working days finished are 2, 3, 5, 6, 9 and 10
 * November: six (today counts once its working hours are over).
 */
import { asOfInstant, periodContaining } from '../../../src/core/analytics';
import { renderSummary } from '../../../src/core/reminders/render';
import { standings } from '../../../src/core/reminders/standings';
import type { HeadSummary } from '../../../src/core/reminders/types';
import {
  activity,
  day,
  deal,
  manager,
  moscow,
  msk,
  plan,
  rub,
  workbook,
} from '../analytics/fixtures';

const IVAN = 'ivan@example.com';
const MARIA = 'maria@example.com';
const OLGA = 'olga@example.com';
const PETR = 'petr@example.com';
const NOV = periodContaining(day(2026, 11, 11), 'month');
const NOW = asOfInstant(msk(2026, 11, 11, 10), moscow);

function data() {
  const won = (who: string, amount: number, closed: number) =>
    deal({ manager: who, stage: 'Успешно', amount: rub(amount), closedAt: closed });
  const open = (stage: string, amount: number, close: number) =>
    deal({ manager: IVAN, stage, amount: rub(amount), expectedClose: close });
  return workbook({
    managers: [
      manager({ email: 'head@example.com', name: 'Анна', role: 'head' }),
      manager({ email: IVAN, name: 'Иван', callsPerDay: 20 }),
      manager({ email: MARIA, name: 'Мария' }),
      manager({ email: OLGA, name: 'Ольга', callsPerDay: 10 }),
      manager({ email: PETR, name: 'Пётр' }),
      manager({ email: 'gone@example.com', name: 'Ушёл', active: false }),
    ],
    plans: [
      plan({ target: IVAN, period: '2026-11', value: rub(1_000_000) }),
      plan({ target: MARIA, period: '2026-11', value: rub(500_000) }),
      plan({ target: OLGA, period: '2026-11', value: rub(400_000) }),
    ],
    deals: [
      won(IVAN, 200_000, day(2026, 11, 5)),
      won(IVAN, 100_000, day(2026, 11, 10)),
      won(MARIA, 450_000, day(2026, 11, 3)),
      // Weighted this month: 500 000 x 0.6 + 1 000 000 x 0.2 = 500 000.
      open('Коммерческое предложение', 500_000, day(2026, 11, 25)),
      open('Квалификация', 1_000_000, day(2026, 11, 20)),
      // Late but closing in December: in the late-stage count, not in this month's pipeline.
      open('Счёт выставлен', 100_000, day(2026, 12, 15)),
    ],
    activities: [
      ...[2, 2, 2, 10].map((d) => activity({ manager: IVAN, at: msk(2026, 11, d, 12) })),
      // Today's call is not counted yet (nor is today in the norm), a meeting is not a call.
      activity({ manager: IVAN, at: msk(2026, 11, 11, 9, 30) }),
      activity({ manager: IVAN, type: 'meeting', at: msk(2026, 11, 3, 12) }),
      activity({ manager: OLGA, at: msk(2026, 10, 30, 12) }),
    ],
  });
}

test('ranked by the gap to plan, each with the figures that explain it', () => {
  const list = standings(data(), NOW, NOV);
  expect(list.map((s) => s.name)).toEqual(['Иван', 'Ольга', 'Мария', 'Пётр']);
  const [ivan, olga, maria, petr] = list;
  expect(ivan).toEqual({
    manager: IVAN,
    name: 'Иван',
    money: true,
    plan: rub(1_000_000),
    fact: rub(300_000),
    gap: rub(700_000),
    completion: 0.3,
    weightedPipeline: rub(500_000),
    weightedShare: 500 / 700,
    late: { count: 2, amount: rub(600_000) },
    calls: 4,
    callsNorm: 120,
    // Since the start of yesterday: the 100 000 closed on the 10th.
    factDelta: rub(100_000),
  });
  expect(olga).toMatchObject({ gap: rub(400_000), completion: 0, calls: 0, callsNorm: 60 });
  expect(maria).toMatchObject({
    gap: rub(50_000),
    completion: 0.9,
    weightedShare: 0,
    late: { count: 0, amount: 0 },
    callsNorm: null,
    factDelta: 0,
  });
  expect(petr).toMatchObject({ plan: 0, gap: 0, weightedShare: null });
});

test('after the working day, today joins both the calls and the norm', () => {
  const evening = asOfInstant(msk(2026, 11, 11, 19), moscow);
  const [ivan] = standings(data(), evening, NOV);
  expect(ivan).toMatchObject({ calls: 5, callsNorm: 140 });
});

test('on the first of the month everything this month is new since yesterday', () => {
  const d = data();
  d.deals.push(
    deal({ manager: IVAN, stage: 'Успешно', amount: rub(70_000), closedAt: day(2026, 12, 1) }),
  );
  d.plans.push(plan({ target: IVAN, period: '2026-12', value: rub(1_000_000) }));
  const dec = periodContaining(day(2026, 12, 1), 'month');
  const [ivan] = standings(d, asOfInstant(msk(2026, 12, 1, 9), moscow), dec);
  expect(ivan).toMatchObject({ fact: rub(70_000), factDelta: rub(70_000), callsNorm: 0 });
});

test('the summary names who is behind and why, and whose each risky deal is', () => {
  const list = standings(data(), NOW, NOV);
  const summary: HeadSummary = {
    day: NOW.day,
    team: null,
    managers: list.map((s) => ({
      manager: s.manager,
      name: s.name,
      counts: {
        forgottenDeals: 0,
        unprocessedLeads: 0,
        nextSteps: 0,
        forgottenClients: 0,
        overdueInvoices: 0,
      },
      overdueReceivables: 0,
      plan: null,
    })),
    atRisk: [
      {
        section: 'forgottenDeals',
        reason: 'forgotten',
        id: 'D-000009',
        title: 'Стеллажи',
        detail: 'ООО «Ромашка»',
        manager: OLGA,
        days: 9,
        daysOverdue: 2,
        minutes: 0,
        limit: 7,
        severity: 2,
        amount: rub(900_000),
        where: { sheet: 'deals', row: 0 },
        snoozedUntil: null,
      },
    ],
    receivables: [],
    receivablesTotal: 0,
    invalidManagers: [],
    standings: list,
  };
  const ctx = {
    lang: 'ru' as const,
    currency: 'RUB',
    links: { url: '', gids: {} },
    spreadsheetName: 'Продажи',
    maxBytes: 100_000,
  };
  const text = renderSummary(summary, ctx, 25).text.replace(/\u00a0/g, ' ');
  expect(text).toContain(
    [
      'Кто отстаёт и почему',
      '--------------------',
      '1. Иван — до плана 700 000 ₽, выполнено 30%',
      '   взвешенная воронка 500 000 ₽ — 71% недостающего · на поздних этапах 2 сделки на 600 000 ₽ · звонки: 4 при норме 120 · за сутки +100 000 ₽',
      '2. Ольга — до плана 400 000 ₽, выполнено 0%',
      '   взвешенная воронка 0 ₽ — 0% недостающего · на поздних этапах сделок нет · звонки: 0 при норме 60 · за сутки без изменений',
      '3. Мария — до плана 50 000 ₽, выполнено 90%',
      '   взвешенная воронка 0 ₽ — 0% недостающего · на поздних этапах сделок нет · звонки: 0, норма не задана · за сутки без изменений',
      '4. Пётр — план на месяц не задан',
      '   на поздних этапах сделок нет · звонки: 0, норма не задана',
    ].join('\n'),
  );
  expect(text).toContain('• Стеллажи (ООО «Ромашка» · менеджер: Ольга)');
  const en = renderSummary(summary, { ...ctx, lang: 'en' }, 25).text;
  expect(en).toContain('1. Иван: ₽700,000 to plan, 30% reached');
  expect(en).toContain('manager: Ольга');
});
