/**
 * Lead import from a CSV or .xlsx file (sidebar upload): preview what would happen, then run it.
 * Every row ends up added (new client + deal), merged (the client exists: the deal is added to it,
 * or nothing when the row carries no deal), or rejected with its reasons. The whole import is one
 * append per sheet, under the document lock.
 */
import { UserError } from '../../core/errors';
import type { Client } from '../../core/types';
import { DuplicateIndex, duplicateFlag, mergeDecision } from '../../core/crm/duplicates';
import { decodeText, FileLimitError, parseCsv, XLSX_LIMITS, xlsxRows } from '../../core/crm/files';
import { IdAllocator } from '../../core/workbook/ids';
import {
  mapImportHeader,
  problemTexts,
  rowsToRecords,
  rowToLead,
  usableMapping,
} from '../../core/crm/import';
import { draftLead, type LeadDraft } from '../../core/crm/ops';
import { toClient } from '../../core/workbook/records';
import { findStage } from '../../core/workbook/settings';
import { nextAssignee } from '../../core/crm/assign';
import type {
  ImportFileInput,
  ImportPreview,
  ImportReport,
  ImportRowProblem,
  LeadInput,
} from '../../core/crm/types';
import { base64Decode, unzipTexts } from '../../gas/files';
import { getDocProperty, setDocProperty } from '../../gas/properties';
import type { Workbook } from '../../gas/workbook';
import { locked, readOnly, type CrmSession } from './session';

export const MAX_IMPORT_ROWS = 10_000;
/** 20 MB: far more than any lead list, far less than what would time the execution out. */
export const MAX_IMPORT_MB = 20;
const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;
const ASSIGN_KEY = 'ropdesk.assign.last';
/** The parts of an .xlsx archive that hold the first sheet's cells. */
const XLSX_PARTS =
  /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/;

interface ParsedFile {
  format: 'csv' | 'xlsx';
  rows: string[][];
}

export function readFile(file: ImportFileInput): ParsedFile {
  const name = String(file?.name ?? 'file');
  let bytes: Uint8Array;
  try {
    bytes = base64Decode(String(file?.base64 ?? ''));
  } catch (e) {
    throw new UserError('crm.import.badFile', { name, problem: String((e as Error).message ?? e) });
  }
  // Size first: a big file is "too large", whatever its format turns out to be.
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new UserError('crm.import.fileTooLarge', { name, mb: MAX_IMPORT_MB });
  const zip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(name) || zip) {
    if (!zip) throw new UserError('crm.import.badFile', { name, problem: 'not an .xlsx archive' });
    try {
      const parts = unzipTexts(bytes, name, XLSX_PARTS);
      return { format: 'xlsx', rows: xlsxRows(parts) };
    } catch (e) {
      if (e instanceof FileLimitError)
        throw new UserError(`crm.import.tooMany.${e.limit}`, { name, max: e.max });
      throw new UserError('crm.import.badFile', {
        name,
        problem: String((e as Error).message ?? e),
      });
    }
  }
  if (!/\.(csv|txt|tsv)$/i.test(name)) throw new UserError('crm.import.unsupported', { name });
  return { format: 'csv', rows: parseCsv(decodeText(bytes)) };
}

interface Outcome {
  preview: ImportPreview;
  report: ImportReport;
}

