import {
  clientAfterActivity,
  closePush,
  dealAfterActivity,
  draftActivity,
  draftInvoice,
  draftLead,
  isStale,
  moveDealStage,
  nextStamp,
  paymentChanges,
  snoozeChanges,
  type OpContext,
} from '../../../src/core/crm/ops';
import { defaultSettings } from '../../../src/core/workbook/settings';
import { DEALS } from '../../../src/core/workbook/schema';
import { dayFromYmd } from '../../../src/core/time';
import type { Deal, Invoice, Manager } from '../../../src/core/types';

const now = Date.UTC(2026, 10, 27, 6, 0);
const today = dayFromYmd(2026, 11, 27);
const managers: Manager[] = [
  {
    row: 2,
    email: 'ivan@firm.ru',
    name: 'Иван',
    team: 'Север',
    role: 'manager',
    active: true,
    callsPerDay: null,
    meetingsPerWeek: null,
    hiredAt: null,
    lastDay: null,
    grade: '',
    mentor: '',
  },
];
const ctx: OpContext = {
  now,
  today,
  user: 'ivan@firm.ru',
  lang: 'ru',
  settings: defaultSettings('ru'),
  managers,
};

const deal = (over: Partial<Deal> = {}): Deal => ({
  row: 2,
  id: 'D-000001',
  clientId: 'C-000001',
  clientName: 'Ромашка',
  title: 'Поставка',
  manager: 'ivan@firm.ru',
  stage: 'Квалификация',
  amount: 100000,
  currency: '',
  probability: null,
  source: '',
  need: 'x',
  lastDiscussed: '',
  nextStep: '',
  nextStepDate: null,
  createdAt: now - 86_400_000,
  expectedClose: today + 10,
  closedAt: null,
  lostReason: '',
  firstActivityAt: null,
  lastActivityAt: null,
  closeDatePushes: 0,
  snoozedUntil: null,
  snoozeReason: '',
  updatedAt: now - 1000,
  ...over,
});

describe('versions', () => {
  it('stamps whole seconds, always after the previous stamp', () => {
    expect(nextStamp(null, now + 456)).toBe(now);
    expect(nextStamp(now, now + 10)).toBe(now + 1000);
    expect(nextStamp(now - 5000, now)).toBe(now);
  });
  it('detects a changed row', () => {
    expect(isStale(now, undefined)).toBe(false);
    expect(isStale(now, now)).toBe(false);
    expect(isStale(now + 1, now)).toBe(false); // sub-second float noise is no change
    expect(isStale(now + 1000, now)).toBe(true);
    expect(isStale(null, null)).toBe(false);
    expect(isStale(now, null)).toBe(true);
  });
});

describe('draftLead', () => {
  it('normalises and fills the client and the deal', () => {
    const d = draftLead(
      {
        clientName: ' ООО «Ромашка» ',
        phone: '8 916 123 45 67',
        email: 'A@B.RU',
        need: 'Упаковка',
        firstConversation: 'Созвонились',
        firstConversationType: 'meeting',
        nextStepDate: '01.12.2026',
        amount: '50 000',
      },
      'ivan@firm.ru',
      ctx,
    );
    expect(d.client).toMatchObject({
      name: 'ООО «Ромашка»',
      phone: '+79161234567',
      email: 'a@b.ru',
      manager: 'ivan@firm.ru',
      createdAt: now,
      lastContactAt: now,
    });
    expect(d.deal).toMatchObject({
      title: 'ООО «Ромашка»',
      stage: 'Новая заявка',
      amount: 5_000_000,
      lastDiscussed: 'Созвонились',
      firstActivityAt: now,
      nextStepDate: dayFromYmd(2026, 12, 1),
    });
    expect(d.activity).toEqual({ type: 'meeting', summary: 'Созвонились' });
  });
  it('refuses a closed stage for a new lead and a missing assignee', () => {
    expect(() =>
      draftLead(
        { clientName: 'X', phone: '+79161234567', need: 'y', stage: 'Успешно', amount: 1 },
        'ivan@firm.ru',
        ctx,
      ),
    ).toThrow();
    expect(() => draftLead({ clientName: 'X', phone: '+79161234567', need: 'y' }, '', ctx)).toThrow(
      'crm.noAssignee',
    );
  });
  it('lets intake leave the need and contacts empty when asked', () => {
    expect(
      draftLead({ clientName: 'X', need: '' }, 'ivan@firm.ru', ctx, undefined, {
        needOptional: true,
        contactOptional: true,
      }).client.name,
    ).toBe('X');
  });
});

