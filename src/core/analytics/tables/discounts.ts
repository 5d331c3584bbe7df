/** SALES_DISCOUNTS: price realisation per manager or product, and win rate by discount band. */
import { t, type MessageKey } from '../../i18n';
import { priceRealisation, winRate, type BandRow } from '../../money/discounts';
import { toDealLine } from '../../money/lines';
import { readDeals as dealsFromValues } from '../../workbook/records';
import { DEAL_LINES, DEALS } from '../../workbook/schema';
import { periodArg, readArg, typedArg, wordArg } from '../args';
import { excludedNote, pct, roubles } from '../format';
import { runFunction, type FunctionContext, type FunctionRun } from './run';
import { rect } from './shape';
import type { Table } from './table';

const LINE_KEYS = ['dealId', 'product', 'quantity', 'listPrice', 'price', 'discount', 'currency'];

const BY: Record<string, 'manager' | 'product'> = {
  manager: 'manager',
  managers: 'manager',
  менеджер: 'manager',
  менеджеры: 'manager',
  product: 'product',
  products: 'product',
  товар: 'product',
  товары: 'product',
};

const pctText = (f: number): string => String(Math.round(f * 1000) / 10);

function bandLabel(run: FunctionRun, b: BandRow): string {
  if (b.to === 0) return run.h('money.band.none');
  if (b.to === null) return t(run.lang, 'money.band.over', { from: pctText(b.from) });
  if (b.from === 0) return t(run.lang, 'money.band.upTo', { to: pctText(b.to) });
  return t(run.lang, 'money.band.range', { from: pctText(b.from), to: pctText(b.to) });
}

export function salesDiscounts(
  ctx: FunctionContext,
  deals: unknown,
  lines: unknown,
  period: unknown,
  by?: unknown,
): Table | number {
  return runFunction(
    ctx,
    [
      [deals, DEALS],
      [lines, DEAL_LINES],
    ],
    (run) => {
      const p = periodArg(run, 'period', period);
      const group = wordArg(run, 'by', by, BY, 'manager', 'money.arg.byDiscounts');
      const list = readArg(run, 'deals', deals, (grid) =>
        dealsFromValues(grid, run.zone, {
          keys: ['id', 'manager', 'stage', 'currency', 'closedAt'],
          only: true,
        }),
      );
      const r = priceRealisation({
        deals: list,
        // Only the columns the figures use: 100,000 lines parse in a fraction of the time.
        lines: typedArg(run, 'lines', lines, DEAL_LINES, toDealLine, LINE_KEYS),
        settings: ctx.settings,
        period: p,
        by: group,
      });
      const keys: MessageKey[] = [
        group === 'manager' ? 'an.col.manager' : 'money.col.product',
        'money.col.lines',
        'money.col.avgDiscount',
        'money.col.given',
        'money.col.winWith',
        'money.col.winWithout',
        'money.col.closedWith',
        'money.col.closedWithout',
      ];
      const rows: Table = [keys.map((k) => run.h(k))];
      const all = [...r.rows, { ...r.total, key: run.h('money.total') }];
      for (const x of all) {
        rows.push([
          group === 'manager' && x !== all[all.length - 1] ? run.managerName(x.key) : x.key,
          x.lines,
          pct(x.avgDiscount),
          roubles(x.given),
          pct(winRate(x.wonWith, x.closedWith)),
          pct(winRate(x.wonWithout, x.closedWithout)),
          x.closedWith,
          x.closedWithout,
        ]);
      }
      rows.push([
        run.h('money.col.band'),
        run.h('money.col.closed'),
        run.h('money.col.won'),
        run.h('money.col.winRate'),
      ]);
      for (const b of r.bands) {
        rows.push([bandLabel(run, b), b.closed, b.won, pct(winRate(b.won, b.closed))]);
      }
      if (r.dealsWithoutLines) {
        rows.push([t(run.lang, 'money.note.noLines', { count: r.dealsWithoutLines })]);
      }
      const excluded = excludedNote(r.unconverted, run.lang);
      if (excluded) rows.push([excluded]);
      return rect(rows);
    },
  );
}
