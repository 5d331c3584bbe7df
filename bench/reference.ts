/**
 * The yardstick for SALES_PLAN_FACT: the same per-manager plan-fact (plan, won revenue to the
 * as-of day, won deals, weighted and open pipeline) written as one plain pass over the very 2-D
 * arrays a cell hands the function, with nothing but the columns it needs. What the product
 * adds on top (header search in two languages, tolerant parsing, currencies, plan roll-ups,
 * working days) is what the ratio between the two measures.
 */
import { DEALS, PLANS } from '../src/core/workbook/schema';

export interface ReferenceRow {
  /** Kopecks, as the product keeps money. */
  plan: number;
  fact: number;
  won: number;
  weighted: number;
  open: number;
}

const DAY = 86_400_000;

/** Column positions by the Russian headers in the first row. */
function columns(header: readonly unknown[], keys: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, name] of Object.entries(keys)) out[key] = header.indexOf(name);
  return out;
}

const ru = (def: typeof DEALS, key: string): string => def.columns.find((c) => c.key === key)!.ru;

export function referencePlanFact(
  plans: readonly (readonly unknown[])[],
  deals: readonly (readonly unknown[])[],
  opts: {
    /** 'yyyy-MM' */
    period: string;
    /** Days (UTC-day numbers) of the period's first day and of the as-of day, last one in it. */
    start: number;
    asOf: number;
    end: number;
    offsetMinutes: number;
    stages: ReadonlyMap<string, { kind: string; probability: number }>;
    managerLabel: string;
    revenueLabel: string;
  },
): Map<string, ReferenceRow> {
  const rows = new Map<string, ReferenceRow>();
  const row = (email: string): ReferenceRow => {
    let r = rows.get(email);
    if (!r) rows.set(email, (r = { plan: 0, fact: 0, won: 0, weighted: 0, open: 0 }));
    return r;
  };
  const p = columns(plans[0], {
    level: ru(PLANS, 'level'),
    target: ru(PLANS, 'target'),
    period: ru(PLANS, 'period'),
    metric: ru(PLANS, 'metric'),
    value: ru(PLANS, 'value'),
  });
  const wanted = `'${opts.period}`;
  for (let i = 1; i < plans.length; i++) {
    const r = plans[i];
    if (r[p.level] !== opts.managerLabel || r[p.metric] !== opts.revenueLabel) continue;
    if (r[p.period] !== wanted && r[p.period] !== opts.period) continue;
    row(String(r[p.target]).toLowerCase()).plan += Math.round((r[p.value] as number) * 100);
  }
  const d = columns(deals[0], {
    manager: ru(DEALS, 'manager'),
    stage: ru(DEALS, 'stage'),
    amount: ru(DEALS, 'amount'),
    probability: ru(DEALS, 'probability'),
    expectedClose: ru(DEALS, 'expectedClose'),
    closedAt: ru(DEALS, 'closedAt'),
  });
  const shift = opts.offsetMinutes * 60_000;
  const dayOf = (v: unknown): number =>
    v instanceof Date ? Math.floor((v.getTime() + shift) / DAY) : NaN;
  for (let i = 1; i < deals.length; i++) {
    const r = deals[i];
    const stage = opts.stages.get(r[d.stage] as string);
    if (!stage) continue;
    const amount = typeof r[d.amount] === 'number' ? Math.round((r[d.amount] as number) * 100) : 0;
    if (stage.kind === 'won') {
      const closed = dayOf(r[d.closedAt]);
      if (!(closed >= opts.start && closed <= opts.asOf)) continue;
      const x = row(r[d.manager] as string);
      x.fact += amount;
      x.won++;
    } else if (stage.kind === 'open') {
      const expected = dayOf(r[d.expectedClose]);
      if (!(expected >= opts.start && expected <= opts.end)) continue;
      const x = row(r[d.manager] as string);
      const prob = r[d.probability];
      x.open += amount;
      x.weighted += Math.round(amount * (typeof prob === 'number' ? prob : stage.probability));
    }
  }
  return rows;
}
