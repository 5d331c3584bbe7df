/**
 * Plan versus fact for a period at one level (company, teams, managers), with the forecast.
 *
 * Definitions (docs/custom-functions.md names them for users):
 * - Fact counts up to the as-of day: won deals' amount by close date (Settings fact basis "won",
 *   the default) or payments received by payment date ("payments"). Other metrics: won deals
 *   count, new clients by creation date, activities by date.
 * - Completion = fact / plan (a fraction; null when the plan is 0). Deviation = fact - plan.
 * - Working days left, run-rate forecast and required daily pace: the one definition in pace.ts
 *   (today is a day left until its working hours are over).
 * - Weighted pipeline = sum over open deals expected to close in the period of amount x p (the
 *   deal's probability, else its stage's). Forecast = fact + weighted pipeline.
 * - Coverage = open pipeline closing in the period / (plan - fact); null once the plan is met.
 * - Amounts in a currency without a rate are not summed: they are listed in `excluded`.
 */
import { scaleKopecks, type Kopecks } from '../money';
import { dayOfInstant, type Day } from '../time';
import type { Deal, FactBasis, Manager, Plan, PlanLevel, PlanMetric, WorkbookData } from '../types';
import { CurrencyNotes, type CurrencyNote, type MoneyConverter } from './currency';
import { directoryOf, labelsOf, type ManagerKey } from './managers';
import { asOfDay, type AsOf } from './context';
import { paceOf, workingDaysOf, type WorkingDays } from './pace';
import { inPeriod, type Period } from './period';
import { normalizeTarget, PlanBook, type PlanSource, type PlanValue } from './plans';
import { converterOf, stagesOf } from './settings';
import type { StageIndex } from './stages';
import type { Zone } from '../time';

export interface PlanFactRow {
  level: PlanLevel;
  /** '' for the company, the team's name, or the manager's email. */
  target: string;
  /** Display name: '' for the company, the team, or the manager's name. */
  name: string;
  /** For managers: their team. */
  team: string;
  period: string;
  metric: PlanMetric;
  plan: number;
  planSource: PlanSource;
  fact: number;
  completion: number | null;
  deviation: number;
  runRateForecast: number | null;
  requiredDailyPace: number | null;
  weightedPipeline: number;
  openPipeline: number;
  forecast: number;
  coverage: number | null;
  workingDaysElapsed: number;
  workingDaysTotal: number;
  workingDaysLeft: number;
  /** Won deals (or open deals in the pipeline) without an amount: counted as 0. */
  dealsWithoutAmount: number;
  /** Amounts in currencies without a rate, left out of fact and pipeline. */
  excluded: CurrencyNote[];
  /** Won deals whose close date is blank or unreadable («31.11.2026», «вчера»): in no period. */
  wonUndated: number;
  /** Deals counted with an amount below zero (kept in the sums, reported). */
  negativeAmounts: number;
  /** Deals whose own probability is outside 0-100 % (clamped, reported). */
  badProbabilities: number;
  /** Months of the period without a plan when the plan is rolled up from some of them. */
  planMissing: string[];
  /** Manager cells not on the Managers sheet (unknown) or naming two people (ambiguous). */
  unknownManagers: string[];
  ambiguousManagers: string[];
}

export interface PlanFactOptions {
  metric?: PlanMetric;
  basis?: FactBasis;
  /** Zone for instants (new clients, activities); UTC+3 (Moscow) when absent. */
  zone?: Zone;
  book?: PlanBook;
}

interface Acc {
  fact: number;
  weighted: number;
  open: number;
  noAmount: number;
  undated: number;
  negative: number;
  badProbability: number;
  notes: CurrencyNotes;
  /** How the manager cell resolved (a manager's accumulator only). */
  status: ManagerKey['status'];
}

const newAcc = (): Acc => ({
  fact: 0,
  weighted: 0,
  open: 0,
  noAmount: 0,
  undated: 0,
  negative: 0,
  badProbability: 0,
  notes: new CurrencyNotes(),
  status: 'known',
});

const MOSCOW: Zone = { id: 'Europe/Moscow', offsetMinutes: () => 180 };

/** A deal's amount in the workbook currency; null when absent or not convertible (noted). */
export function dealAmount(
  deal: Pick<Deal, 'amount' | 'currency'>,
  conv: MoneyConverter,
  notes?: CurrencyNotes,
): Kopecks | null {
  if (deal.amount === null) return null;
  const v = conv.convert(deal.amount, deal.currency);
  if (v === null) notes?.add(deal.currency, deal.amount);
  return v;
}

