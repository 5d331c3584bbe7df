/** The next-period forecast (docs/forecasting.md): history model, pipeline, blend and backtest. */
export {
  forecastNext,
  BACKTEST_MONTHS,
  HISTORY_DEFAULT,
  HISTORY_MAX,
  PERIODS_DEFAULT,
  PERIODS_MAX,
  type BacktestMonth,
  type ForecastMonth,
  type ForecastNext,
  type ForecastNextOptions,
} from './forecast';
export type { Accuracy } from './accuracy';
export type { HistoryMethod } from './models';
export { quarterLabel } from './months';
