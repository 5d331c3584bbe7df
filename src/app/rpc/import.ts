/**
 * The import (head of sales): the sidebar reads the file with FileReader and sends its name and
 * bytes as base64 through the ordinary `rpc` (a form's Blob does not cross the playground and is
 * refused by Google in some domains). The CRM use-cases parse, map, validate and de-duplicate; this
 * checks the size and shapes the report.
 */
import { LEAD_COLUMNS } from '../../core/crm/ops';
import { UserError } from '../../core/errors';
import { CLIENTS, DEALS } from '../../core/workbook/schema';
import type { ImportPreview, ImportReport as CrmReport } from '../../core/crm/types';
import { MAX_IMPORT_BYTES, type ImportReport, type Request } from '../../shared/contract';
import * as crm from '../crm';
import { importSpend } from '../money/import';
import type { Ctx } from './context';

export function importFile(req: Request<'importFile'>, ctx: Ctx): ImportReport {
  const base64 = req.base64.replace(/\s+/g, '');
  if (!base64) throw new UserError('rpc.noFile', {}, [{ field: 'file', key: 'rpc.noFile' }]);
  const name = req.name.trim() || 'file';
  if (decodedLength(base64) > MAX_IMPORT_BYTES) {
    throw new UserError('rpc.tooLarge', { name, max: MAX_IMPORT_BYTES / 1024 / 1024 });
  }
  const input = { name, base64 };
  if (req.target === 'spend') return importSpend(req.mode, input, ctx);
  if (req.mode === 'preview') return fromPreview(crm.previewImport(ctx.wb, input), ctx);
  return fromReport(name, crm.runImport(ctx.wb, input));
}

/** The byte count a base64 text decodes to (without decoding it). */
function decodedLength(base64: string): number {
  const pad = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - pad;
}

/** The field a column maps to, as its header reads in the user's language. */
function fieldLabel(key: string, ctx: Ctx): string {
  if (!key) return '';
  const col = [...LEAD_COLUMNS, ...CLIENTS.columns, ...DEALS.columns].find((c) => c.key === key);
  return col ? col[ctx.lang] : key;
}

function fromPreview(p: ImportPreview, ctx: Ctx): ImportReport {
  return {
    mode: 'preview',
    fileName: p.fileName,
    totalRows: p.totalRows,
    mapping: p.columns.map((c) => ({ header: c.header, field: fieldLabel(c.field, ctx) })),
    missing: [],
    rejected: p.rejected,
    added: p.toAdd,
    merged: p.toMerge,
  };
}

function fromReport(fileName: string, r: CrmReport): ImportReport {
  return {
    mode: 'import',
    fileName,
    totalRows: r.added + r.merged.length + r.rejected.length,
    mapping: [],
    missing: [],
    rejected: r.rejected,
    added: r.added,
    merged: r.merged.length,
  };
}
