import {
  asOfDay,
  asOfInstant,
  dealsWithoutNextStep,
  forgottenClients,
  forgottenDeals,
  overdueNextSteps,
  unprocessedLeads,
} from '../../../src/core/analytics';
import { activity, client, day, deal, moscow, msk, settings, workbook } from './fixtures';

describe('forgotten deals', () => {
  const asOf = asOfDay(day(2026, 11, 27), moscow);
  const d1 = deal({ stage: 'Квалификация', createdAt: msk(2026, 11, 1) }); // limit 3
  const d2 = deal({ stage: 'Коммерческое предложение', createdAt: msk(2026, 11, 1) }); // 7
  const d3 = deal({
    stage: 'Коммерческое предложение',
    createdAt: msk(2026, 11, 1),
    nextStep: 'Позвонить',
    nextStepDate: day(2026, 11, 28),
  });
  const d4 = deal({
    stage: 'Квалификация',
    createdAt: msk(2026, 10, 1),
    snoozedUntil: day(2026, 12, 1),
    snoozeReason: 'Клиент в отпуске',
  });
  const d5 = deal({ stage: 'Успешно', createdAt: msk(2026, 10, 1) });
  const d6 = deal({ stage: 'Новая заявка', createdAt: msk(2026, 11, 25, 10) }); // limit 1
  const d7 = deal({
    stage: 'Квалификация',
    createdAt: msk(2026, 11, 1),
    snoozedUntil: day(2026, 11, 27),
  });
  const data = workbook({
    deals: [d1, d2, d3, d4, d5, d6, d7],
    activities: [
      activity({ dealId: d1.id, at: msk(2026, 11, 20, 10) }),
      activity({ dealId: d1.id, at: msk(2026, 11, 18, 10) }),
      activity({ dealId: d2.id, at: msk(2026, 11, 22, 12) }),
      activity({ dealId: d2.id, at: msk(2026, 11, 30, 12) }), // planned, in the future: ignored
      activity({ dealId: d3.id, at: msk(2026, 11, 15, 12) }),
      activity({ dealId: d4.id, at: msk(2026, 11, 1, 12) }),
      activity({ dealId: d7.id, at: msk(2026, 11, 20, 12) }),
    ],
  });

  it('selects open deals over their stage limit, most urgent first', () => {
    const { items, snoozed } = forgottenDeals(data, asOf);
    expect(items.map((i) => [i.record.id, i.days, i.daysOverdue, i.limit, i.severity])).toEqual([
      [d1.id, 7, 4, 3, 3], // 7 / 3 >= 2: critical
      [d7.id, 7, 4, 3, 3], // snoozed until today: nags again today
      [d6.id, 2, 1, 1, 3], // no activity: creation counts
      // d3 is 12 days idle, but its next step is due on 28.11: planned, not forgotten.
    ]);
    expect(items[0].manager).toBe('ivan@example.com');
    expect(snoozed.map((i) => [i.record.id, i.snoozeReason, i.days])).toEqual([
      [d4.id, 'Клиент в отпуске', 26],
    ]);
  });

  it('never calls a deal with a step due today or later forgotten, whatever its idle days', () => {
    const step = (d: number) =>
      deal({ stage: 'Квалификация', createdAt: msk(2026, 10, 1), nextStep: 'КП', nextStepDate: d });
    const due = [step(day(2026, 11, 27)), step(day(2026, 11, 29)), step(day(2026, 11, 26))];
    const ids = forgottenDeals({ ...data, deals: due, activities: [] }, asOf).items.map(
      (i) => i.record.id,
    );
    expect(ids).toEqual([due[2].id]); // only the one whose step was due yesterday
  });

  it('uses the deal stamp when it is later than the Activities sheet', () => {
    const stamped = { ...d1, lastActivityAt: msk(2026, 11, 26, 9) };
    expect(forgottenDeals(workbook({ deals: [stamped] }), asOf).items).toEqual([]);
  });

  it('returns nothing on an empty workbook', () => {
    expect(forgottenDeals(workbook(), asOf)).toEqual({ items: [], snoozed: [] });
  });
});

