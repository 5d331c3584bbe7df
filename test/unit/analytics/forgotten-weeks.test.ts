import { asOfInstant, attentionOf } from '../../../src/core/analytics';
import { forgottenWeeks } from '../../../src/core/analytics/forgotten-weeks';
import { isoDay } from '../../../src/core/time';
import { activity, change, day, deal, moscow, msk, workbook } from './fixtures';

describe('forgotten deals by week', () => {
  // Friday 27.11.2026, noon in Moscow; the points are the Fridays before, at noon.
  const asOf = asOfInstant(msk(2026, 11, 27, 12), moscow);
  // Idle in qualification (limit 3 days) from 1.10, won on 15.11.
  const won = deal({
    stage: 'Успешно',
    createdAt: msk(2026, 10, 1, 10),
    closedAt: day(2026, 11, 15),
  });
  // A call on 2.11 set no next step; the call on 24.11 set one for 4.12, which the deal holds now.
  const planned = deal({
    createdAt: msk(2026, 11, 1, 10),
    nextStep: 'Отправить КП',
    nextStepDate: day(2026, 12, 4),
  });
  // A new lead nobody answered: it is counted as unprocessed, never as forgotten.
  const lead = deal({ stage: 'Новая заявка', createdAt: msk(2026, 11, 20, 10) });
  // Snoozed now: today it does not nag; a snooze leaves no dated trace, so past weeks count it.
  const snoozed = deal({
    createdAt: msk(2026, 11, 1, 10),
    snoozedUntil: day(2026, 12, 1),
    snoozeReason: 'Клиент в отпуске',
  });
  const data = workbook({
    deals: [won, planned, lead, snoozed],
    stageHistory: [change(won.id, 'Квалификация', 'Успешно', msk(2026, 11, 15, 11))],
    activities: [
      activity({ dealId: won.id, at: msk(2026, 10, 1, 11) }),
      activity({ dealId: planned.id, at: msk(2026, 11, 2, 11) }),
      activity({
        dealId: planned.id,
        at: msk(2026, 11, 24, 11),
        nextStep: 'Отправить КП',
        nextStepDate: day(2026, 12, 4),
      }),
      activity({ dealId: snoozed.id, at: msk(2026, 11, 1, 11) }),
    ],
  });

  it('counts each past week with the stage, activities and next step of that moment', () => {
    expect(forgottenWeeks(data, asOf).map((w) => [isoDay(w.day), w.count])).toEqual([
      ['2026-10-09', 1],
      ['2026-10-16', 1],
      ['2026-10-23', 1],
      ['2026-10-30', 1],
      ['2026-11-06', 3], // the won deal still open, the other two idle since 1-2.11
      ['2026-11-13', 3],
      ['2026-11-20', 2], // won on 15.11; the lead is unprocessed, not forgotten
      ['2026-11-27', 0], // planned for 4.12 since 24.11, snoozed, the lead unprocessed
    ]);
  });

  it('ends on exactly the forgotten list Today shows', () => {
    const last = forgottenWeeks(data, asOf, 1);
    expect(last).toEqual([{ day: asOf.day, count: attentionOf(data, asOf).forgotten.length }]);
    const later = asOfInstant(msk(2026, 12, 10, 12), moscow);
    expect(forgottenWeeks(data, later).at(-1)?.count).toBe(
      attentionOf(data, later).forgotten.length,
    );
    expect(attentionOf(data, later).forgotten.length).toBeGreaterThan(0);
  });
});
