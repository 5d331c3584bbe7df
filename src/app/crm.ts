/**
 * The CRM use-cases behind the global API (src/Code.ts) and the sidebar's RPC (src/app/rpc):
 * setup, records and operations, lead intake (form, import), the edit trigger, and the custom
 * functions INN_CHECK and PHONE_RU. Request/response types live in src/core/crm/types.ts.
 */
import { innValid, phoneRu } from '../core/workbook/normalize';

export { menuSetupDemo, menuSetupWorkbook, setupDemo, setupWorkbook } from './crm/setup';
export type { DemoReport, SetupReport } from './crm/setup';
export {
  addInvoice,
  addLead,
  closeLost,
  closeWon,
  findDuplicates,
  logActivity,
  moveStage,
  registerPayment,
  snooze,
  updateClient,
  updateDeal,
} from './crm/records';
export { previewImport, runImport } from './crm/import';
export { onFormSubmit } from './crm/form';
export { onEdit } from './crm/edit';

/** Applies `fn` to a single value, or to every cell of a range (same shape out). */
function eachCell<T>(value: unknown, fn: (v: unknown) => T): T | T[][] {
  if (Array.isArray(value)) {
    return value.map((row: unknown) => (Array.isArray(row) ? row.map(fn) : [fn(row)]));
  }
  return fn(value);
}

/** TRUE when the INN's check digits are right; blank cells of a range give ''. */
export function INN_CHECK(inn: unknown): boolean | string | Array<Array<boolean | string>> {
  return eachCell(inn, (v) => (v === '' || v === null || v === undefined ? '' : innValid(v)));
}

/** "+7XXXXXXXXXX" for a Russian number, else "". */
export function PHONE_RU(phone: unknown): string | string[][] {
  return eachCell(phone, phoneRu);
}
