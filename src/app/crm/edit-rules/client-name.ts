/**
 * onEdit rule: an invoice typed with a client id gets the client's name beside it, as the panel
 * writes it (Activities get it with the rest of a typed activity's bookkeeping).
 */
import { CLIENTS } from '../../../core/workbook/schema';
import type { Zone } from '../../../core/time';
import { LeanTable } from '../../../gas/sheets/lean-table';

/** Row offset -> the client's name, for rows with a known client id and no name yet. */
export function clientNames(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  zone: Zone,
  rows: ReadonlyArray<{ offset: number; clientId: string; name: string }>,
): Map<number, string> {
  const out = new Map<number, string>();
  const wanted = rows.filter((r) => r.clientId && !r.name);
  if (!wanted.length) return out;
  const clients = new LeanTable(ss, CLIENTS, zone);
  for (const r of wanted) {
    const c = clients.find(r.clientId.trim().toUpperCase());
    if (c && c.cells.name) out.set(r.offset, String(c.cells.name));
  }
  return out;
}
