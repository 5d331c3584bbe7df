/**
 * A realistic, reproducible demo company: two sales teams with a head of sales and a director,
 * clients with valid INNs and +7 phones, a year of deals across the funnel with their stage
 * history, activities, plans at every level and period, and invoices with payments (some
 * overdue). Pure and seeded; parameterised by counts and by "today", and linear in the counts so
 * the analytics benchmark can ask for 50,000 deals and 200,000 activities.
 */
import { toKopecks } from '../money';
import { addDaysOfWeek, isWeekend } from './days';
import { normalizeInn } from '../workbook/normalize';
import { defaultStages, DEFAULT_LOST_REASONS, DEFAULT_SOURCES } from '../workbook/settings';
import { formatId } from '../workbook/ids';
import { localToInstant } from '../workbook/normalize';
import { ymdFromDay, dayOfInstant, type Day, type Instant, type Zone } from '../time';
import type {
  Activity,
  ActivityType,
  Client,
  Deal,
  Invoice,
  Lang,
  Manager,
  Plan,
  StageChange,
  StageDef,
} from '../types';
import { planEachContact } from './next-steps';
import { Random } from './random';
import { demoMoney, type DemoMoney } from './money';
import { demoLines, type DemoLines } from './lines';
import * as W from './names';
import { demoTasks } from './tasks';
import type { Task } from '../tasks/types';
import { demoPeople, type PeopleDemo } from './people';

export interface DemoOptions {
  seed?: number;
  /** The demo's "today" (default: whatever the caller passes; required for reproducibility). */
  today: Day;
  zone: Zone;
  lang?: Lang;
  /** Sales managers (besides the head of sales and the director). */
  managers?: number;
  clients?: number;
  deals?: number;
  activities?: number;
  invoices?: number;
  /** How many months of history, ending today. */
  months?: number;
  /** Company email domain. */
  domain?: string;
}

export interface DemoData {
  managers: Manager[];
  clients: Client[];
  deals: Deal[];
  activities: Activity[];
  stageHistory: StageChange[];
  plans: Plan[];
  invoices: Invoice[];
  stages: StageDef[];
  tasks?: Task[];
  people?: PeopleDemo;
  money: DemoMoney;
  lines: DemoLines;
}

export const DEMO_DEFAULTS = {
  seed: 20261127,
  managers: 8,
  clients: 400,
  deals: 900,
  activities: 4_000,
  invoices: 350,
  months: 12,
  domain: 'vektor-trade.ru',
} as const;

const TYPES: readonly ActivityType[] = ['call', 'call', 'call', 'email', 'meeting', 'message'];

function validInn(rnd: Random): string {
  for (;;) {
    const body = rnd.pick(W.REGIONS) + rnd.digits(7);
    for (let c = 0; c < 10; c++) {
      const inn = normalizeInn(body + c);
      if (inn) return inn;
    }
  }
}

function phone(rnd: Random): string {
  return `+79${rnd.digits(9)}`;
}

