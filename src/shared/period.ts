/** Reporting periods for the sidebar: the same parser and arithmetic the server uses. */
export { parsePeriod, periodContaining, shiftPeriod } from '../core/workbook/period';
export type { Period, PeriodKind } from '../core/workbook/period';
