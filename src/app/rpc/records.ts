/**
 * Opening a record in the sheet (the "Open" buttons): the server activates the record's row, which
 * moves the user's selection in the spreadsheet next to the sidebar. A manager may open only their
 * own clients, deals and their clients' invoices.
 */
import { UserError } from '../../core/errors';
import { CLIENTS, DEALS, INVOICES } from '../../core/schema';
import type { OpenRecordRequest, RecordSheet } from '../../shared/contract';
import { findById, openTable } from '../../gas/sheets/table';
import { selectRow } from '../../gas/spreadsheet';
import type { Ctx } from './context';

const DEFS = { clients: CLIENTS, deals: DEALS, invoices: INVOICES } as const;

export function openRecord(req: OpenRecordRequest, ctx: Ctx): { opened: boolean } {
  const def = DEFS[req.sheet];
  const table = openTable(ctx.ss, def, ctx.zone, ctx.lang);
  const rec = findById(table, req.id);
  if (!rec) throw new UserError('error.notFound', { id: req.id });
  if (ctx.me.role === 'manager' && !ownsRecord(req.sheet, rec.cells, ctx)) {
    // Same answer as for a missing record: a manager learns nothing about others' ids.
    throw new UserError('error.notFound', { id: req.id });
  }
  selectRow(ctx.ss, table.sheet, rec.row, table.width);
  return { opened: true };
}

function ownsRecord(sheet: RecordSheet, cells: Record<string, unknown>, ctx: Ctx): boolean {
  if (sheet !== 'invoices') return cells.manager === ctx.me.email;
  const data = ctx.data();
  const client = data.clients.find((c) => c.id === cells.clientId);
  const deal = data.deals.find((d) => d.id === cells.dealId);
  return client?.manager === ctx.me.email || deal?.manager === ctx.me.email;
}