export function generateDemo(opts: DemoOptions): DemoData {
  const o = { ...DEMO_DEFAULTS, ...stripUndefined(opts) };
  const lang: Lang = opts.lang ?? 'ru';
  const rnd = new Random(o.seed);
  const zone = opts.zone;
  const today = opts.today;
  const stages = defaultStages(lang);
  const open = stages.filter((s) => s.kind === 'open');
  const won = stages.find((s) => s.kind === 'won') as StageDef;
  const lost = stages.find((s) => s.kind === 'lost') as StageDef;
  const sources = DEFAULT_SOURCES[lang].filter((s) => s !== 'Импорт' && s !== 'Import');
  const reasons = DEFAULT_LOST_REASONS[lang];
  const startDay = today - o.months * 30;
  const at = (day: Day, minute: number): Instant => localToInstant(day, minute, zone);
  const workMinute = () => rnd.int(9 * 60 + 5, 18 * 60 + 30);

  // ---- People ----
  const teams = lang === 'ru' ? ['Север', 'Юг'] : ['North', 'South'];
  const managers: Manager[] = [];
  const used = new Set<string>();
  const person = (role: Manager['role'], team: string, hiredAt: Day): Manager => {
    const female = rnd.chance(0.45);
    const first = rnd.pick(female ? W.FIRST_F : W.FIRST_M);
    const lastBase = rnd.pick(W.LAST);
    const last = female
      ? lastBase.endsWith('ий')
        ? lastBase.replace(/ий$/, 'ая')
        : `${lastBase}а`
      : lastBase;
    let email = `${W.translit(first)[0]}.${W.translit(lastBase)}@${o.domain}`;
    for (let i = 2; used.has(email); i++)
      email = `${W.translit(first)[0]}.${W.translit(lastBase)}${i}@${o.domain}`;
    used.add(email);
    return {
      row: 0,
      email,
      name: `${first} ${last}`,
      team,
      role,
      active: true,
      callsPerDay: role === 'manager' ? rnd.pick([20, 25, 30]) : null,
      meetingsPerWeek: role === 'manager' ? rnd.pick([3, 4, 5]) : null,
      hiredAt,
      lastDay: null,
      grade: '',
      mentor: '',
    };
  };
  managers.push(person('director', '', startDay - 900));
  managers.push(person('head', '', startDay - 600));
  const sales: Manager[] = [];
  for (let i = 0; i < o.managers; i++) {
    // A few recent hires, so plan ramp-up and "new manager" cases exist.
    const hired =
      i >= o.managers - Math.max(1, Math.floor(o.managers / 8))
        ? today - rnd.int(40, 120)
        : startDay - rnd.int(30, 700);
    const m = person('manager', teams[i % teams.length], hired);
    sales.push(m);
    managers.push(m);
  }
  if (o.managers > 3) sales[sales.length - 1 - (o.managers > 6 ? 1 : 0)].active = rnd.chance(0.5);
  // A few managers in trouble (deals left to rot, steps and debts overdue), most keep up: what a
  // head of sales sees in a real team, and what makes the team summary worth reading.
  const trouble = new Set<string>();
  for (
    let i = 1;
    i < sales.length && trouble.size < Math.max(1, Math.round(sales.length / 4));
    i += 3
  )
    trouble.add(sales[i].email);
  const inTrouble = (email: string) => trouble.has(email);
  // The newest hire is on a ramp-up: their clients arrive from the day they joined.
  const rookie = sales.reduce<Manager | null>(
    (a, m) => (a === null || (m.hiredAt ?? 0) > (a.hiredAt ?? 0) ? m : a),
    null,
  );
  /** Seasonality of new business by month: quiet January and May holidays, busy March and Q4. */
  const SEASON = [0.45, 0.85, 1.15, 1.0, 0.7, 0.9, 0.75, 0.8, 1.05, 1.15, 1.25, 1.35];
  const seasonalDay = (from: Day, to: Day): Day => {
    for (let k = 0; k < 20; k++) {
      const d = from + Math.floor(rnd.next() * Math.max(1, to - from));
      if (rnd.next() * 1.35 <= SEASON[ymdFromDay(d).month - 1]) return d;
    }
    return from + Math.floor(rnd.next() * Math.max(1, to - from));
  };

  // ---- Clients ----
  const clients: Client[] = [];
  const names = new Set<string>();
  for (let i = 0; i < o.clients; i++) {
    let base: string;
    do {
      base = rnd.chance(0.5)
        ? `${rnd.pick(W.COMPANY_A)} ${rnd.pick(W.COMPANY_N_MASC)}`
        : `${rnd.pick(W.COMPANY_WORD)}-${rnd.pick(W.COMPANY_N)}`;
      if (names.has(base)) base = `${base} ${rnd.pick(W.CITIES)}`;
      if (names.has(base)) base = `${base} ${names.size}`;
    } while (names.has(base));
    names.add(base);
    const legal = rnd.pick(W.LEGAL);
    const contactFemale = rnd.chance(0.5);
    const contactFirst = rnd.pick(contactFemale ? W.FIRST_F : W.FIRST_M);
    const contactLast = rnd.pick(W.LAST) + (contactFemale ? 'а' : '');
    const owner = sales[i % sales.length];
    const from = owner === rookie ? Math.max(startDay, owner.hiredAt ?? startDay) : startDay;
    const created = seasonalDay(from, today - 1);
    const domain = `${W.translit(base.split(/[ -]/)[0])}${i}.ru`;
    const ip = `ИП ${contactLast} ${contactFirst[0]}.`;
    const soleTrader = legal === 'ИП' && !names.has(ip);
    if (soleTrader) names.add(ip);
    clients.push({
      row: 0,
      id: formatId('C', i + 1),
      name: soleTrader ? ip : `${legal === 'ИП' ? 'ООО' : legal} «${base}»`,
      inn: soleTrader ? '' : validInn(rnd),
      contactName: `${contactFirst} ${contactLast}`,
      phone: phone(rnd),
      email: `${W.translit(contactFirst)}@${domain}`,
      source: rnd.pick(sources),
      manager: owner.email,
      need: rnd.pick(W.NEEDS),
      createdAt: at(created, workMinute()),
      lastContactAt: null,
      snoozedUntil: null,
      snoozeReason: '',
      updatedAt: null,
    });
  }
  if (!clients.length) throw new Error('demo needs at least one client');

  // ---- Deals, stage history, activities ----
  const deals: Deal[] = [];
  const history: StageChange[] = [];
  const activities: Activity[] = [];
  const perDeal = o.deals ? o.activities / o.deals : 0;
  let activityBudget = o.activities;
  for (let i = 0; i < o.deals; i++) {
    const client = clients[i % clients.length];
    const manager = client.manager;
    const created =
      Math.max(dayOfInstant(client.createdAt as number, zone), startDay) + rnd.int(0, 20);
    const createdDay = Math.min(created, today);
    const createdAt = at(createdDay, workMinute());
    const age = today - createdDay;
    // Older deals are mostly closed; recent ones mostly open.
    const closeP = Math.min(0.92, age / 75);
    let final: StageDef;
    // A rookie wins less at first and more as they learn: the team trend shows the ramp-up.
    const winP =
      client.manager === rookie?.email
        ? 0.15 + 0.3 * Math.min(1, (createdDay - (rookie.hiredAt ?? 0)) / 90)
        : 0.38;
    if (rnd.chance(closeP)) final = rnd.chance(winP) ? won : lost;
    else
      final =
        open[Math.min(open.length - 1, Math.floor(rnd.next() * rnd.next() * open.length * 1.6))];
    // Path through the funnel; lost deals drop out at some open stage.
    const lastOpen =
      final.kind === 'won'
        ? open.length - 1
        : final.kind === 'lost'
          ? rnd.int(0, open.length - 2)
          : final.order;
    const path: StageDef[] = [];
    for (let s = 0; s <= lastOpen; s++)
      if (s === 0 || s === lastOpen || !rnd.chance(0.08)) path.push(open[s]);
    if (final.kind !== 'open') path.push(final);
    const span = Math.max(1, final.kind === 'open' ? age : Math.min(age, rnd.int(10, 90)));
    const id = formatId('D', i + 1);
    let prev = '';
    let moveDay = createdDay;
    path.forEach((s, k) => {
      if (k > 0) moveDay = Math.min(today, createdDay + Math.round((span * k) / path.length));
      history.push({
        row: 0,
        dealId: id,
        fromStage: prev,
        toStage: s.name,
        at: k === 0 ? createdAt : at(moveDay, workMinute()),
        by: manager,
      });
      prev = s.name;
    });
    const closedAt = final.kind === 'open' ? null : moveDay;
    const amountRub = Math.round(rnd.logUniform(40_000, 3_500_000) / 1000) * 1000;
    const needsAmount = path.length > 1 || final.kind !== 'open';
    const deal: Deal = {
      row: 0,
      id,
      clientId: client.id,
      clientName: client.name,
      title: `${client.name.replace(/^(ООО|АО|ПАО|ИП) /, '')}: ${rnd.pick(W.PRODUCTS)}`,
      manager,
      stage: final.name,
      amount: needsAmount || rnd.chance(0.4) ? toKopecks(amountRub) : null,
      currency: '',
      probability: final.kind === 'open' && rnd.chance(0.1) ? rnd.pick([0.3, 0.5, 0.7]) : null,
      source: client.source,
      need: client.need,
      lastDiscussed: '',
      nextStep: '',
      nextStepDate: null,
      createdAt,
      expectedClose: final.kind === 'open' ? today + rnd.int(-5, 60) : closedAt,
      closedAt,
      lostReason: final.kind === 'lost' ? rnd.pick(reasons) : '',
      firstActivityAt: null,
      lastActivityAt: null,
      closeDatePushes: final.kind === 'open' ? Math.floor(rnd.next() * rnd.next() * 5) : 0,
      snoozedUntil: null,
      snoozeReason: '',
      updatedAt: null,
    };
    // Activities: spread over the deal's life. Some open deals are left to rot on purpose, and
    // the newest leads have none yet (unprocessed).
    // A tenth of the budget is left for the calls to quiet clients below.
    let n = Math.min(Math.round(perDeal * (0.35 + rnd.next() * 1.05)), activityBudget);
    if (final.kind === 'open' && age <= 1 && rnd.chance(0.6)) n = 0;
    const endDay =
      closedAt ??
      (final.kind === 'open' && rnd.chance(inTrouble(manager) ? 0.45 : 0.05)
        ? Math.max(createdDay, today - rnd.int(15, 40))
        : today);
    const life = Math.max(0, endDay - createdDay);
    let first: Instant | null = null;
    let last: Activity | null = null;
    const acts: Activity[] = [];
    for (let k = 0; k < n; k++) {
      let day = createdDay + Math.floor((life * (k + rnd.next())) / Math.max(n, 1));
      if (isWeekend(day)) day = addDaysOfWeek(day);
      day = Math.min(day, today);
      let when = at(day, workMinute());
      if (k === 0) when = Math.max(createdAt + rnd.int(3, 240) * 60_000, when);
      if (when > at(today, 18 * 60 + 59)) when = createdAt + 60_000;
      acts.push({
        row: 0,
        id: '',
        at: when,
        manager,
        type: rnd.pick(TYPES),
        clientId: client.id,
        dealId: id,
        summary: rnd.pick(W.SUMMARIES),
        nextStep: '',
        nextStepDate: null,
      });
    }
    acts.sort((a, b) => (a.at as number) - (b.at as number));
    // Whoever keeps up touched a live deal in the last few days; whoever is in trouble did not.
    const latest = acts[acts.length - 1];
    if (latest && final.kind === 'open' && endDay === today && !inTrouble(manager)) {
      let day = today - rnd.int(0, 3);
      if (isWeekend(day)) day = Math.min(today, addDaysOfWeek(day));
      latest.at = Math.max(latest.at as number, Math.min(at(day, workMinute()), at(today, 8 * 60)));
    }
    planEachContact(acts, W.NEXT_STEPS, zone);
    for (const a of acts) {
      first ??= a.at;
      last = a;
    }
    activityBudget -= acts.length;
    activities.push(...acts);
    if (last) {
      deal.firstActivityAt = first;
      deal.lastActivityAt = last.at;
      deal.lastDiscussed = last.summary;
      if (final.kind === 'open') {
        last.nextStep = rnd.pick(W.NEXT_STEPS);
        // Most next steps are ahead; some are overdue, which the reminders must catch.
        last.nextStepDate = inTrouble(manager)
          ? today + rnd.int(-12, 10)
          : today + (rnd.chance(0.12) ? -rnd.int(1, 5) : rnd.int(0, 14));
        deal.nextStep = last.nextStep;
        deal.nextStepDate = last.nextStepDate;
      }
      if ((client.lastContactAt ?? 0) < (last.at as number)) client.lastContactAt = last.at;
    }
    if (final.kind === 'open' && rnd.chance(0.03)) {
      deal.snoozedUntil = today + rnd.int(3, 20);
      deal.snoozeReason = rnd.pick(W.SNOOZE_REASONS);
    }
    deals.push(deal);
  }
  // Managers who keep up call their quiet clients before they are forgotten; those in trouble
  // do not. Each call goes on the client's latest deal.
  const lastDealOf = new Map<string, Deal>();
  for (const d of deals) lastDealOf.set(d.clientId, d);
  for (const c of clients) {
    const d = lastDealOf.get(c.id);
    if (!d || inTrouble(c.manager) || activityBudget <= 0) continue;
    const lastDay = dayOfInstant((c.lastContactAt ?? c.createdAt) as number, zone);
    if (today - lastDay <= 25 || !rnd.chance(0.9)) continue;
    let day = today - rnd.int(1, 24);
    if (isWeekend(day)) day = Math.min(today, addDaysOfWeek(day));
    const when = at(day, workMinute());
    activities.push({
      row: 0,
      id: '',
      at: when,
      manager: c.manager,
      type: 'call',
      clientId: c.id,
      dealId: d.id,
      summary: rnd.pick(W.SUMMARIES),
      nextStep: '',
      nextStepDate: null,
    });
    activityBudget--;
    c.lastContactAt = when;
    if ((d.lastActivityAt ?? 0) < when) d.lastActivityAt = when;
  }
  // Activities get ids in time order, like a log would.
  activities.sort((a, b) => (a.at as number) - (b.at as number));
  activities.forEach((a, i) => (a.id = formatId('A', i + 1)));

  // ---- Invoices ----
  const invoices: Invoice[] = [];
  const invoiced = stages.find((s) => s.order === open[open.length - 1].order) as StageDef;
  const eligible = deals.filter(
    (d) => d.amount && (d.stage === won.name || d.stage === invoiced.name),
  );
  for (let k = 0; invoices.length < o.invoices && eligible.length && k < o.invoices * 3; k++) {
    const d = eligible[k % eligible.length];
    const part = k >= eligible.length; // a second invoice for the same deal: an instalment
    const issued = part
      ? Math.min(today, (d.closedAt ?? today) + rnd.int(20, 40))
      : (d.closedAt ?? Math.max(dayOfInstant(d.createdAt as number, zone), today - rnd.int(1, 20)));
    const due = issued + rnd.pick([5, 10, 14, 30]);
    const amount = part ? Math.round((d.amount as number) / 2) : (d.amount as number);
    const overdueCase = due < today && rnd.chance(inTrouble(d.manager) ? 0.45 : 0.05);
    const paidFull = d.stage === won.name && !overdueCase && due - rnd.int(0, 20) <= today;
    const partial = !paidFull && rnd.chance(0.25);
    const paidAmount = paidFull ? amount : partial ? Math.round(amount * 0.5) : 0;
    const paidAt = paidAmount
      ? Math.min(today, issued + rnd.int(1, Math.max(1, due - issued + 10)))
      : null;
    invoices.push({
      row: 0,
      id: formatId('I', invoices.length + 1),
      number: `${ymdFromDay(issued).year}-${String(invoices.length + 1).padStart(5, '0')}`,
      clientId: d.clientId,
      dealId: d.id,
      issuedAt: issued,
      dueDate: due,
      amount,
      currency: '',
      paidAmount,
      paidAt,
    });
  }

  // ---- Plans: monthly per manager from their own track record, rolled up to teams/company ----
  const plans: Plan[] = [];
  const monthKey = (d: Day) => {
    const { year, month } = ymdFromDay(d);
    return `${year}-${String(month).padStart(2, '0')}`;
  };
  const wonByManager = new Map<string, number>();
  for (const d of deals)
    if (d.stage === won.name)
      wonByManager.set(d.manager, (wonByManager.get(d.manager) ?? 0) + (d.amount ?? 0));
  const months: string[] = [];
  for (let d = startDay; d <= today + 31; d += 28) {
    const k = monthKey(d);
    if (!months.includes(k)) months.push(k);
  }
  const managerMonthly = new Map<string, number>();
  for (const m of sales) {
    // Over the months they have worked here: a rookie's plan is not their first weeks spread
    // over a year.
    const worked = (today - Math.max(startDay, m.hiredAt ?? startDay)) / 30;
    const avg = (wonByManager.get(m.email) ?? 0) / Math.max(1, Math.min(o.months, worked));
    managerMonthly.set(
      m.email,
      Math.max(100_000_00, Math.round((avg * (1 + rnd.next() * 0.3)) / 5_000_000) * 5_000_000),
    );
  }
  const quarterOf = (month: string) =>
    `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
  const sums = new Map<string, number>(); // "level|target|period" -> value
  const add = (level: Plan['level'], target: string, period: string, value: number) => {
    const key = `${level}|${target}|${period}`;
    sums.set(key, (sums.get(key) ?? 0) + value);
  };
  // A quarter or year plan only where every month of it is planned: the window's first, partial
  // year must not get a "year plan" the size of one month.
  const planned = new Set(months);
  const monthsOfQuarter = (q: string) =>
    [1, 2, 3].map(
      (i) => `${q.slice(0, 4)}-${String((Number(q.slice(6)) - 1) * 3 + i).padStart(2, '0')}`,
    );
  const monthsOfYear = (y: string) =>
    Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`);
  const whole = (ms: string[]) => ms.every((x) => planned.has(x));
  for (const month of months) {
    const periods = [month];
    if (whole(monthsOfQuarter(quarterOf(month)))) periods.push(quarterOf(month));
    if (whole(monthsOfYear(month.slice(0, 4)))) periods.push(month.slice(0, 4));
    // Plans follow the season the history has, so plan-fact reads near 100 % all year round.
    const season = SEASON[Number(month.slice(5)) - 1] / (SEASON.reduce((a, b) => a + b) / 12);
    for (const m of sales) {
      const v =
        Math.round(((managerMonthly.get(m.email) as number) * season) / 5_000_000) * 5_000_000;
      for (const period of periods) {
        add('manager', m.email, period, v);
        add('team', m.team, period, v);
        add('company', '', period, v);
      }
      plans.push({
        row: 0,
        level: 'manager',
        target: m.email,
        period: month,
        metric: 'wonDeals',
        value: 2 + rnd.int(0, 3),
      });
    }
  }
  for (const [key, value] of sums) {
    const [level, target, period] = key.split('|');
    plans.push({ row: 0, level: level as Plan['level'], target, period, metric: 'revenue', value });
  }
  const levelOrder = { company: 0, team: 1, manager: 2 };
  plans.sort(
    (a, b) =>
      a.period.localeCompare(b.period) ||
      levelOrder[a.level] - levelOrder[b.level] ||
      a.target.localeCompare(b.target) ||
      a.metric.localeCompare(b.metric),
  );

  const tasks = demoTasks({ managers, deals, today, zone, lang });
  const people = demoPeople(managers, today, lang, rnd, o.domain);
  const money = demoMoney({ seed: o.seed, today, lang, months: o.months });
  return {
    ...{ managers, clients, deals, activities, stageHistory: history, plans, invoices, stages },
    tasks,
    people,
    money,
    lines: demoLines({
      seed: o.seed,
      lang,
      deals,
      stages,
      head: managers.find((m) => m.role === 'head')?.email,
    }),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o))
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
