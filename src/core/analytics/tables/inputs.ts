/** The workbook a function computes over, built from its range arguments and the context. */
import { readDeals as dealsFromValues, toPlan } from '../../workbook/records';
import { PLANS } from '../../workbook/schema';
import type { Deal, Plan, Settings, WorkbookData } from '../../types';
import { readArg, typedArg } from '../args';
import type { FunctionRun } from './run';

export function workbook(run: FunctionRun, over: Partial<WorkbookData>): WorkbookData {
  return {
    settings: run.ctx.settings,
    managers: run.ctx.managers,
    clients: run.ctx.clients,
    deals: [],
    activities: [],
    stageHistory: [],
    plans: [],
    invoices: [],
    ...over,
  };
}

/**
 * Plans and deals as the plan-based functions read them. Fact is won deals by close date unless
 * the caller passes `settings.factBasis` (the functions' basis argument, see basis.ts).
 */
export function planData(
  run: FunctionRun,
  plans: unknown,
  deals: unknown,
  over: Partial<Omit<WorkbookData, 'settings'>> & { settings?: Partial<Settings> } = {},
): WorkbookData {
  const { settings, ...rest } = over;
  return workbook(run, {
    ...rest,
    settings: { ...run.ctx.settings, factBasis: 'won', ...settings },
    plans: readPlans(run, plans),
    // Invoices join deals by id (bonus statements); plan and forecast need only the figures.
    deals: readDeals(run, deals, rest.invoices?.length ? 'figures' : 'totals'),
  });
}

/** Plans that can be understood (toPlan's null rows are left out). */
export const readPlans = (run: FunctionRun, value: unknown): Plan[] =>
  typedArg(run, 'plans', value, PLANS, toPlan);
/**
 * The Deals columns each use needs (the required ones are always read, except for `totals`: plan
 * and forecast figures read exactly these, and a deal's id and client stay empty).
 */
const FIGURES = ['amount', 'currency', 'probability', 'expectedClose', 'closedAt'];
const DEAL_KEYS = {
  figures: FIGURES,
  totals: ['manager', 'stage', ...FIGURES],
  kpi: [...FIGURES, 'createdAt', 'closeDatePushes'],
  forecast: ['manager', 'stage', ...FIGURES, 'createdAt', 'closeDatePushes'],
  funnel: ['amount', 'currency', 'createdAt'],
  stale: [
    'clientName',
    'title',
    'createdAt',
    'lastActivityAt',
    'snoozedUntil',
    'snoozeReason',
    'amount',
  ],
} as const;

export const readDeals = (run: FunctionRun, value: unknown, use: keyof typeof DEAL_KEYS): Deal[] =>
  readArg(run, 'deals', value, (grid) =>
    dealsFromValues(grid, run.zone, { keys: DEAL_KEYS[use], only: use === 'totals' }),
  );
