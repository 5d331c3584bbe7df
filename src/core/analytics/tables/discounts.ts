/** SALES_DISCOUNTS: price realisation per manager or product, and win rate by discount band. */
import { t, type MessageKey } from '../../i18n';
import { bandLabel, closedInPeriod, priceRealisation, winRate } from '../../money/discounts';
import { toDealLine } from '../../money/lines';
import { readDeals as dealsFromValues } from '../../workbook/records';
import { cellReader } from '../../workbook/cells';
import { startOfDay, type Zone } from '../../time';
import type { Period } from '../../workbook/period';
import { DEAL_LINES, DEALS } from '../../workbook/schema';
import { periodArg, readArg, rowsWhere, typedArg, wordArg } from '../args';
import { excludedNote, pct, roubles } from '../format';
import { runFunction, type FunctionContext } from './run';
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

/**
 * A Closed cell that may be in the period: a date cell within it (compared as instants, no parse),
 * or text the parser will read; blank cells are open deals.
 */
function closedCell(p: Period, zone: Zone): (v: unknown) => boolean {
  const from = startOfDay(p.start, zone);
  const to = startOfDay(p.end + 1, zone);
  return (v) => {
    if (v === '' || v === null || v === undefined) return false;
    const date =
      v instanceof Date ||
      (typeof v === 'object' && Object.prototype.toString.call(v) === '[object Date]');
    if (!date) return true;
    const t = (v as Date).getTime();
    return t >= from && t < to;
  };
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
      // Parsing is the cost of a cold run: only the deals closed in the period, only the lines of
      // those, only the columns the figures use (a year of 50,000 deals is a third of 100,000 lines).
      const inPeriod = rowsWhere(deals, DEALS, 'closedAt', closedCell(p, run.zone));
      const list = readArg(run, 'deals', inPeriod, (grid) =>
        dealsFromValues(grid, run.zone, {
          keys: ['id', 'manager', 'stage', 'currency', 'closedAt'],
          only: true,
        }),
      );
      const ids = closedInPeriod(list, ctx.settings.stages, p);
      const id = cellReader('id', run.zone);
      const theirs = rowsWhere(lines, DEAL_LINES, 'dealId', (v) => ids.has(id(v) as string));
      const r = priceRealisation({
        deals: list,
        lines: typedArg(run, 'lines', theirs, DEAL_LINES, toDealLine, LINE_KEYS),
        closed: ids,
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
        rows.push([bandLabel(run.lang, b), b.closed, b.won, pct(winRate(b.won, b.closed))]);
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
