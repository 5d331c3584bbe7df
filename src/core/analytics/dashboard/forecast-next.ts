/**
 * The next months' forecast for the company, under the Settings fact basis: the last year's fact
 * beside the forecast made before each month (so the chart shows how close it came), then the
 * forecast months with their band. The line chart reads the first five columns.
 */
import { forecastNext } from '../forecast-next';
import { accuracyNotes } from '../tables/forecast-next';
import type { BlockDraft, ColFormat, DashInput } from './model';

export const FORECAST_CHART_COLUMNS = 5;

export function forecastNextBlock({ data, asOf, h, lang }: DashInput): BlockDraft {
  const [f] = forecastNext(data, {
    asOf: asOf.day,
    zone: asOf.zone,
    basis: data.settings.factBasis,
    level: 'company',
  });
  const k = (x: number | null): number | '' => (x === null ? '' : x / 100);
  const formats: ColFormat[] = ['text', 'money', 'money', 'money', 'money', 'money', 'money'];
  return {
    key: 'forecastNext',
    title: h('fc.dash.title'),
    header: [
      h('fc.col.month'),
      h('an.col.fact'),
      h('fc.col.forecast'),
      h('fc.col.low'),
      h('fc.col.high'),
      h('fc.col.history'),
      h('fc.col.pipeline'),
    ],
    rows: [
      ...f.backtest.map((m) => [
        m.month,
        k(m.fact),
        k(m.blend),
        '',
        '',
        k(m.history),
        k(m.pipeline),
      ]),
      ...f.months.map((m) => [
        m.month,
        '',
        k(m.value),
        k(m.low),
        k(m.high),
        k(m.history),
        k(m.pipeline),
      ]),
    ],
    formats,
    notes: accuracyNotes(f, lang, 'company'),
  };
}
