/**
 * Analytics behind the global API: the custom sheet functions and the dashboard refresh.
 *
 * Custom functions only READ: the spreadsheet's time zone, and the Settings, Managers and
 * (for debts) Clients sheets, for stages, rates, the holiday calendar and managers' names. They
 * never write, send mail or touch triggers. Their answer's language is the language of the
 * headers of the range they were given (the Settings language when that does not tell).
 */
import type { DashboardSummary } from '../core/analytics';
import {
  salesAging,
  salesBonus,
  salesCapacityTable,
  salesBudget,
  salesCac,
  salesDiscounts,
  salesForecast,
  salesForecastNext,
  salesFunnel,
  salesKpi,
  salesPlanFact,
  salesStale,
  salesTasks,
  workdaysRu,
  type FunctionContext,
} from '../core/analytics/functions';
import { t } from '../core/i18n';
import { isUserError } from '../core/errors';
import { parseSettings } from '../core/workbook/settings';
import { refreshDashboardSheet } from './dashboard';
import { forceRecalculation } from './setup/today';
import { activeSpreadsheetOrNull, spreadsheet } from '../gas/context';
import { toast } from '../gas/spreadsheet';
import { alert } from '../gas/ui';
import { Workbook, type DataSheetKey } from '../gas/workbook';
import { zoneOf } from '../gas/zone';
import { storedLang } from '../gas/settings-lang';

const DEFAULT_ZONE = 'Europe/Moscow';

/** What a custom function may read once per call; sheets that do not exist are simply empty. */
function context(extra: readonly DataSheetKey[] = []): FunctionContext {
  const ss = activeSpreadsheetOrNull();
  const now = Date.now();
  if (!ss) {
    const zone = zoneOf(DEFAULT_ZONE);
    const settings = parseSettings([], zone);
    return { zone, now, settings, managers: [], clients: [], lang: settings.lang };
  }
  const wb = new Workbook(ss);
  const zone = wb.zone;
  try {
    const data = wb.data(wb.present(['managers', ...extra]));
    return {
      zone,
      now,
      settings: data.settings,
      managers: data.managers,
      clients: data.clients,
      lang: data.settings.lang,
      stageHistory: data.stageHistory,
    };
  } catch {
    // A broken Managers/Clients sheet must not stop a formula: names and debts' owners fall back.
    const settings = wb.settings;
    return { zone, now, settings, managers: [], clients: [], lang: settings.lang };
  }
}

type Out = unknown;

/** Payments without a deal are the client's manager's: Clients is read when invoices are given. */
const payers = (invoices: unknown): DataSheetKey[] =>
  invoices === undefined || invoices === '' ? [] : ['clients'];

export const SALES_PLAN_FACT = (
  plans: unknown,
  deals: unknown,
  period: unknown,
  level?: unknown,
  asOf?: unknown,
  basis?: unknown,
  invoices?: unknown,
): Out =>
  salesPlanFact(context(payers(invoices)), plans, deals, period, level, asOf, basis, invoices);

export const SALES_FORECAST = (
  deals: unknown,
  plans: unknown,
  period: unknown,
  asOf?: unknown,
  basis?: unknown,
  invoices?: unknown,
): Out => salesForecast(context(payers(invoices)), deals, plans, period, asOf, basis, invoices);

/** The next months' forecast also reads the Stage history: the backtest needs past stages. */
export const SALES_FORECAST_NEXT = (
  deals: unknown,
  periods?: unknown,
  historyMonths?: unknown,
  asOf?: unknown,
  level?: unknown,
  basis?: unknown,
  invoices?: unknown,
): Out =>
  salesForecastNext(
    context(['stageHistory', ...payers(invoices)]),
    deals,
    periods,
    historyMonths,
    asOf,
    level,
    basis,
    invoices,
  );

export const SALES_FUNNEL = (
  deals: unknown,
  stageHistory: unknown,
  from?: unknown,
  to?: unknown,
): Out => salesFunnel(context(), deals, stageHistory, from, to);

export const SALES_TASKS = (tasks: unknown, period: unknown, manager?: unknown): Out =>
  salesTasks(context(), tasks, period, manager);

export const SALES_KPI = (deals: unknown, period: unknown, manager?: unknown): Out =>
  salesKpi(context(), deals, period, manager);

export const SALES_AGING = (invoices: unknown, asOf?: unknown): Out =>
  salesAging(context(['clients']), invoices, asOf);

export const SALES_BONUS = (
  plans: unknown,
  deals: unknown,
  scheme: unknown,
  period: unknown,
  invoices?: unknown,
  basis?: unknown,
): Out => salesBonus(context(payers(invoices)), plans, deals, scheme, period, invoices, basis);

export const SALES_STALE = (
  deals: unknown,
  activities: unknown,
  settings: unknown,
  asOf?: unknown,
): Out => salesStale(context(), deals, activities, settings, asOf);

export const SALES_CAPACITY = (
  deals: unknown,
  managers: unknown,
  period: unknown,
  historyMonths?: unknown,
  target?: unknown,
): Out => salesCapacityTable(context(), deals, managers, period, historyMonths, target);

export const SALES_BUDGET = (budget: unknown, spend: unknown, period: unknown): Out =>
  salesBudget(context(), budget, spend, period);

export const SALES_CAC = (deals: unknown, spend: unknown, period: unknown, by?: unknown): Out =>
  salesCac(context(['clients']), deals, spend, period, by);

export const SALES_DISCOUNTS = (
  deals: unknown,
  lines: unknown,
  period: unknown,
  by?: unknown,
): Out => salesDiscounts(context(), deals, lines, period, by);

export const WORKDAYS_RU = (start: unknown, end: unknown, holidays?: unknown): Out =>
  workdaysRu(context(), start, end, holidays);

/** The sidebar's "refresh dashboard": an optional period; returns the headline figures. */
export function refreshDashboard(wb: Workbook, period?: string): DashboardSummary {
  return refreshDashboardSheet(wb, { now: Date.now(), period });
}

/** Menu: rewrites ROP_TODAY with the current moment, so every formula taking it recalculates. */
export function menuRecalculateFormulas(wb = new Workbook(spreadsheet())): void {
  if (forceRecalculation(wb.ss, Date.now())) toast(wb.ss, t(wb.lang, 'an.recalculated'), 5);
  else alert(t(wb.lang, 'an.noToday'));
}

export function menuRefreshDashboard(wb = new Workbook(spreadsheet())): void {
  try {
    const summary = refreshDashboardSheet(wb, { now: Date.now() });
    toast(wb.ss, t(wb.lang, 'an.dash.refreshed', { period: summary.period }), 5);
  } catch (e) {
    if (!isUserError(e)) throw e;
    alert(t(storedLang(), e.key, e.params));
  }
}
