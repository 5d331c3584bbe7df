/**
 * The plan defence: what the team can sell at its current rates, bottom up, and what alone would
 * close the gap to a proposed target. Definitions (docs/planning.md):
 * - History window: the last N whole months before the period (and before the current month).
 * - Leads per month: deals created in the window / N.
 * - Conversion: of the deals created in the window that are decided, the share won.
 * - Average deal: won deals closed in the window, mean amount; cycle: their median days from
 *   creation to close.
 * - Monthly rate = leads x conversion x average deal. A manager without leads in the window (a
 *   new hire) is given the average rate of those with one.
 * - Achievable = rate x staffed months, the staffed months being the ramp-up shares of the
 *   period's months (ramp.ts), so a hire ramps and a leaver stops.
 * - Each lever alone: the target / achievable ratio applied to leads, conversion or average deal.
 *   Hires: the gap / (average rate x the months a hire at the period's start would carry).
 */
import { dealAmount } from '../analytics/planfact';
import { directoryOf } from '../analytics/managers';
import { converterOf, stagesOf } from '../analytics/settings';
import { monthsOf, type Period } from '../workbook/period';
import { dayFromYmd, dayOfInstant, ymdFromDay, type Day, type Zone } from '../time';
import type { Manager, WorkbookData } from '../types';
import { DEFAULT_RAMP, rampShare } from './ramp';

export interface CapacityRow {
  level: 'manager' | 'team' | 'company';
  /** Email, team name, or ''. */
  key: string;
  name: string;
  team: string;
  leadsPerMonth: number;
  conversion: number | null;
  averageDeal: number | null;
  cycleDays: number | null;
  /** Kopecks a fully staffed month brings at current rates. */
  monthlyRate: number;
  /** True when the rate is the team average (no leads of one's own in the window). */
  estimated: boolean;
  staffedMonths: number;
  achievable: number;
  target: number | null;
  gap: number | null;
}

export interface Levers {
  leadsPerMonth: number;
  conversion: number;
  averageDeal: number;
  /** Null when nobody has a rate to hire at. */
  hires: number | null;
}

export interface CapacityResult {
  from: Day;
  to: Day;
  months: number;
  rows: CapacityRow[];
  levers: Levers | null;
}

export interface CapacityOptions {
  period: Period;
  historyMonths: number;
  asOf: Day;
  zone: Zone;
  curve?: readonly number[];
  /** Company target (kopecks). */
  target?: number | null;
  /** Targets of managers (email) and teams (name), e.g. from the built plan. */
  targets?: ReadonlyMap<string, number>;
}

interface Acc {
  leads: number;
  decided: number;
  cohortWon: number;
  won: number;
  wonSum: number;
  cycles: number[];
}

const newAcc = (): Acc => ({ leads: 0, decided: 0, cohortWon: 0, won: 0, wonSum: 0, cycles: [] });

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Who carries a plan: managers still working at some point of the period. */
export function planPeople(managers: readonly Manager[], period: Period): Manager[] {
  return managers.filter(
    (m) =>
      m.role === 'manager' &&
      m.email &&
      (m.lastDay === null ? m.active : m.lastDay >= period.start) &&
      (m.hiredAt === null || m.hiredAt <= period.end),
  );
}

/** The last n whole months before the period and before the month of `asOf`. */
export function historyWindow(period: Period, asOf: Day, n: number): { from: Day; to: Day } {
  const { year, month } = ymdFromDay(Math.min(period.start, asOf));
  const to = dayFromYmd(year, month, 1) - 1;
  const end = ymdFromDay(to);
  const k = end.year * 12 + (end.month - 1) - (n - 1);
  return { from: dayFromYmd(Math.floor(k / 12), (k % 12) + 1, 1), to };
}

