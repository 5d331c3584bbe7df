/**
 * The custom sheet functions (SALES_*, WORKDAYS_RU). Each one's table lives in its own file under
 * tables/ and reads its figures from the analytics modules; this barrel keeps the names the
 * shell (src/app/analytics.ts), the bench and the tests import.
 */
export type { Cell, Table } from './tables/table';
export { FunctionRun, runFunction, type FunctionContext } from './tables/run';
export { salesAging } from './tables/aging';
export { salesBonus, computeBonusTable } from './tables/bonus';
export { salesCapacityTable } from './tables/capacity';
export { bonusCalculationText } from './tables/bonus-text';
export { salesForecast } from './tables/forecast';
export { salesForecastNext } from './tables/forecast-next';
export { salesFunnel } from './tables/funnel';
export { salesTasks } from './tables/tasks';
export { salesKpi } from './tables/kpi';
export { salesPlanFact } from './tables/plan-fact';
export { salesStale } from './tables/stale';
export { workdaysRu } from './tables/workdays';
export { salesBudget } from './tables/budget';
export { salesCac } from './tables/cac';
export { salesDiscounts } from './tables/discounts';
