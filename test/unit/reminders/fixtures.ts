import type {
  Digest,
  ReminderItem,
  RenderContext,
  SectionKey,
} from '../../../src/core/reminders/types';
import type { Manager } from '../../../src/core/types';
import { dayFromYmd } from '../../../src/core/time';

export const DAY = dayFromYmd(2026, 11, 27);

export function item(over: Partial<ReminderItem> = {}): ReminderItem {
  return {
    section: 'forgottenDeals',
    reason: 'forgotten',
    id: 'D-000001',
    title: 'Поставка станков',
    detail: 'ООО «Ромашка» · Квалификация',
    manager: 'anna@example.ru',
    days: 12,
    daysOverdue: 5,
    minutes: 0,
    limit: 7,
    severity: 2,
    amount: 150_000_00,
    where: { sheet: 'deals', row: 12 },
    snoozedUntil: null,
    ...over,
  };
}

export function manager(over: Partial<Manager> = {}): Manager {
  return {
    row: 2,
    email: 'anna@example.ru',
    name: 'Анна',
    team: 'Москва',
    role: 'manager',
    active: true,
    callsPerDay: null,
    meetingsPerWeek: null,
    hiredAt: null,
    lastDay: null,
    grade: '',
    mentor: '',
    ...over,
  };
}

export function ctx(over: Partial<RenderContext> = {}): RenderContext {
  return {
    lang: 'ru',
    currency: 'RUB',
    links: {
      url: 'https://docs.google.com/spreadsheets/d/abc123/edit',
      gids: { deals: 111, clients: 222, invoices: 333 },
    },
    spreadsheetName: 'Продажи',
    maxBytes: 100_000,
    ...over,
  };
}

export function digest(items: ReminderItem[], over: Partial<Digest> = {}): Digest {
  const sections: Record<SectionKey, ReminderItem[]> = {
    forgottenDeals: [],
    unprocessedLeads: [],
    nextSteps: [],
    forgottenClients: [],
    overdueInvoices: [],
  };
  for (const i of items) sections[i.section].push(i);
  return {
    manager: 'anna@example.ru',
    managerName: 'Анна',
    day: DAY,
    sections,
    plan: {
      target: 'anna@example.ru',
      label: '2026-11',
      plan: 1_000_000_00,
      fact: 600_000_00,
      runRateForecast: 700_000_00,
      requiredDailyPace: 100_000_00,
      money: true,
    },
    urgency: 1,
    total: items.length,
    more: 0,
    ...over,
  };
}