describe('unprocessed leads', () => {
  const now = asOfInstant(msk(2026, 11, 27, 10), moscow);
  const l1 = deal({ stage: 'Новая заявка', createdAt: msk(2026, 11, 27, 9, 30), clientId: 'C-1' });
  const l2 = deal({ stage: 'Новая заявка', createdAt: msk(2026, 11, 27, 9, 50) });
  const l3 = deal({ stage: 'Новая заявка', createdAt: msk(2026, 11, 26, 17), clientId: 'C-3' });
  const l4 = deal({ stage: 'Новая заявка', createdAt: msk(2026, 11, 26, 17, 50) });
  const l5 = deal({ stage: 'Проиграна', createdAt: msk(2026, 11, 20, 17, 50) });
  const l6 = deal({
    stage: 'Квалификация',
    createdAt: msk(2026, 11, 20),
    firstActivityAt: msk(2026, 11, 20, 9),
  });
  const data = workbook({
    deals: [l1, l2, l3, l4, l5, l6],
    activities: [
      activity({ clientId: 'C-3', at: msk(2026, 11, 26, 17, 5) }),
      activity({ clientId: 'C-1', at: msk(2026, 11, 27, 9) }), // before the lead: not a response
    ],
  });

  it('flags leads with no response within the limit in working minutes', () => {
    const { items } = unprocessedLeads(data, now);
    expect(items.map((i) => [i.record.id, i.minutes, i.minutesOverdue, i.severity])).toEqual([
      [l4.id, 70, 55, 3], // 10 min on Thursday + 60 on Friday; 70 / 15 >= 4
      [l1.id, 30, 15, 2],
    ]);
  });

  it('honours the response limit from Settings', () => {
    const relaxed = { ...data, settings: settings({ responseLimitMinutes: 60 }) };
    expect(unprocessedLeads(relaxed, now).items.map((i) => i.record.id)).toEqual([l4.id]);
  });
});

describe('next steps', () => {
  const asOf = asOfDay(day(2026, 11, 27), moscow);
  const late = deal({ nextStep: 'КП', nextStepDate: day(2026, 11, 19) });
  const yesterday = deal({ nextStep: 'Звонок', nextStepDate: day(2026, 11, 26) });
  const today = deal({ nextStep: 'Звонок', nextStepDate: day(2026, 11, 27) });
  const none = deal({ stage: 'Согласование договора' });
  const noneEarly = deal({ stage: 'Новая заявка' });
  const won = deal({ stage: 'Успешно', nextStepDate: day(2026, 11, 1) });
  const data = workbook({ deals: [late, yesterday, today, none, noneEarly, won] });

  it('lists overdue next steps by days overdue', () => {
    expect(
      overdueNextSteps(data, asOf).items.map((i) => [i.record.id, i.daysOverdue, i.severity]),
    ).toEqual([
      [late.id, 8, 3],
      [yesterday.id, 1, 1],
    ]);
  });

  it('lists open deals without a next step, late stages first', () => {
    expect(dealsWithoutNextStep(data, asOf).items.map((i) => [i.record.id, i.severity])).toEqual([
      [none.id, 2],
      [noneEarly.id, 1],
    ]);
  });
});

describe('forgotten clients', () => {
  const asOf = asOfDay(day(2026, 11, 27), moscow);
  it('counts days since the last contact against clientForgetDays', () => {
    const data = workbook({
      clients: [
        client({ id: 'C-1', createdAt: msk(2026, 9, 1) }),
        client({ id: 'C-2', createdAt: msk(2026, 9, 1), lastContactAt: msk(2026, 11, 1) }),
        client({ id: 'C-3', createdAt: msk(2026, 9, 1) }),
        client({ id: 'C-4', createdAt: msk(2026, 9, 1), snoozedUntil: day(2027, 1, 10) }),
      ],
      activities: [activity({ clientId: 'C-3', dealId: 'D-9', at: msk(2026, 11, 20) })],
    });
    const { items, snoozed } = forgottenClients(data, asOf);
    expect(items.map((i) => [i.record.id, i.days, i.daysOverdue, i.severity])).toEqual([
      ['C-1', 87, 57, 3],
    ]);
    expect(snoozed.map((i) => i.record.id)).toEqual(['C-4']);
  });
});

describe('unprocessed leads beyond the first stage', () => {
  it('does not count a deal someone already moved on', () => {
    const moved = deal({ stage: 'Встреча / презентация', createdAt: msk(2026, 11, 20, 10) });
    const fresh = deal({ stage: 'Новая заявка', createdAt: msk(2026, 11, 20, 10) });
    const { items } = unprocessedLeads(
      workbook({ deals: [moved, fresh] }),
      asOfInstant(msk(2026, 11, 27, 10), moscow),
    );
    expect(items.map((i) => i.record.id)).toEqual([fresh.id]);
  });
});
