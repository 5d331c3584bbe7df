/**
 * Hand-built workbook -> the day's digests, through the analytics core's selections: the right
 * items land in the right manager's digest, snoozed ones stay out, plan status is there.
 */
import { defaultSettings } from '../../../src/core/workbook/settings';
import { dayContent } from '../../../src/core/reminders/source';
import { renderDigest } from '../../../src/core/reminders/render';
import { dayFromYmd, fixedZone, startOfDay } from '../../../src/core/time';
import type { Client, Deal, WorkbookData } from '../../../src/core/types';
import { ctx, manager } from './fixtures';

const zone = fixedZone('Europe/Moscow', 180);
const TODAY = dayFromYmd(2026, 11, 27); // a Friday
const at = (day: number, hour = 10) => startOfDay(day, zone) + hour * 3_600_000;
const NOW = at(TODAY, 9);

function deal(id: string, over: Partial<Deal>): Deal {
  return {
    row: Number(id.slice(2)) + 1,
    id,
    clientId: 'C-000001',
    clientName: 'ООО «Ромашка»',
    title: `Сделка ${id}`,
    manager: 'anna@example.ru',
    stage: 'Квалификация',
    amount: 100_000_00,
    currency: '',
    probability: null,
    source: '',
    need: '',
    lastDiscussed: '',
    nextStep: 'Позвонить',
    // No date: a dated future step would make the deal planned rather than forgotten.
    nextStepDate: null,
    createdAt: at(TODAY - 30),
    expectedClose: null,
    closedAt: null,
    lostReason: '',
    firstActivityAt: at(TODAY - 29),
    lastActivityAt: at(TODAY - 1),
    closeDatePushes: 0,
    snoozedUntil: null,
    snoozeReason: '',
    updatedAt: null,
    ...over,
  };
}

function client(id: string, over: Partial<Client>): Client {
  return {
    row: Number(id.slice(2)) + 1,
    id,
    name: `Клиент ${id}`,
    inn: '',
    contactName: 'Иван',
    phone: '+79990000000',
    email: '',
    source: '',
    manager: 'anna@example.ru',
    need: '',
    createdAt: at(TODAY - 100),
    lastContactAt: at(TODAY - 2),
    snoozedUntil: null,
    snoozeReason: '',
    updatedAt: null,
    ...over,
  };
}

export function handBuilt(): WorkbookData {
  return {
    // Every forgotten record listed every day: the weekly repeat has its own tests
    // (shorten.test.ts, test/integration/reminders/digest-month.test.ts).
    settings: { ...defaultSettings('ru'), digestRepeatDays: 1 },
    managers: [
      manager({ row: 2 }),
      manager({ row: 3, email: 'boris@example.ru', name: 'Борис' }),
      manager({ row: 4, email: 'head@example.ru', name: 'Ольга', role: 'head' }),
    ],
    clients: [
      client('C-000001', { lastContactAt: at(TODAY - 40) }),
      client('C-000002', { manager: 'boris@example.ru' }),
    ],
    deals: [
      deal('D-000001', { lastActivityAt: at(TODAY - 10) }),
      deal('D-000002', {
        manager: 'boris@example.ru',
        stage: 'Новая заявка',
        createdAt: at(TODAY - 1, 11),
        firstActivityAt: null,
        lastActivityAt: null,
        nextStep: '',
        nextStepDate: null,
      }),
      deal('D-000003', { stage: 'Коммерческое предложение', nextStepDate: TODAY - 3 }),
      deal('D-000004', { stage: 'Встреча / презентация', nextStep: '', nextStepDate: null }),
      deal('D-000005', { stage: 'Успешно', closedAt: TODAY - 2, amount: 300_000_00 }),
      deal('D-000006', {
        lastActivityAt: at(TODAY - 10),
        snoozedUntil: TODAY + 3,
        snoozeReason: 'отпуск',
      }),
      deal('D-000007', {
        manager: 'boris@example.ru',
        lastActivityAt: at(TODAY - 20),
        stage: 'Проиграна',
      }),
    ],
    activities: [],
    stageHistory: [],
    plans: [
      {
        row: 2,
        level: 'manager',
        target: 'anna@example.ru',
        period: '2026-11',
        metric: 'revenue',
        value: 1_000_000_00,
      },
    ],
    invoices: [
      {
        row: 2,
        id: 'I-000001',
        number: '101',
        clientId: 'C-000001',
        dealId: '',
        issuedAt: TODAY - 40,
        dueDate: TODAY - 35,
        amount: 50_000_00,
        currency: '',
        paidAmount: 10_000_00,
        paidAt: TODAY - 20,
      },
      {
        row: 3,
        id: 'I-000002',
        number: '102',
        clientId: 'C-000001',
        dealId: '',
        issuedAt: TODAY - 20,
        dueDate: TODAY - 10,
        amount: 20_000_00,
        currency: '',
        paidAmount: 0,
        paidAt: null,
      },
      {
        row: 4,
        id: 'I-000003',
        number: '103',
        clientId: 'C-000002',
        dealId: '',
        issuedAt: TODAY - 20,
        dueDate: TODAY - 10,
        amount: 20_000_00,
        currency: '',
        paidAmount: 20_000_00,
        paidAt: TODAY - 12,
      },
      {
        row: 5,
        id: 'I-000004',
        number: '104',
        clientId: 'C-000002',
        dealId: '',
        issuedAt: TODAY - 2,
        dueDate: TODAY + 5,
        amount: 20_000_00,
        currency: '',
        paidAmount: 0,
        paidAt: null,
      },
    ],
  };
}