/** The deal's own probability clamped to 0-100 % (as the Settings stage table is), else its stage's. */
export function dealProbability(deal: Deal, stages: StageIndex): number {
  const p = deal.probability;
  if (p === null || !Number.isFinite(p)) return stages.probabilityOf(deal.stage);
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

const outOfRange = (p: number | null): boolean => p !== null && (p < 0 || p > 1);

/** Figures per manager email (lower-case) for one period and metric. */
function accumulate(
  data: WorkbookData,
  period: Period,
  asOf: Day,
  metric: PlanMetric,
  basis: FactBasis,
  zone: Zone,
): Map<string, Acc> {
  const stages = stagesOf(data.settings);
  const conv = converterOf(data.settings);
  const factEnd = Math.min(asOf, period.end);
  const accs = new Map<string, Acc>();
  const who = directoryOf(data.managers);
  const acc = (cell: string): Acc => {
    const r = who.resolve(cell);
    let a = accs.get(r.key);
    if (!a) {
      accs.set(r.key, (a = newAcc()));
      a.status = r.status;
    }
    return a;
  };
  const inFact = (d: Day | null): boolean => d !== null && d >= period.start && d <= factEnd;

  if (metric === 'revenue' || metric === 'wonDeals') {
    for (const deal of data.deals) {
      const kind = stages.kindOf(deal.stage);
      if (kind === 'won') {
        if (deal.closedAt === null) {
          acc(deal.manager).undated++;
          continue;
        }
        if (!inFact(deal.closedAt)) continue;
        const a = acc(deal.manager);
        if (metric === 'wonDeals') a.fact += 1;
        else if (basis === 'won') {
          const v = dealAmount(deal, conv, a.notes);
          if (deal.amount === null) a.noAmount++;
          else if (deal.amount < 0) a.negative++;
          if (v !== null) a.fact += v;
        }
      } else if (kind === 'open' && inPeriod(deal.expectedClose, period)) {
        const a = acc(deal.manager);
        const p = dealProbability(deal, stages);
        if (outOfRange(deal.probability)) a.badProbability++;
        if (metric === 'wonDeals') {
          a.open += 1;
          a.weighted += p;
          continue;
        }
        const v = dealAmount(deal, conv, a.notes);
        if (deal.amount === null) a.noAmount++;
        else if (deal.amount < 0) a.negative++;
        if (v === null) continue;
        a.open += v;
        a.weighted += scaleKopecks(v, p);
      }
    }
  }
  if (metric === 'revenue' && basis === 'payments') {
    const dealManager = new Map<string, string>();
    for (const d of data.deals) dealManager.set(d.id, d.manager);
    const clientManager = new Map<string, string>();
    for (const c of data.clients) clientManager.set(c.id, c.manager);
    for (const inv of data.invoices) {
      if (!inv.paidAmount || !inFact(inv.paidAt)) continue;
      const manager = dealManager.get(inv.dealId) ?? clientManager.get(inv.clientId) ?? '';
      const a = acc(manager);
      const v = conv.convert(inv.paidAmount, inv.currency);
      if (v === null) a.notes.add(inv.currency, inv.paidAmount);
      else a.fact += v;
    }
  }
  if (metric === 'newClients') {
    for (const c of data.clients) {
      if (c.createdAt !== null && inFact(dayOfInstant(c.createdAt, zone))) acc(c.manager).fact += 1;
    }
  }
  if (metric === 'activities') {
    for (const x of data.activities) {
      if (x.at !== null && inFact(dayOfInstant(x.at, zone))) acc(x.manager).fact += 1;
    }
  }
  return accs;
}

/**
 * One job asks for the same figures at several levels (SALES_PLAN_FACT: managers, then the
 * company total), over the same lists: the pass over the deals and the plan book are made once
 * per lists (by identity; lists read for a job are not changed in place) and question.
 */
interface Accumulated {
  question: string;
  inputs: readonly unknown[];
  accs: Map<string, Acc>;
}
const accumulations = new WeakMap<readonly Deal[], Accumulated>();

function accumulated(
  data: WorkbookData,
  period: Period,
  asOf: Day,
  metric: PlanMetric,
  basis: FactBasis,
  zone: Zone,
): Map<string, Acc> {
  const question = `${period.label}|${period.start}|${period.end}|${asOf}|${metric}|${basis}|${zone.id}`;
  const inputs = [
    data.settings,
    data.managers,
    data.invoices,
    data.clients,
    data.activities,
    zone,
    data.deals.length,
  ];
  const hit = accumulations.get(data.deals);
  if (hit && hit.question === question && hit.inputs.every((x, i) => x === inputs[i]))
    return hit.accs;
  const accs = accumulate(data, period, asOf, metric, basis, zone);
  accumulations.set(data.deals, { question, inputs, accs });
  return accs;
}

const books = new WeakMap<
  readonly Plan[],
  { managers: readonly Manager[]; length: number; book: PlanBook }
>();

function planBookOf(data: WorkbookData): PlanBook {
  const hit = books.get(data.plans);
  if (hit && hit.managers === data.managers && hit.length === data.plans.length) return hit.book;
  const book = new PlanBook(data.plans, data.managers);
  books.set(data.plans, { managers: data.managers, length: data.plans.length, book });
  return book;
}

function merge(into: Acc, from: Acc): void {
  into.fact += from.fact;
  into.weighted += from.weighted;
  into.open += from.open;
  into.noAmount += from.noAmount;
  into.undated += from.undated;
  into.negative += from.negative;
  into.badProbability += from.badProbability;
  into.notes.merge(from.notes);
}

/**
 * Plan-fact rows for every target of the level, sorted by name (company: one row). `at` is a
 * moment (the clock: today's working hours decide whether today is still a day left) or a whole
 * day (finished).
 */
export function planFact(
  data: WorkbookData,
  period: Period,
  level: PlanLevel,
  at: Day | AsOf,
  opts: PlanFactOptions = {},
): PlanFactRow[] {
  const metric = opts.metric ?? 'revenue';
  const basis = opts.basis ?? data.settings.factBasis ?? 'won';
  const zone = opts.zone ?? (typeof at === 'number' ? MOSCOW : at.zone);
  const moment = typeof at === 'number' ? asOfDay(at, zone) : at;
  const asOf = moment.day;
  const book = opts.book ?? planBookOf(data);
  const perManager = accumulated(data, period, asOf, metric, basis, zone);
  const managers = new Map<string, Manager>();
  for (const m of data.managers) managers.set(m.email.trim().toLowerCase(), m);

  const days = workingDaysOf(period, moment, data.settings);
  const money = metric === 'revenue';

  const row = (target: string, name: string, team: string, a: Acc): PlanFactRow => {
    const plan = book.value(level, target, period, metric);
    return buildRow({ level, target, name, team, period, metric, plan, acc: a, days, money });
  };

  if (level === 'company') {
    const a = newAcc();
    const unknown: string[] = [];
    const ambiguous: string[] = [];
    for (const [k, x] of perManager) {
      merge(a, x);
      // Without a Managers sheet nobody is "unknown": there is nothing to resolve against.
      if (x.status === 'ambiguous') ambiguous.push(k);
      else if (x.status === 'unknown' && data.managers.length) unknown.push(k);
    }
    const r = row('', '', '', a);
    r.unknownManagers = unknown.sort();
    r.ambiguousManagers = ambiguous.sort();
    return [r];
  }
  if (level === 'team') {
    const byTeam = new Map<string, { name: string; acc: Acc }>();
    for (const t of book.teams) byTeam.set(normalizeTarget('team', t), { name: t, acc: newAcc() });
    for (const [email, a] of perManager) {
      const team = managers.get(email)?.team.trim() ?? '';
      const k = normalizeTarget('team', team);
      let entry = byTeam.get(k);
      if (!entry) byTeam.set(k, (entry = { name: team, acc: newAcc() }));
      merge(entry.acc, a);
    }
    return [...byTeam.values()]
      .map((e) => row(e.name, e.name, e.name, e.acc))
      .sort((x, y) => (x.name === '' ? 1 : y.name === '' ? -1 : x.name.localeCompare(y.name)));
  }
  // Active managers always have a row (a zero row is news too); anyone else with a plan or figures.
  const emails = new Set<string>();
  for (const m of data.managers) {
    if (m.role === 'manager' && m.active) emails.add(m.email.trim().toLowerCase());
  }
  for (const email of perManager.keys()) if (email) emails.add(email);
  const who = directoryOf(data.managers);
  // Thousands of plan rows name a few dozen managers: ask the book once per manager.
  const planned = new Set<string>();
  for (const p of data.plans)
    if (p.level === 'manager' && p.target.trim()) planned.add(who.keyOf(p.target));
  for (const e of planned)
    if (book.value('manager', e, period, metric).source !== 'none') emails.add(e);
  // Two managers may share a name: a row shows the name plus the team or the email then.
  const labels = labelsOf(data.managers);
  return [...emails]
    .map((email) => {
      const m = managers.get(email);
      const name = labels.get(email) || m?.name || email;
      return row(email, name, m?.team ?? '', perManager.get(email) ?? newAcc());
    })
    .sort((x, y) => x.name.localeCompare(y.name));
}

interface RowInput {
  level: PlanLevel;
  target: string;
  name: string;
  team: string;
  period: Period;
  metric: PlanMetric;
  plan: PlanValue;
  acc: Acc;
  days: WorkingDays;
  money: boolean;
}

function buildRow(r: RowInput): PlanFactRow {
  const plan = r.plan.value;
  const { fact, weighted, open } = r.acc;
  const round = (x: number): number => (r.money ? Math.round(x) : Math.round(x * 100) / 100);
  const gap = plan - fact;
  return {
    level: r.level,
    target: r.target,
    name: r.name,
    team: r.team,
    period: r.period.label,
    metric: r.metric,
    plan,
    planSource: r.plan.source,
    fact,
    completion: plan > 0 ? fact / plan : null,
    deviation: fact - plan,
    ...paceOf(plan, fact, r.days, r.money),
    weightedPipeline: round(weighted),
    openPipeline: open,
    forecast: round(fact + weighted),
    coverage: gap > 0 ? open / gap : null,
    workingDaysElapsed: r.days.elapsed,
    workingDaysTotal: r.days.total,
    workingDaysLeft: r.days.left,
    dealsWithoutAmount: r.acc.noAmount,
    excluded: r.acc.notes.list(),
    wonUndated: r.acc.undated,
    negativeAmounts: r.acc.negative,
    badProbabilities: r.acc.badProbability,
    planMissing: r.plan.missing ?? [],
    unknownManagers: [],
    ambiguousManagers: [],
  };
}
