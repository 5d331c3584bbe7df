/**
 * One set of figures everywhere (issue #17): on the last working day of a month, with a manager
 * at 7 % of plan, the panel (RPC team and today), the manager's digest, the head's summary, the
 * weekly report sent by the same run, and SALES_PLAN_FACT / SALES_FORECAST in a cell all give the
 * same days left, required pace and run-rate forecast; the digest and the panel list the same
 * items (invoices one by one) and the same count. Everything runs through the built bundle.
 */
import type { TeamView, TodayView } from '../../../src/shared/contract';
import {
  HEAD,
  deal,
  firstDailyRun,
  kindOf,
  manager,
  msk,
  project,
  seedWorkbook,
} from '../reminders/seed';

const ANNA = 'anna@example.com';
// Monday 30.11.2026: the last working day of November and the first of its ISO week.
const EARLY = msk(2026, 11, 30, 7, 0);

function setup() {
  const p = project({ now: EARLY, activeUser: HEAD });
  const ago = (days: number) => new Date(EARLY.getTime() - days * 86_400_000);
  seedWorkbook(p.emulator, {
    managers: [manager(HEAD, 'Ольга', 'Руководитель'), manager(ANNA, 'Анна')],
    clients: [
      {
        id: 'C-000001',
        name: 'ООО «Ромашка»',
        manager: ANNA,
        createdAt: ago(100),
        lastContactAt: ago(2),
      },
    ],
    deals: [
      // 700 000 ₽ won in November against a plan of 10 000 000 ₽: 7 %.
      deal(1, ANNA, EARLY, { stage: 'Успешно', amount: 700_000, closedAt: msk(2026, 11, 10) }),
      // Idle for 10 days with no dated step: forgotten.
      deal(2, ANNA, EARLY, { lastActivityAt: ago(10) }),
      // Idle for 10 days but its step is due in two days: planned, not forgotten.
      deal(3, ANNA, EARLY, {
        lastActivityAt: ago(10),
        nextStep: 'Отправить КП',
        nextStepDate: msk(2026, 12, 2),
      }),
      // Forgotten AND its step is overdue: listed once.
      deal(4, ANNA, EARLY, {
        lastActivityAt: ago(10),
        nextStep: 'Позвонить',
        nextStepDate: msk(2026, 11, 20),
      }),
    ],
    invoices: [
      {
        id: 'I-000001',
        number: '2026-00150',
        clientId: 'C-000001',
        issuedAt: msk(2026, 10, 1),
        dueDate: msk(2026, 10, 20),
        amount: 575_000,
        paidAmount: 0,
      },
      {
        id: 'I-000002',
        number: '2026-00012',
        clientId: 'C-000001',
        issuedAt: msk(2026, 9, 1),
        dueDate: msk(2026, 9, 20),
        amount: 1_385_000,
        paidAmount: 0,
      },
    ],
    plans: [
      { level: 'Менеджер', target: ANNA, period: '2026-11', metric: 'Выручка', value: 10_000_000 },
    ],
  });
  return p;
}

type Reply<T> = { ok: true; data: T } | { ok: false; error: { message: string } };
const rpc = <T>(p: ReturnType<typeof setup>, user: string, method: string, payload: unknown): T => {
  const r = p.rpc('rpc', [method, payload], { user }) as Reply<T>;
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
};

/** "1 650 000 ₽" -> 1650000; the digits of a money text in roubles. */
const roubles = (s: string): number => Number(s.replace(/[^\d-]/g, ''));

/** The "Нужно в день" and "Прогноз по темпу" of the plan block titled `title` in a text mail. */
function planLine(text: string, title: string): { pace: number | null; forecast: number } {
  const at = text.indexOf(`\n${title} [`);
  if (at < 0) throw new Error(`no plan block for ${title} in:\n${text}`);
  const block = text
    .slice(at, at + 400)
    .split('\n')
    .slice(1, 4)
    .join('\n');
  const forecast = /Прогноз по темпу ([\d\s\u00a0]+)₽/.exec(block);
  const pace = /Нужно в день: ([\d\s\u00a0]+)₽/.exec(block);
  if (!forecast) throw new Error(`no forecast in ${block}`);
  if (!pace && !block.includes('рабочих дней не осталось')) throw new Error(`no pace in ${block}`);
  return { pace: pace ? roubles(pace[1]) : null, forecast: roubles(forecast[1]) };
}

