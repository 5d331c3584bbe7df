// Owned by the analytics work (issue 4). Placeholders until it lands.
const todo = (what: string): never => {
  throw new Error(`${what}: not built yet`);
};
export const menuRefreshDashboard = (): void => todo('dashboard');
export const SALES_PLAN_FACT = (..._a: unknown[]): unknown => todo('SALES_PLAN_FACT');
export const SALES_FORECAST = (..._a: unknown[]): unknown => todo('SALES_FORECAST');
export const SALES_FUNNEL = (..._a: unknown[]): unknown => todo('SALES_FUNNEL');
export const SALES_KPI = (..._a: unknown[]): unknown => todo('SALES_KPI');
export const SALES_AGING = (..._a: unknown[]): unknown => todo('SALES_AGING');
export const SALES_BONUS = (..._a: unknown[]): unknown => todo('SALES_BONUS');
export const SALES_STALE = (..._a: unknown[]): unknown => todo('SALES_STALE');
export const WORKDAYS_RU = (..._a: unknown[]): unknown => todo('WORKDAYS_RU');
