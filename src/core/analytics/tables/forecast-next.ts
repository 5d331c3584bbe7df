/**
 * SALES_FORECAST_NEXT: the next months' forecast (history model blended with the pipeline), with
 * the last year's fact beside what each method forecast for it, and the measured accuracy.
 */
import { t, type MessageKey } from '../../i18n';
import { DEALS } from '../../workbook/schema';
import type { Lang, PlanLevel } from '../../types';
import { countArg, levelArg } from '../args';
import { formatPercent, roubles } from '../format';
import {
  forecastNext,
  HISTORY_DEFAULT,
  HISTORY_MAX,
  PERIODS_DEFAULT,
  PERIODS_MAX,
  quarterLabel,
  type ForecastNext,
} from '../forecast-next';
import { SEASON } from '../forecast-next/models';
import { basisInputs } from './basis';
import { readDeals, workbook } from './inputs';
import { runFunction, type FunctionContext, type FunctionRun } from './run';
import { rect } from './shape';
import type { Cell, Table } from './table';

export function salesForecastNext(
  ctx: FunctionContext,
  deals: unknown,
  periods?: unknown,
  historyMonths?: unknown,
  asOf?: unknown,
  level?: unknown,
  basis?: unknown,
  invoices?: unknown,
): Table | number {
  return runFunction(ctx, [[deals, DEALS]], (run) => {
    const n = countArg(run, 'periods', periods, {
      min: 1,
      max: PERIODS_MAX,
      fallback: PERIODS_DEFAULT,
    });
    const window = countArg(run, 'history_months', historyMonths, {
      min: 1,
      max: HISTORY_MAX,
      fallback: HISTORY_DEFAULT,
    });
    const at = run.asOf('asOf', asOf);
    const lvl = levelArg(run, 'level', level, 'company');
    const b = basisInputs(run, basis, invoices);
    const data = workbook(run, {
      deals: readDeals(run, deals, 'forecast'),
      stageHistory: ctx.stageHistory ?? [],
      invoices: b.invoices,
      settings: { ...ctx.settings, factBasis: b.basis },
    });
    const lines = forecastNext(data, {
      asOf: at.day,
      zone: run.zone,
      periods: n,
      historyMonths: window,
      basis: b.basis,
      level: lvl,
    });
    const header = [
      'fc.col.month',
      'fc.col.value',
      'fc.col.low',
      'fc.col.high',
      'fc.col.history',
      'fc.col.pipeline',
      'fc.col.note',
    ].map((k) => run.h(k as MessageKey));
    const who = (f: ForecastNext): Cell[] =>
      lvl === 'company' ? [] : [f.name || run.h(lvl === 'team' ? 'an.noTeam' : 'an.company')];
    const table: Table = [lvl === 'company' ? header : [run.h('an.col.name'), ...header]];
    for (const f of lines) table.push(...forecastRows(run, f, who(f), lvl));
    return rect(table);
  });
}

/** One target's rows: the tested year's fact, the forecast months, full quarters, the notes. */
export function forecastRows(
  run: FunctionRun,
  f: ForecastNext,
  who: Cell[],
  level: PlanLevel,
): Table {
  const money = (k: number | null): Cell => (k === null ? '' : roubles(k));
  const rows: Table = f.backtest.map((m, i) => [
    ...who,
    m.month,
    roubles(m.fact),
    '',
    '',
    roubles(m.history),
    money(m.pipeline),
    i === 0 ? run.h('fc.row.fact') : '',
  ]);
  const method = run.h(`fc.method.${f.method}` as MessageKey);
  const months = String(f.historyLength);
  const note =
    f.weights.pipeline > 0
      ? t(run.lang, 'fc.row.blend', {
          method,
          months,
          wh: formatPercent(f.weights.history, run.lang),
          wp: formatPercent(f.weights.pipeline, run.lang),
        })
      : t(run.lang, 'fc.row.history', { method, months });
  for (const m of f.months)
    rows.push([
      ...who,
      m.month,
      roubles(m.value),
      roubles(m.low),
      roubles(m.high),
      roubles(m.history),
      money(m.pipeline),
      note,
    ]);
  // A calendar quarter whose three months are all forecast gets a sum row.
  for (let i = 0; i + 2 < f.months.length; i++) {
    const month = Number(f.months[i].month.slice(5));
    if ((month - 1) % 3) continue;
    const q = f.months.slice(i, i + 3);
    const sum = (pick: (m: (typeof q)[number]) => number | null): Cell => {
      let s = 0;
      for (const m of q) {
        const v = pick(m);
        if (v === null) return '';
        s += v;
      }
      return roubles(s);
    };
    const [y, mm] = f.months[i].month.split('-').map(Number);
    rows.push([
      ...who,
      quarterLabel(y * SEASON + mm - 1),
      sum((m) => m.value),
      sum((m) => m.low),
      sum((m) => m.high),
      sum((m) => m.history),
      sum((m) => m.pipeline),
      run.h('fc.row.quarter'),
    ]);
  }
  for (const text of accuracyNotes(f, run.lang, level)) rows.push([...who, text]);
  return rows;
}

/** The lines under a forecast: its measured accuracy, the methods' own, the slipped-deal rule. */
export function accuracyNotes(f: ForecastNext, lang: Lang, level: PlanLevel): string[] {
  const pc = (x: number | null): string => (x === null ? '—' : formatPercent(x, lang));
  const signed = (x: number | null): string =>
    x === null ? '—' : `${x > 0 ? '+' : x < 0 ? '−' : ''}${formatPercent(Math.abs(x), lang)}`;
  const out: string[] = [];
  const a = f.accuracy;
  if (f.band.measured)
    out.push(
      t(lang, 'fc.accuracy', {
        months: a.blend.months,
        within: pc(a.blend.within),
        hit: a.blend.withinMonths,
      }),
      t(lang, 'fc.accuracyBlend', { mape: pc(a.blend.mape), bias: signed(a.blend.bias) }),
    );
  else out.push(t(lang, 'fc.accuracyNone', { min: 3, band: pc(f.band.width) }));
  if (a.pipeline && a.pipeline.months)
    out.push(
      t(lang, 'fc.accuracyParts', {
        hm: pc(a.history.mape),
        hb: signed(a.history.bias),
        pm: pc(a.pipeline.mape),
        pb: signed(a.pipeline.bias),
      }),
    );
  if (!a.pipeline) out.push(t(lang, 'fc.payments'));
  // The slipped-deal rule is the company's; said under the company's forecast only.
  else if (level === 'company') {
    const factor = String(Math.round(f.slip.factor * 100) / 100);
    out.push(
      t(lang, 'fc.slip', {
        factor: lang === 'ru' ? factor.replace('.', ',') : factor,
        how: t(lang, f.slip.measured ? 'fc.slip.measured' : 'fc.slip.default'),
      }),
    );
  }
  return out;
}
