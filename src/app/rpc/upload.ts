/**
 * The import upload: `rpcUpload(form)` receives the sidebar's <form> as an object of its named
 * fields, the file input as a Blob (the only way a file crosses google.script.run). The CRM
 * use-cases parse, map, validate and de-duplicate; this only unpacks the form and shapes the report.
 */
import { LEAD_COLUMNS } from '../../core/crm/ops';
import { UserError } from '../../core/errors';
import { CLIENTS, DEALS } from '../../core/workbook/schema';
import type { ImportPreview, ImportReport as CrmReport } from '../../core/crm/types';
import { UPLOAD_FIELDS, type ImportReport, type UploadMode } from '../../shared/contract';
import { base64Encode, uploadedFile } from '../../gas/files';
import * as crm from '../crm';
import type { Ctx } from './context';

/** 20 MB: far more than any lead list, far less than what would time the execution out. */
const MAX_BYTES = 20 * 1024 * 1024;

export function runUpload(form: unknown, ctx: Ctx): ImportReport {
  const fields = (typeof form === 'object' && form !== null ? form : {}) as Record<string, unknown>;
  const mode: UploadMode = fields[UPLOAD_FIELDS.mode] === 'import' ? 'import' : 'preview';
  const file = uploadedFile(fields[UPLOAD_FIELDS.file]);
  const noFile = () => new UserError('rpc.noFile', {}, [{ field: 'file', key: 'rpc.noFile' }]);
  if (!file) throw noFile();
  const bytes = file.bytes;
  // An empty file input arrives as an empty, nameless blob.
  if (!bytes.length && !file.name) throw noFile();
  const name = file.name || 'file';
  if (bytes.length > MAX_BYTES)
    throw new UserError('crm.import.fileTooLarge', { name, mb: MAX_BYTES / 1024 / 1024 });
  if (!bytes.length) throw new UserError('rpc.badFile', { name });
  const input = { name, base64: base64Encode(bytes) };
  if (mode === 'preview') return fromPreview(crm.previewImport(ctx.wb, input), ctx);
  return fromReport(name, crm.runImport(ctx.wb, input));
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