describe('one set of figures on the last working day of the month', () => {
  const p = setup();
  firstDailyRun(p); // 9:00, working hours not over: today is a day left
  const mail = (to: string, kind: string) =>
    p.emulator.outbox.find((m) => m.to === to && kindOf(m.subject) === kind)!;
  const team = rpc<TeamView>(p, HEAD, 'team', { period: '' });
  const today = rpc<TodayView>(p, ANNA, 'today', {});
  const deals = p.emulator.spreadsheet.getSheetByName('Сделки')!.getDataRange().getValues();
  const plans = p.emulator.spreadsheet.getSheetByName('Планы')!.getDataRange().getValues();
  const cell = (name: string, args: unknown[]) => p.customFunction(name, args) as unknown[][];

  it('sends the digest, the summary and the weekly report in one run', () => {
    expect(mail(ANNA, 'digest')).toBeDefined();
    expect(mail(HEAD, 'summary')).toBeDefined();
    expect(mail(HEAD, 'weekly')).toBeDefined();
  });

  it('gives one pace (the whole gap: one day left) and one forecast in every channel', () => {
    const anna = team.managers.find((m) => m.email === ANNA)!;
    expect(team.workingDays).toEqual({ total: 20, elapsed: 19, left: 1 });
    const pace = 9_300_000; // (10 000 000 - 700 000) / 1
    const forecast = Math.round((700_000 * 20) / 19);
    expect(anna.requiredDailyPace! / 100).toBe(pace);
    expect(Math.round(anna.forecast / 100)).toBe(forecast);
    expect(today.plan).toMatchObject({ workingDaysLeft: 1, requiredDailyPace: pace * 100 });
    expect(Math.round(today.plan!.forecast! / 100)).toBe(forecast);
    for (const [to, kind] of [
      [ANNA, 'digest'],
      [HEAD, 'summary'],
      [HEAD, 'weekly'],
    ]) {
      const title = kind === 'digest' ? '2026-11' : 'Анна';
      expect([to, kind, planLine(mail(to, kind).body, title)]).toEqual([
        to,
        kind,
        { pace, forecast },
      ]);
    }
    const pf = cell('SALES_PLAN_FACT', [plans, deals, '2026-11']);
    const row = pf.find((r) => r[0] === 'Анна')!;
    const col = (h: string) => pf[0].indexOf(h);
    expect(row[col('Нужно в день')]).toBe(pace);
    expect(Math.round(row[col('Прогноз по темпу')] as number)).toBe(forecast);
    const fc = cell('SALES_FORECAST', [deals, plans, '2026-11']);
    const frow = fc.find((r) => r[0] === 'Анна')!;
    expect(Math.round(frow[fc[0].indexOf('Прогноз по темпу')] as number)).toBe(forecast);
  });

  it('after the working day ends no day is left, and no channel invents a pace of 0', () => {
    p.emulator.clock.set(msk(2026, 11, 30, 18, 30).getTime());
    const late = rpc<TeamView>(p, HEAD, 'team', { period: '' });
    expect(late.workingDays.left).toBe(0);
    expect(late.managers.find((m) => m.email === ANNA)!.requiredDailyPace).toBeNull();
    expect(rpc<TodayView>(p, ANNA, 'today', {}).plan!.requiredDailyPace).toBeNull();
    const pf = cell('SALES_PLAN_FACT', [plans, deals, '2026-11']);
    expect(pf.find((r) => r[0] === 'Анна')![pf[0].indexOf('Нужно в день')]).toBe('');
  });

  it('lists the same items in the digest and the panel: invoices one by one, each deal once', () => {
    const digest = mail(ANNA, 'digest');
    expect(digest.subject).toContain(`: ${today.count} `);
    expect(today.overdueInvoices.map((i) => [i.number, i.outstanding.amount / 100])).toEqual([
      ['2026-00012', 1_385_000],
      ['2026-00150', 575_000],
    ]);
    expect(digest.body).toMatch(/№ 2026-00012\) — [^\n]* · 1\u00a0385\u00a0000\u00a0₽/);
    expect(digest.body).toMatch(/№ 2026-00150\) — [^\n]* · 575\u00a0000\u00a0₽/);
    const listed = (id: string) => digest.body.split(`Сделка ${id}`).length - 1;
    expect([listed('D-000002'), listed('D-000003'), listed('D-000004')]).toEqual([1, 0, 1]);
    expect(today.forgotten.map((d) => d.id).sort()).toEqual(['D-000002', 'D-000004']);
    expect(today.overdueSteps).toEqual([]);
    expect(today.noNextStep).toEqual([]);
  });
});