describe('activities', () => {
  it('moves the deal forward only for the newest activity', () => {
    const a = { at: now, summary: 'Итог', nextStep: 'КП', nextStepDate: today + 2 };
    expect(dealAfterActivity(deal(), a)).toEqual({
      firstActivityAt: now,
      lastActivityAt: now,
      lastDiscussed: 'Итог',
      nextStep: 'КП',
      nextStepDate: today + 2,
    });
    const later = deal({ firstActivityAt: now - 10_000, lastActivityAt: now + 10_000 });
    expect(dealAfterActivity(later, a)).toEqual({});
    expect(dealAfterActivity(deal({ firstActivityAt: now + 5 }), { ...a, at: now })).toMatchObject({
      firstActivityAt: now,
    });
    expect(clientAfterActivity({ lastContactAt: now + 1 }, now)).toEqual({});
    expect(clientAfterActivity({ lastContactAt: null }, now)).toEqual({ lastContactAt: now });
  });
  it('validates the activity', () => {
    expect(draftActivity({ dealId: 'D-1', type: 'call', summary: 'ok' }, ctx)).toMatchObject({
      at: now,
      type: 'call',
    });
    expect(() =>
      draftActivity({ dealId: 'D-1', type: 'call', summary: 'ok', at: now + 3_600_000 }, ctx),
    ).toThrow();
  });
});

describe('stages', () => {
  it('writes history, closes and reopens', () => {
    const won = moveDealStage(deal(), 'успешно', {}, ctx);
    expect(won.changes).toMatchObject({ stage: 'Успешно', closedAt: today });
    expect(won.history).toMatchObject({
      fromStage: 'Квалификация',
      toStage: 'Успешно',
      by: 'ivan@firm.ru',
    });
    const reopen = moveDealStage(
      deal({ stage: 'Проиграна', closedAt: today, lostReason: 'Дорого' }),
      'Квалификация',
      {},
      ctx,
    );
    expect(reopen.changes).toMatchObject({ closedAt: null, lostReason: '' });
    expect(moveDealStage(deal(), 'Квалификация', {}, ctx).history).toBeNull();
    expect(() =>
      moveDealStage(deal({ amount: null }), 'Коммерческое предложение', {}, ctx),
    ).toThrow();
    expect(
      moveDealStage(deal({ amount: null }), 'Коммерческое предложение', { amount: '10 000' }, ctx)
        .changes.amount,
    ).toBe(1_000_000);
    expect(() => moveDealStage(deal(), 'Проиграна', {}, ctx)).toThrow();
  });
  it('counts a later expected close as a push', () => {
    expect(closePush(deal(), today + 20)).toEqual({ closeDatePushes: 1 });
    expect(closePush(deal(), today + 5)).toEqual({});
    expect(closePush(deal({ expectedClose: null }), today + 5)).toEqual({});
  });
});

describe('snooze, invoices, payments', () => {
  it('snoozes with a reason to a future day, or lifts', () => {
    expect(snoozeChanges('05.12.2026', 'Отпуск', ctx, DEALS.columns)).toEqual({
      snoozedUntil: today + 8,
      snoozeReason: 'Отпуск',
    });
    expect(snoozeChanges(null, 'x', ctx, DEALS.columns)).toEqual({
      snoozedUntil: null,
      snoozeReason: '',
    });
    expect(() => snoozeChanges('05.12.2026', '', ctx, DEALS.columns)).toThrow();
  });
  it('drafts invoices and adds payments up to the amount', () => {
    const inv = draftInvoice({ dueDate: '10.12.2026', amount: '1 000' }, 'C-000001', ctx);
    expect(inv).toMatchObject({
      issuedAt: today,
      dueDate: today + 13,
      amount: 100_000,
      paidAmount: 0,
    });
    expect(() => draftInvoice({ dueDate: '10.12.2026', amount: '0' }, 'C-1', ctx)).toThrow();
    const full: Invoice = { row: 2, id: 'I-1', ...inv, number: '1' };
    expect(paymentChanges(full, '400', null, ctx)).toEqual({ paidAmount: 40_000, paidAt: today });
    expect(() => paymentChanges({ ...full, paidAmount: 90_000 }, '100,01', null, ctx)).toThrow();
  });
});
