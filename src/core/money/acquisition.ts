/**
 * What a lead and a won deal cost, by lead source: spend, leads (deals created in the period),
 * won deals and their revenue (closed in the period), cost per lead, cost per won deal (CAC) and
 * revenue per rouble spent (ROMI as the issue defines it: revenue / spend). Leads and spend
 * without a source stay in a row of their own and are counted in a note, never dropped.
 */
import { CurrencyNotes, MoneyConverter, type CurrencyNote } from '../analytics/currency';
import { StageIndex } from '../analytics/stages';
import type { Kopecks } from '../money';
import { dayOfInstant, type Day, type Zone } from '../time';
import type { Client, Deal, Settings } from '../types';
import { monthsOf, type Period } from '../workbook/period';
import { nameKey, type SpendRow } from './records';

export interface SourceFigures {
  /** '' for leads and spend without a source. */
  source: string;
  /** Set in the monthly trend. */
  month: Period | null;
  spend: Kopecks;
  leads: number;
  won: number;
  revenue: Kopecks;
  /** null where the divisor is zero (spend and no leads, no won deals, no spend). */
  costPerLead: Kopecks | null;
  cac: Kopecks | null;
  romi: number | null;
}

export interface AcquisitionReport {
  rows: SourceFigures[];
  total: SourceFigures;
  unsourced: { leads: number; spend: Kopecks };
  /** Won revenue in a currency without a rate: left out of revenue, listed apart. */
  unconverted: CurrencyNote[];
  /** Spend rows without a date or an amount, left out. */
  skippedSpend: number;
}

export interface AcquisitionInput {
  deals: readonly Deal[];
  spend: readonly SpendRow[];
  clients: readonly Client[];
  settings: Settings;
  zone: Zone;
  period: Period;
  byMonth: boolean;
}

interface Acc {
  source: string;
  month: number;
  spend: Kopecks;
  leads: number;
  won: number;
  revenue: Kopecks;
}

export function acquisition(input: AcquisitionInput): AcquisitionReport {
  const { period, zone } = input;
  const months = monthsOf(period);
  const monthOf = (day: Day): number =>
    input.byMonth ? months.findIndex((m) => day >= m.start && day <= m.end) : -1;
  const clientSource = new Map<string, string>();
  for (const c of input.clients) if (c.id && c.source) clientSource.set(c.id, c.source);
  const stages = new StageIndex(input.settings.stages);
  const money = new MoneyConverter(input.settings.currency, input.settings.rates);
  const unconverted = new CurrencyNotes();
  const rows = new Map<string, Acc>();
  const acc = (source: string, month: number): Acc => {
    const key = `${nameKey(source)}|${month}`;
    let a = rows.get(key);
    if (!a) {
      a = { source: source.trim(), month, spend: 0, leads: 0, won: 0, revenue: 0 };
      rows.set(key, a);
    }
    return a;
  };
  const unsourced = { leads: 0, spend: 0 };
  const inside = (day: Day | null): day is Day =>
    day !== null && day >= period.start && day <= period.end;
  for (const d of input.deals) {
    const source = d.source || clientSource.get(d.clientId) || '';
    const created = d.createdAt === null ? null : dayOfInstant(d.createdAt, zone);
    if (inside(created)) {
      acc(source, monthOf(created)).leads++;
      if (!source) unsourced.leads++;
    }
    if (inside(d.closedAt) && stages.kindOf(d.stage) === 'won') {
      const a = acc(source, monthOf(d.closedAt));
      a.won++;
      if (d.amount === null) continue;
      const v = money.convert(d.amount, d.currency);
      if (v === null) unconverted.add(d.currency, d.amount);
      else a.revenue += v;
    }
  }
  let skippedSpend = 0;
  for (const s of input.spend) {
    if (s.day === null || s.amount === null) {
      skippedSpend++;
      continue;
    }
    if (!inside(s.day)) continue;
    acc(s.source, monthOf(s.day)).spend += s.amount;
    if (!s.source.trim()) unsourced.spend += s.amount;
  }
  const list = [...rows.values()]
    .sort(
      (x, y) =>
        Number(!x.source) - Number(!y.source) ||
        x.source.localeCompare(y.source) ||
        x.month - y.month,
    )
    .map((a) => figures(a, a.month >= 0 ? months[a.month] : null));
  const total: Acc = { source: '', month: -1, spend: 0, leads: 0, won: 0, revenue: 0 };
  for (const a of rows.values()) {
    total.spend += a.spend;
    total.leads += a.leads;
    total.won += a.won;
    total.revenue += a.revenue;
  }
  return {
    rows: list,
    total: figures(total, null),
    unsourced,
    unconverted: unconverted.list(),
    skippedSpend,
  };
}

function figures(a: Acc, month: Period | null): SourceFigures {
  return {
    source: a.source,
    month,
    spend: a.spend,
    leads: a.leads,
    won: a.won,
    revenue: a.revenue,
    costPerLead: a.leads ? Math.round(a.spend / a.leads) : null,
    cac: a.won ? Math.round(a.spend / a.won) : null,
    romi: a.spend ? a.revenue / a.spend : null,
  };
}
