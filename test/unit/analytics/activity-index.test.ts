/**
 * The activity index is built once per list and "now", and receivables look deals up only when
 * a debt's client cannot name its manager: both must answer as a fresh one-pass build would.
 */
import { firstDealActivity, indexActivities } from '../../../src/core/analytics/activity-index';
import { receivables } from '../../../src/core/analytics';
import { activity, client, day, deal, invoice, msk, rub, workbook } from './fixtures';

describe('indexActivities', () => {
  const list = [
    activity({ dealId: 'D-1', clientId: 'C-1', at: msk(2026, 11, 3) }),
    activity({ dealId: 'D-1', clientId: 'C-1', at: msk(2026, 11, 1) }),
    activity({ dealId: 'D-1', clientId: 'C-1', at: msk(2026, 11, 5) }),
    activity({ dealId: '', clientId: 'C-2', at: msk(2026, 11, 9) }),
    activity({ dealId: '', clientId: 'C-2', at: msk(2026, 11, 2) }),
    activity({ dealId: 'D-2', clientId: 'C-2', at: msk(2026, 12, 30) }), // after now
  ];
  const now = msk(2026, 11, 27);

  it('keeps first and last per deal whatever the order, and sorts client-only contacts', () => {
    const ix = indexActivities(list, now);
    expect(ix.firstByDeal.get('D-1')).toBe(msk(2026, 11, 1));
    expect(ix.lastByDeal.get('D-1')).toBe(msk(2026, 11, 5));
    expect(ix.firstByDeal.has('D-2')).toBe(false);
    expect(ix.lastByClient.get('C-2')).toBe(msk(2026, 11, 9));
    expect(ix.byClient.get('C-2')).toEqual([msk(2026, 11, 2), msk(2026, 11, 9)]);
    const d = deal({ id: 'D-9', clientId: 'C-2', createdAt: msk(2026, 11, 5) });
    expect(firstDealActivity(d, ix, now)).toBe(msk(2026, 11, 9));
  });

  it('is built once per list and now, and again when either changes', () => {
    const a = indexActivities(list, now);
    expect(indexActivities(list, now)).toBe(a);
    const later = indexActivities(list, msk(2027, 1, 1));
    expect(later).not.toBe(a);
    expect(later.lastByDeal.get('D-2')).toBe(msk(2026, 12, 30));
    const grown = [...list];
    const b = indexActivities(grown, now);
    grown.push(activity({ dealId: 'D-3', clientId: 'C-3', at: msk(2026, 11, 10) }));
    const c = indexActivities(grown, now);
    expect(c).not.toBe(b);
    expect(c.lastByDeal.get('D-3')).toBe(msk(2026, 11, 10));
  });
});

describe('receivables: who owns a debt', () => {
  it("takes the deal's manager and client name only when the client cannot say", () => {
    const data = workbook({
      clients: [
        client({ id: 'C-1', name: 'Вектор', manager: 'ivan@example.com' }),
        client({ id: 'C-2', name: 'Без менеджера', manager: '' }),
      ],
      deals: [
        deal({ id: 'D-1', clientId: 'C-1', manager: 'olga@example.com' }),
        deal({ id: 'D-2', clientId: 'C-2', manager: 'olga@example.com' }),
        deal({
          id: 'D-3',
          clientId: 'C-404',
          clientName: 'Удалённый',
          manager: 'petr@example.com',
        }),
      ],
      invoices: [
        invoice({ id: 'I-1', clientId: 'C-1', dealId: 'D-1', amount: rub(100) }),
        invoice({ id: 'I-2', clientId: 'C-2', dealId: 'D-2', amount: rub(200) }),
        invoice({ id: 'I-3', clientId: 'C-404', dealId: 'D-3', amount: rub(300) }),
      ],
    });
    const r = receivables(data, day(2026, 11, 27));
    const owner = Object.fromEntries(r.byClient.map((c) => [c.key, [c.manager, c.name]]));
    expect(owner).toEqual({
      'C-1': ['ivan@example.com', 'Вектор'],
      'C-2': ['olga@example.com', 'Без менеджера'],
      'C-404': ['petr@example.com', 'Удалённый'],
    });
    expect(receivables(data, day(2026, 11, 27))).toEqual(r);
  });
});