export function salesCapacity(data: WorkbookData, o: CapacityOptions): CapacityResult {
  const n = Math.max(1, Math.round(o.historyMonths));
  const { from, to } = historyWindow(o.period, o.asOf, n);
  const stages = stagesOf(data.settings);
  const conv = converterOf(data.settings);
  const who = directoryOf(data.managers);
  const accs = new Map<string, Acc>();
  const acc = (cell: string): Acc => {
    const k = who.keyOf(cell);
    let a = accs.get(k);
    if (!a) accs.set(k, (a = newAcc()));
    return a;
  };
  for (const d of data.deals) {
    const created = d.createdAt === null ? null : dayOfInstant(d.createdAt, o.zone);
    const kind = stages.kindOf(d.stage);
    if (created !== null && created >= from && created <= to) {
      const a = acc(d.manager);
      a.leads++;
      if (kind !== 'open') a.decided++;
      if (kind === 'won') a.cohortWon++;
    }
    if (kind === 'won' && d.closedAt !== null && d.closedAt >= from && d.closedAt <= to) {
      const a = acc(d.manager);
      a.won++;
      a.wonSum += dealAmount(d, conv) ?? 0;
      if (created !== null && d.closedAt >= created) a.cycles.push(d.closedAt - created);
    }
  }
  const curve = o.curve ?? DEFAULT_RAMP;
  const months = monthsOf(o.period);
  const people = planPeople(data.managers, o.period);
  const figures = (a: Acc) => {
    const leadsPerMonth = a.leads / n;
    const conversion = a.decided > 0 ? a.cohortWon / a.decided : null;
    const averageDeal = a.won > 0 ? a.wonSum / a.won : null;
    return {
      leadsPerMonth,
      conversion,
      averageDeal,
      cycleDays: median(a.cycles),
      monthlyRate: leadsPerMonth * (conversion ?? 0) * (averageDeal ?? 0),
    };
  };
  const own = people.map((m) => ({ m, a: accs.get(who.keyOf(m.email)) ?? newAcc() }));
  const rated = own.filter((x) => x.a.leads > 0).map((x) => figures(x.a).monthlyRate);
  const averageRate = rated.length ? rated.reduce((s, r) => s + r, 0) / rated.length : 0;
  const target = (key: string, achievable: number, t: number | null | undefined) => {
    const v = t ?? null;
    return { target: v, gap: v === null ? null : v - achievable };
  };
  const managerRows: CapacityRow[] = own.map(({ m, a }) => {
    const f = figures(a);
    const estimated = a.leads === 0;
    const monthlyRate = estimated ? averageRate : f.monthlyRate;
    const staffedMonths = months.reduce((s, mo) => s + rampShare(m, mo, curve), 0);
    const achievable = Math.round(monthlyRate * staffedMonths);
    const key = m.email.toLowerCase();
    return {
      level: 'manager',
      key,
      name: m.name || m.email,
      team: m.team,
      ...f,
      monthlyRate,
      estimated,
      staffedMonths,
      achievable,
      ...target(key, achievable, o.targets?.get(key)),
    };
  });
  const group = (
    level: 'team' | 'company',
    key: string,
    rows: CapacityRow[],
    t: number | null | undefined,
  ): CapacityRow => {
    const sum = newAcc();
    for (const r of rows) {
      const a = accs.get(r.key);
      if (!a) continue;
      sum.leads += a.leads;
      sum.decided += a.decided;
      sum.cohortWon += a.cohortWon;
      sum.won += a.won;
      sum.wonSum += a.wonSum;
      sum.cycles.push(...a.cycles);
    }
    const achievable = rows.reduce((s, r) => s + r.achievable, 0);
    return {
      level,
      key,
      name: key,
      team: level === 'team' ? key : '',
      ...figures(sum),
      monthlyRate: rows.reduce((s, r) => s + r.monthlyRate, 0),
      estimated: false,
      staffedMonths: rows.reduce((s, r) => s + r.staffedMonths, 0),
      achievable,
      ...target(key, achievable, t),
    };
  };
  const teams = [...new Set(managerRows.map((r) => r.team).filter(Boolean))].sort();
  const teamRows = teams.map((team) =>
    group(
      'team',
      team,
      managerRows.filter((r) => r.team === team),
      o.targets?.get(team),
    ),
  );
  const company = group('company', '', managerRows, o.target);
  let levers: Levers | null = null;
  if (company.target !== null && company.gap !== null && company.achievable > 0) {
    const f = company.target / company.achievable;
    const hireMonths = months.reduce(
      (s, _, i) => s + (curve.length ? curve[Math.min(i, curve.length - 1)] : 1),
      0,
    );
    levers = {
      leadsPerMonth: company.leadsPerMonth * f,
      conversion: (company.conversion ?? 0) * f,
      averageDeal: (company.averageDeal ?? 0) * f,
      hires:
        company.gap <= 0
          ? 0
          : averageRate > 0
            ? Math.ceil(company.gap / (averageRate * hireMonths))
            : null,
    };
  }
  return { from, to, months: n, rows: [...managerRows, ...teamRows, company], levers };
}
