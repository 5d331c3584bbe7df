import { DEFAULT_STAGES } from '../../../src/core/analytics/stages';
import { dayFromYmd, fixedZone, type Day, type Instant } from '../../../src/core/time';
import type {
  Activity,
  Client,
  Deal,
  Invoice,
  Manager,
  Plan,
  Settings,
  StageChange,
  WorkbookData,
} from '../../../src/core/types';

export const moscow = fixedZone('Europe/Moscow', 180);
export const day = (y: number, m: number, d: number): Day => dayFromYmd(y, m, d);
/** An instant given as Moscow wall-clock time. */
export const msk = (y: number, m: number, d: number, h = 0, mi = 0): Instant =>
  Date.UTC(y, m - 1, d, h - 3, mi);
export const rub = (roubles: number): number => Math.round(roubles * 100);

export function settings(over: Partial<Settings> = {}): Settings {
  return {
    lang: 'ru',
    currency: 'RUB',
    factBasis: 'won',
    responseLimitMinutes: 15,
    clientForgetDays: 30,
    workdayStartMinute: 9 * 60,
    workdayEndMinute: 18 * 60,
    reminderHour: 9,
    workingDaysOnly: true,
    reportRecipients: [],
    assignment: 'manual',
    snoozeMaxDays: 30,
    snoozeMinReason: 5,
    stages: DEFAULT_STAGES.map((s) => ({ ...s })),
    calendar: [],
    bonus: [],
    rates: [],
    ...over,
  };
}

export function manager(over: Partial<Manager> & { email: string }): Manager {
  return {
    row: 0,
    name: over.email.split('@')[0],
    team: '',
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

let dealSeq = 0;
export function deal(over: Partial<Deal> = {}): Deal {
  dealSeq++;
  return {
    row: 0,
    id: `D-${String(dealSeq).padStart(6, '0')}`,
    clientId: '',
    clientName: '',
    title: 'Deal',
    manager: 'ivan@example.com',
    stage: 'Квалификация',
    amount: null,
    currency: '',
    probability: null,
    source: '',
    need: '',
    lastDiscussed: '',
    nextStep: '',
    nextStepDate: null,
    createdAt: null,
    expectedClose: null,
    closedAt: null,
    lostReason: '',
    firstActivityAt: null,
    lastActivityAt: null,
    closeDatePushes: 0,
    snoozedUntil: null,
    snoozeReason: '',
    updatedAt: null,
    ...over,
  };
}

let actSeq = 0;
export function activity(over: Partial<Activity> = {}): Activity {
  actSeq++;
  return {
    row: 0,
    id: `A-${String(actSeq).padStart(6, '0')}`,
    at: null,
    manager: 'ivan@example.com',
    type: 'call',
    clientId: '',
    dealId: '',
    summary: '',
    nextStep: '',
    nextStepDate: null,
    ...over,
  };
}

export function client(over: Partial<Client> & { id: string }): Client {
  return {
    row: 0,
    name: 'ООО Ромашка',
    inn: '',
    contactName: '',
    phone: '',
    email: '',
    source: '',
    manager: 'ivan@example.com',
    need: '',
    createdAt: null,
    lastContactAt: null,
    snoozedUntil: null,
    snoozeReason: '',
    updatedAt: null,
    ...over,
  };
}

export function plan(over: Partial<Plan> & { period: string; value: number }): Plan {
  return { row: 0, level: 'manager', target: 'ivan@example.com', metric: 'revenue', ...over };
}

let invSeq = 0;
export function invoice(over: Partial<Invoice> = {}): Invoice {
  invSeq++;
  return {
    row: 0,
    id: `I-${String(invSeq).padStart(6, '0')}`,
    number: String(invSeq),
    clientId: 'C-000001',
    dealId: '',
    issuedAt: null,
    dueDate: null,
    amount: 0,
    currency: '',
    paidAmount: 0,
    paidAt: null,
    ...over,
  };
}

export function change(
  dealId: string,
  fromStage: string,
  toStage: string,
  at: Instant,
): StageChange {
  return { row: 0, dealId, fromStage, toStage, at, by: '' };
}

export function workbook(over: Partial<WorkbookData> = {}): WorkbookData {
  return {
    settings: settings(),
    managers: [],
    clients: [],
    deals: [],
    activities: [],
    stageHistory: [],
    plans: [],
    invoices: [],
    ...over,
  };
}