function process(s: CrmSession, file: ImportFileInput, write: boolean): Outcome {
  const name = String(file?.name ?? 'file');
  const parsed = readFile(file);
  const [header, ...body] = parsed.rows;
  if (!header || !body.length) throw new UserError('crm.import.empty', { name });
  if (header.length > XLSX_LIMITS.columns)
    throw new UserError('crm.import.tooMany.columns', { name, max: XLSX_LIMITS.columns });
  if (body.length > MAX_IMPORT_ROWS)
    throw new UserError('crm.import.tooBig', { name, max: MAX_IMPORT_ROWS });
  const mapping = mapImportHeader(header);
  if (!usableMapping(mapping)) throw new UserError('crm.import.noHeader', { name });

  const ctx = s.ctx();
  const lang = s.lang;
  const sources = s.settings.sources ?? [];
  const source =
    sources.find((x) => /импорт|import/i.test(x)) ?? (lang === 'ru' ? 'Импорт' : 'Import');
  const clientsTable = s.table('clients');
  const existing: Client[] = clientsTable.records.map(toClient);
  const byId = new Map(existing.map((c) => [c.id, c]));
  const index = new DuplicateIndex(existing);
  const clientIds = new IdAllocator(
    'C',
    clientsTable.records.map((r) => r.cells.id),
  );
  const dealIds = new IdAllocator(
    'D',
    s.table('deals').records.map((r) => r.cells.id),
  );
  let last = getDocProperty(ASSIGN_KEY) ?? '';
  const lastBefore = last;

  const newClients: Array<Record<string, unknown>> = [];
  const newDeals: Array<Record<string, unknown>> = [];
  const history: Array<Record<string, unknown>> = [];
  const rejected: ImportRowProblem[] = [];
  const merged: ImportReport['merged'] = [];
  const sample: Array<Record<string, string>> = [];
  let added = 0;

  const draft = (lead: LeadInput, manager: string, client?: Client): LeadDraft => {
    try {
      return draftLead(lead, manager, ctx, client, { needOptional: true });
    } catch (e) {
      // A stage the funnel does not know (or one needing an amount) falls back to the first one.
      if (lead.stage)
        return draftLead({ ...lead, stage: '' }, manager, ctx, client, { needOptional: true });
      throw e;
    }
  };

  for (const row of rowsToRecords(body, mapping)) {
    const { lead, reasons } = rowToLead(row, ctx.managers, { source, lang });
    const st = lead.stage ? findStage(s.settings.stages, lead.stage) : undefined;
    if (!st || st.kind !== 'open') lead.stage = '';
    // A known client needs no contacts in the file: the card has them.
    const dup = lead.clientName
      ? index.find({
          name: lead.clientName,
          phone: lead.phone,
          email: lead.email,
          inn: lead.inn,
        })[0]
      : undefined;
    // Only a clean match joins the existing card; a name alone or a conflicting INN or phone
    // makes a new client flagged as a possible duplicate, with the file's contacts kept.
    const join = dup && mergeDecision(lead, dup) === 'merge';
    if (dup && !join) lead.need = [duplicateFlag(dup, lang), lead.need].filter(Boolean).join('\n');
    if (reasons.length && !join) {
      rejected.push({
        row: row.line,
        reasons: dup ? [...reasons, duplicateFlag(dup, lang)] : reasons,
      });
      continue;
    }
    try {
      if (dup && join) {
        const client = byId.get(dup.clientId);
        const hasDeal = Boolean(lead.title || lead.amount);
        let dealId = '';
        if (client && hasDeal) {
          const d = draft(lead, lead.manager || client.manager, client);
          dealId = dealIds.take();
          newDeals.push({ id: dealId, clientId: client.id, ...d.deal });
          history.push({ dealId, fromStage: '', toStage: d.deal.stage, at: s.now, by: s.user });
        }
        merged.push({ row: row.line, clientId: dup.clientId, dealId });
        continue;
      }
      const manager = lead.manager || nextAssignee(ctx.managers, last);
      const d = draft(lead, manager);
      if (!lead.manager && manager) last = manager;
      const clientId = clientIds.take();
      const dealId = dealIds.take();
      const client: Client = { row: 0, id: clientId, ...d.client };
      newClients.push({ id: clientId, ...d.client });
      newDeals.push({ id: dealId, clientId, ...d.deal });
      history.push({ dealId, fromStage: '', toStage: d.deal.stage, at: s.now, by: s.user });
      index.add(client);
      byId.set(clientId, client);
      added++;
      if (sample.length < 5) {
        sample.push({
          name: d.client.name,
          phone: d.client.phone,
          email: d.client.email,
          inn: d.client.inn,
          manager: d.client.manager,
        });
      }
    } catch (e) {
      rejected.push({ row: row.line, reasons: problemTexts(e, lang) });
    }
  }

  if (write) {
    s.table('deals');
    s.wb.requireHeader('stageHistory');
    s.wb.append('clients', newClients);
    s.wb.append('deals', newDeals);
    s.wb.append('stageHistory', history);
    if (last !== lastBefore) setDocProperty(ASSIGN_KEY, last);
  }
  return {
    preview: {
      fileName: name,
      format: parsed.format,
      columns: mapping.map((m) => ({ header: m.header, field: m.field })),
      totalRows: body.length,
      toAdd: added,
      toMerge: merged.length,
      rejected,
      sample,
    },
    report: {
      added,
      merged,
      rejected,
      clientIds: newClients.map((c) => String(c.id)),
      dealIds: newDeals.map((d) => String(d.id)),
    },
  };
}

/** What an import of this file would do, without writing anything. */
export function previewImport(wb: Workbook, file: ImportFileInput): ImportPreview {
  return readOnly(wb, (s) => process(s, file, false).preview);
}

/** Imports the file: one append per sheet; the report lists every row not added. */
export function runImport(wb: Workbook, file: ImportFileInput): ImportReport {
  return locked(wb, (s) => process(s, file, true).report);
}
