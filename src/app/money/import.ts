/**
 * The import's "spend" target: expenses from a CSV or .xlsx into the Spend sheet, with the same
 * preview as leads (mapping, rejected rows with reasons), then one append under the lock.
 */
import { UserError } from '../../core/errors';
import { spendFromRows } from '../../core/money/import';
import type { ImportFileInput } from '../../core/crm/types';
import type { ImportReport } from '../../shared/contract';
import { MAX_IMPORT_ROWS, readFile } from '../crm/import';
import type { Ctx } from '../rpc/context';

export function importSpend(
  mode: 'preview' | 'import',
  file: ImportFileInput,
  ctx: Ctx,
): ImportReport {
  const { rows } = readFile(file);
  if (rows.length > MAX_IMPORT_ROWS + 1) {
    throw new UserError('crm.import.tooBig', { name: file.name, max: MAX_IMPORT_ROWS });
  }
  const parsed = spendFromRows(rows, ctx.wb.zone, ctx.lang);
  const report: ImportReport = {
    mode,
    fileName: file.name,
    totalRows: parsed.rows.length + parsed.rejected.length,
    mapping: parsed.mapping,
    missing: parsed.missing,
    rejected: parsed.rejected,
    added: parsed.rows.length,
    merged: 0,
  };
  if (mode === 'import' && parsed.rows.length && !parsed.missing.length) {
    ctx.write(() => {
      ctx.wb.requireHeader('spend');
      ctx.wb.append(
        'spend',
        parsed.rows.map((r): Record<string, unknown> => ({ ...r })),
      );
    }, []);
  }
  return report;
}
