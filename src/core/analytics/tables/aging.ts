/** SALES_AGING: receivables by client in aging buckets, with the total. */
import { toInvoice } from '../../workbook/records';
import type { MessageKey } from '../../i18n';
import { INVOICES } from '../../workbook/schema';
import { tableArg } from '../args';
import { excludedNote, roubles } from '../format';
import { managerNotes } from '../managers';
import { receivables } from '../receivables';
import { workbook } from './inputs';
import { runFunction, type FunctionContext } from './run';
import { rect } from './shape';
import type { Cell, Table } from './table';

export function salesAging(
  ctx: FunctionContext,
  invoices: unknown,
  asOf?: unknown,
): Table | number {
  return runFunction(ctx, [[invoices, INVOICES]], (run) => {
    const list = tableArg(run, 'invoices', invoices, INVOICES).map(toInvoice);
    const at = run.asOf('asOf', asOf);
    const r = receivables(workbook(run, { invoices: list }), at.day);
    const header = [
      'an.col.client',
      'an.col.manager',
      'an.col.invoices',
      'an.col.outstanding',
      'an.col.overdue',
      'an.col.current',
      'an.col.b1_30',
      'an.col.b31_60',
      'an.col.b61_90',
      'an.col.b90plus',
      'an.col.maxDays',
    ].map((k) => run.h(k as MessageKey));
    const line = (x: (typeof r.byClient)[number], name: string, manager: string): Cell[] => [
      name,
      manager,
      x.invoices,
      roubles(x.outstanding),
      roubles(x.overdue),
      roubles(x.buckets.current),
      roubles(x.buckets.d1_30),
      roubles(x.buckets.d31_60),
      roubles(x.buckets.d61_90),
      roubles(x.buckets.d90plus),
      x.maxDaysOverdue,
    ];
    const table: Table = [
      header,
      ...r.byClient.map((x) => line(x, x.name, x.manager ? run.managerName(x.manager) : '')),
      line(r.total, run.h('an.total'), ''),
    ];
    const ex = excludedNote(r.excluded, run.lang);
    if (ex) table.push([ex]);
    for (const note of managerNotes(r.managers, run.lang)) table.push([note]);
    return rect(table);
  });
}
