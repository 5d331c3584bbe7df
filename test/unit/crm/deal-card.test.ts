/** What the deal card picks from the workbook for one deal (src/core/crm/deal-card.ts). */
import { dealHistory } from '../../../src/core/crm/deal-card';
import { activity, change, client, deal, invoice, msk, workbook } from '../analytics/fixtures';

test('the deal’s own rows only: activities newest first and capped, stages, invoices by due date', () => {
  const d = deal({ id: 'D-000010', clientId: 'C-000010' });
  const other = deal({ id: 'D-000011', clientId: 'C-000010' });
  const data = workbook({
    clients: [client({ id: 'C-000010', name: 'ООО «Ромашка»' })],
    deals: [d, other],
    activities: [
      activity({ dealId: d.id, at: msk(2026, 11, 2, 10), summary: 'first', row: 2 }),
      activity({ dealId: d.id, at: null, summary: 'undated', row: 3 }),
      activity({ dealId: d.id, at: msk(2026, 11, 5, 10), summary: 'third', row: 4 }),
      activity({ dealId: d.id, at: msk(2026, 11, 3, 10), summary: 'second', row: 5 }),
      activity({ dealId: other.id, at: msk(2026, 11, 9, 10), summary: 'not this deal' }),
    ],
    stageHistory: [
      change(d.id, '', 'Новая заявка', msk(2026, 11, 2, 10)),
      change(d.id, 'Новая заявка', 'Квалификация', msk(2026, 11, 5, 10)),
      change(other.id, '', 'Новая заявка', msk(2026, 11, 9, 10)),
    ],
    invoices: [
      invoice({ id: 'I-000020', dealId: d.id, dueDate: 200 }),
      invoice({ id: 'I-000021', dealId: d.id, dueDate: 100 }),
      invoice({ id: 'I-000022', dealId: other.id, dueDate: 50 }),
    ],
  });
  const h = dealHistory(data, d.id, 3);
  expect(h?.client?.name).toBe('ООО «Ромашка»');
  expect(h?.activities.map((a) => a.summary)).toEqual(['third', 'second', 'first']);
  expect(h?.moreActivities).toBe(1);
  expect(h?.stageChanges.map((s) => s.toStage)).toEqual(['Квалификация', 'Новая заявка']);
  expect(h?.invoices.map((i) => i.id)).toEqual(['I-000021', 'I-000020']);
  expect(dealHistory(data, 'D-999999')).toBeNull();
});
