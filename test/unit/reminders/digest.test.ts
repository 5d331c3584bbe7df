import {
  buildDigests,
  buildSummary,
  compareItems,
  dealsAtRisk,
  groupByManager,
  type Selections,
} from '../../../src/core/reminders/digest';
import { DAY, item, manager } from './fixtures';

/** Every forgotten item listed every day: the weekly repeat has its own tests (shorten.test.ts). */
const DAILY = { limit: 15, repeatDays: 1, sends: () => true };

function sel(items = [item()]): Selections {
  return { day: DAY, items, plans: new Map(), team: null };
}

describe('digest assembly', () => {
  it('gives each manager only their own items', () => {
    const s = sel([
      item({ id: 'D-1', manager: 'anna@example.ru' }),
      item({ id: 'D-2', manager: 'BORIS@example.ru ' }),
      item({
        id: 'D-3',
        manager: 'anna@example.ru',
        section: 'forgottenClients',
        reason: 'forgottenClient',
      }),
    ]);
    const digests = buildDigests(
      s,
      [manager(), manager({ email: 'boris@example.ru', name: 'Борис', row: 3 })],
      DAILY,
    );
    const anna = digests.find((d) => d.manager === 'anna@example.ru')!;
    const boris = digests.find((d) => d.manager === 'boris@example.ru')!;
    expect(anna.sections.forgottenDeals.map((i) => i.id)).toEqual(['D-1']);
    expect(anna.sections.forgottenClients.map((i) => i.id)).toEqual(['D-3']);
    expect(boris.sections.forgottenDeals.map((i) => i.id)).toEqual(['D-2']);
  });

  it('orders most urgent first: severity, days over, waiting, amount, then id', () => {
    const items = [
      item({ id: 'D-a', severity: 1, daysOverdue: 30 }),
      item({ id: 'D-b', severity: 3, daysOverdue: 1 }),
      item({ id: 'D-c', severity: 3, daysOverdue: 5 }),
      item({ id: 'D-d', severity: 3, daysOverdue: 5, amount: 999_999_00 }),
      item({ id: 'D-e', severity: 3, daysOverdue: 5, amount: 999_999_00 }),
    ];
    expect([...items].sort(compareItems).map((i) => i.id)).toEqual([
      'D-d',
      'D-e',
      'D-c',
      'D-b',
      'D-a',
    ]);
    const [d] = buildDigests(sel(items), [manager()], DAILY);
    expect(d.sections.forgottenDeals.map((i) => i.id)).toEqual(['D-d', 'D-e', 'D-c', 'D-b', 'D-a']);
  });

  it('leaves snoozed items out until their day, and shows them again on it', () => {
    const items = [
      item({ id: 'D-1', snoozedUntil: DAY + 1 }),
      item({ id: 'D-2', snoozedUntil: DAY }),
      item({ id: 'D-3', snoozedUntil: DAY - 3 }),
    ];
    const [d] = buildDigests(sel(items), [manager()], DAILY);
    expect(d.sections.forgottenDeals.map((i) => i.id).sort()).toEqual(['D-2', 'D-3']);
  });

  it('sends nothing to a manager with nothing to say, nor to inactive or invalid addresses', () => {
    const digests = buildDigests(
      sel([
        item({ manager: 'gone@example.ru' }),
        item({ manager: 'bad-address' }),
        item({ manager: 'anna@example.ru', snoozedUntil: DAY + 10 }),
      ]),
      [
        manager(),
        manager({ email: 'gone@example.ru', active: false }),
        manager({ email: 'bad-address', name: 'Без почты' }),
        manager({ email: 'idle@example.ru' }),
      ],
    );
    expect(digests).toEqual([]);
  });

  it('does not list a lead waiting for first contact again for a missing next step', () => {
    const g = groupByManager(
      sel([
        item({ id: 'D-1', section: 'unprocessedLeads', reason: 'unprocessed' }),
        item({ id: 'D-1', section: 'nextSteps', reason: 'noNextStep' }),
        item({ id: 'D-2', section: 'nextSteps', reason: 'overdueNextStep' }),
        item({ id: 'D-2', section: 'nextSteps', reason: 'overdueNextStep' }),
      ]),
    ).get('anna@example.ru')!;
    expect(g.unprocessedLeads.map((i) => i.id)).toEqual(['D-1']);
    expect(g.nextSteps.map((i) => i.id)).toEqual(['D-2']);
  });

  it('orders managers by urgency (who is mailed first when the quota is short)', () => {
    const digests = buildDigests(
      sel([
        item({ id: 'D-1', manager: 'anna@example.ru', severity: 1 }),
        item({
          id: 'D-2',
          manager: 'boris@example.ru',
          severity: 3,
          section: 'unprocessedLeads',
          reason: 'unprocessed',
        }),
      ]),
      [manager(), manager({ email: 'boris@example.ru', row: 3 })],
      DAILY,
    );
    expect(digests.map((d) => d.manager)).toEqual(['boris@example.ru', 'anna@example.ru']);
  });
});

describe("head's summary", () => {
  it('counts per manager, lists the largest deals at risk once, and sums overdue receivables', () => {
    const s = sel([
      item({ id: 'D-1', amount: 10_00 }),
      item({ id: 'D-1', section: 'nextSteps', reason: 'overdueNextStep', amount: 10_00 }),
      item({ id: 'D-2', amount: 500_00, manager: 'boris@example.ru' }),
      item({ id: 'D-3', amount: null }),
      item({
        id: 'I-1',
        section: 'overdueInvoices',
        reason: 'overdueInvoice',
        amount: 70_00,
        where: { sheet: 'invoices', row: 2 },
      }),
      item({
        id: 'I-2',
        section: 'overdueInvoices',
        reason: 'overdueInvoice',
        amount: 30_00,
        manager: 'boris@example.ru',
        where: { sheet: 'invoices', row: 3 },
      }),
    ]);
    const managers = [
      manager(),
      manager({ email: 'boris@example.ru', name: 'Борис', row: 3 }),
      manager({ email: 'head@example.ru', role: 'head', row: 4 }),
      manager({ email: 'broken', name: 'Без почты', row: 5 }),
    ];
    const summary = buildSummary(s, managers);
    expect(
      summary.managers.map((m) => [
        m.manager,
        m.counts.forgottenDeals,
        m.counts.nextSteps,
        m.overdueReceivables,
      ]),
    ).toEqual([
      ['anna@example.ru', 2, 1, 70_00],
      ['boris@example.ru', 1, 0, 30_00],
      // Still on the head's table: their work is visible even if they cannot be mailed.
      ['broken', 0, 0, 0],
    ]);
    expect(summary.atRisk.map((i) => i.id)).toEqual(['D-2', 'D-1']);
    expect(summary.receivables.map((i) => i.id)).toEqual(['I-1', 'I-2']);
    expect(summary.receivablesTotal).toBe(100_00);
    expect(summary.invalidManagers).toEqual(['Без почты']);
    expect(dealsAtRisk(s, 1).map((i) => i.id)).toEqual(['D-2']);
  });
});