describe('the day content from a hand-built workbook', () => {
  const dc = dayContent(handBuilt(), NOW, zone);
  const byManager = new Map(dc.digests.map((d) => [d.manager, d]));
  const ids = (
    m: string,
    s: keyof import('../../../src/core/reminders/types').Digest['sections'],
  ) => byManager.get(m)!.sections[s].map((i) => i.id);

  it('puts the right items in each digest, and only the owner sees them', () => {
    expect(ids('anna@example.ru', 'forgottenDeals')).toEqual(['D-000001']);
    expect(ids('anna@example.ru', 'unprocessedLeads')).toEqual([]);
    expect(ids('anna@example.ru', 'nextSteps')).toEqual(['D-000003', 'D-000004']);
    expect(ids('anna@example.ru', 'forgottenClients')).toEqual(['C-000001']);
    expect(ids('boris@example.ru', 'unprocessedLeads')).toEqual(['D-000002']);
    // Overdue invoices one by one, as the Today panel lists them (each with its own number and
    // amount), most overdue first; paid and not-yet-due are not.
    expect(ids('anna@example.ru', 'overdueInvoices')).toEqual(['I-000001', 'I-000002']);
    const [first, second] = byManager.get('anna@example.ru')!.sections.overdueInvoices;
    expect(first).toMatchObject({
      amount: 40_000_00,
      daysOverdue: 35,
      severity: 2,
      detail: '№ 101',
      where: { sheet: 'invoices', row: 2 },
    });
    expect(second).toMatchObject({ amount: 20_000_00, daysOverdue: 10, detail: '№ 102' });
    expect(ids('boris@example.ru', 'overdueInvoices')).toEqual([]);
    expect(ids('boris@example.ru', 'forgottenDeals')).toEqual([]);
    // The lead waiting for a first call is not nagged for a missing next step as well.
    expect(ids('boris@example.ru', 'nextSteps')).toEqual([]);
    expect(byManager.has('head@example.ru')).toBe(false);
  });

  it('keeps the snoozed deal out and the closed deals out', () => {
    const all = dc.digests.flatMap((d) =>
      Object.values(d.sections)
        .flat()
        .map((i) => i.id),
    );
    expect(all).not.toContain('D-000006');
    expect(all).not.toContain('D-000005');
    expect(all).not.toContain('D-000007');
  });

  it("carries the manager's plan status and links each item to its row", () => {
    const anna = byManager.get('anna@example.ru')!;
    expect(anna.plan).toMatchObject({
      plan: 1_000_000_00,
      fact: 300_000_00,
      money: true,
      label: '2026-11',
    });
    expect(anna.plan!.runRateForecast).toBeGreaterThan(300_000_00);
    expect(anna.plan!.requiredDailyPace).toBeGreaterThan(0);
    const mail = renderDigest(anna, ctx(), 25);
    expect(mail.text).toContain('#gid=111&range=A2'); // D-000001 is on row 2
    expect(mail.text).toContain('#gid=222&range=A2'); // C-000001
    expect(mail.text).toContain('Забытые сделки (1)');
    expect(mail.text).toContain('Следующие шаги: просрочены или не заданы (2)');
  });

  it('builds the head summary and the reports from the same read', () => {
    const s = dc.content.summary();
    expect(s.managers.map((m) => m.manager)).toEqual(['anna@example.ru', 'boris@example.ru']);
    // Open deals with a money amount that are forgotten or lack a live next step, each once;
    // the new lead (D-000002) counts in the SLA column, not here.
    expect(s.atRisk.map((i) => i.id).sort()).toEqual(['D-000001', 'D-000003', 'D-000004']);
    const weekly = dc.content.report('weekly', dayFromYmd(2026, 11, 30));
    expect(weekly.periodLabel).toBe('23.11.2026 – 29.11.2026');
    expect(weekly.wonCount).toBe(1);
    expect(weekly.wonAmount).toBe(300_000_00);
    const monthly = dc.content.report('monthly', dayFromYmd(2026, 12, 1));
    expect(monthly.periodLabel).toBe('2026-11');
    expect(monthly.team?.fact).toBe(300_000_00);
    // Bonus statements from the analytics core (default marginal scheme: 10% up to plan).
    expect(monthly.bonus!.find((b) => b.manager === 'anna@example.ru')).toMatchObject({
      plan: 1_000_000_00,
      fact: 300_000_00,
      bonus: 30_000_00,
      note: '',
    });
    expect(s.receivablesTotal).toBe(60_000_00);
  });
});
