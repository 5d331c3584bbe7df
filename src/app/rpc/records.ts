/**
 * Opening a record in the sheet (the "Open" buttons): the server activates the record's row, which
 * moves the user's selection in the spreadsheet next to the sidebar. A manager may open only their
 * own clients, deals and their clients' invoices.
 */
import { UserError } from '../../core/errors';
import { CLIENTS, DEALS, INVOICES } from '../../core/workbook/schema';
import type { OpenRecordRequest, RecordSheet } from '../../shared/contract';
import { findById, showRecordRow } from '../../gas/sheets/table';
import type { Ctx } from './context';

const DEFS = { clients: CLIENTS, deals: DEALS, invoices: INVOICES } as const;

export function openRecord(req: OpenRecordRequest, ctx: Ctx): { opened: boolean } {
  const table = ctx.wb.table(DEFS[req.sheet].key);
  const rec = findById(table, req.id);
  if (!rec) throw new UserError('error.notFound', { id: req.id });
  if (ctx.me.role === 'manager' && !ownsRecord(req.sheet, rec.cells, ctx)) {
    // Same answer as for a missing record: a manager learns nothing about others' ids.
    throw new UserError('error.notFound', { id: req.id });
  }
  showRecordRow(table, rec.row);
  return { opened: true };
}

function ownsRecord(sheet: RecordSheet, cells: Record<string, unknown>, ctx: Ctx): boolean {
  if (sheet !== 'invoices') return cells.manager === ctx.me.email;
  const data = ctx.data(['clients', 'deals']);
  const client = data.clients.find((c) => c.id === cells.clientId);
  const deal = data.deals.find((d) => d.id === cells.dealId);
  return client?.manager === ctx.me.email || deal?.manager === ctx.me.email;
}
