/**
 * The simple onEdit trigger: typing in the sheets is first-class. On Clients, Deals, Activities and
 * Invoices it gives new rows an id and created-at, stamps updated-at, normalises a phone / INN /
 * email / amount / date typed by hand (or flags it with a note when it cannot), records a stage
 * typed into Deals in StageHistory, and treats a row typed into Activities as a logged activity.
 * Multi-cell pastes are handled as one block. It uses only services a simple trigger may use, reads
 * the header and the edited rows (not whole sheets), and never throws at the person typing.
 */
import { t } from '../../core/i18n';
import {
  ACTIVITIES,
  CLIENTS,
  DEALS,
  INVOICES,
  STAGE_HISTORY,
  type ColumnDef,
  type SheetDef,
} from '../../core/workbook/schema';
import { dayOfInstant, type Zone } from '../../core/time';
import type { Lang, Settings } from '../../core/types';
import { isBlankCell, readCell, writeCell, type Cell } from '../../core/workbook/cells';
import { ACTIVITY_TYPES } from '../../core/workbook/enums';
import { maxIdNumber, formatId, type IdPrefix } from '../../core/workbook/ids';
import {
  normalizeEmail,
  normalizeInn,
  normalizePhone,
  parseAmount,
  parseDateText,
  parseDay,
  parseInstant,
} from '../../core/workbook/normalize';
import { clientAfterActivity, dealAfterActivity, nextStamp } from '../../core/crm/ops';
import { safeCellText } from '../../core/workbook/sanitize';
import { findStage } from '../../core/workbook/settings';
import { amountRequired } from '../../core/crm/validate';
import { locateHeader } from '../../core/workbook/tables';
import type { MessageKey } from '../../core/i18n';
import {
  editBounds,
  editedSheet,
  editSpreadsheet,
  editUser,
  singleCellEdit,
} from '../../gas/edit-range';
import { withDocumentLock } from '../../gas/lock';
import {
  readColumnDown,
  readValues,
  readValuesAndFormulas,
  sheetExtent,
  sheetName,
  updateNotes,
  writeValues,
} from '../../gas/sheets/blocks';
import { LeanTable } from '../../gas/sheets/lean-table';
import { appendByHeader } from '../../gas/sheets/table';
import { Workbook } from '../../gas/workbook';
import { flagClientDuplicates } from './edit-rules/client-duplicates';
import { revertManagerEdit } from './edit-rules/manager-column';
import { revertMoneyEdit } from './edit-rules/money-lines';
import { clientNames } from './edit-rules/client-name';
import { logFlags, type Flag } from './edit-rules/flags-log';
import { stageToRestore } from './edit-rules/stage-restore';
import { auditTyped, type TypedDealRow } from './edit-rules/typed-audit';
import { stampWithoutLock, type BusyEdit } from './edit-rules/busy-stamp';
import { appendStageHistory } from '../../gas/journal';
import { UserError } from '../../core/errors';
import { guardTaskEdit } from './edit-rules/tasks';
import { SHEET_GUARDS } from './edit-rules/guards';
import { typedStageGate } from './edit-rules/playbook-stage';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const NOTE_PREFIX = 'ROP Desk:';
const EDIT_LOCK_MS = 3_000;
const PREFIX: Partial<Record<SheetDef['key'], IdPrefix>> = {
  clients: 'C',
  deals: 'D',
  activities: 'A',
  invoices: 'I',
};

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    handleEdit(e);
  } catch (err) {
    // Never in the way of typing: the edit stays as typed; the reason goes to the execution log.
    console.error('ROP Desk onEdit', err);
  }
}

interface Block {
  ss: Spreadsheet;
  sheet: Sheet;
  def: SheetDef;
  index: Record<string, number>;
  headerRow: number;
  firstRow: number;
  values: unknown[][];
  formulas: string[][];
  edited: Set<string>;
  zone: Zone;
  now: number;
  user: string;
  single: { oldValue: unknown } | null;
}

function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const edit = editedSheet(e);
  if (!edit) return;
  const { sheet, name } = edit;
  const book = () => new Workbook(editSpreadsheet(e));
  if (guardTaskEdit(e, sheet, name, book)) return;
  if (SHEET_GUARDS.some((guard) => guard(e, sheet, name, book))) return;
  const def = [CLIENTS, DEALS, ACTIVITIES, INVOICES].find((d) => d.ru === name || d.en === name);
  if (!def) return;
  const { lastRow, lastCol } = sheetExtent(sheet);
  if (!lastCol || !lastRow) return;
  const head = readValues(sheet, 1, 1, Math.min(20, lastRow), lastCol);
  const found = locateHeader(head, def.columns);
  if ('missing' in found) return;
  const headerRow = found.headerRow + 1;
  const bounds = editBounds(e);
  const firstRow = Math.max(bounds.row, headerRow + 1);
  const endRow = Math.min(bounds.lastRow, lastRow);
  if (endRow < firstRow) return;
  const edited = new Set<string>();
  for (const c of def.columns) {
    const col = found.map.index[c.key];
    if (col !== undefined && col + 1 >= bounds.column && col + 1 <= bounds.lastColumn)
      edited.add(c.key);
  }
  if (!edited.size) return;
  // onEdit reads narrowly (the header rows and the edited block), never whole sheets: it must
  // stay fast inside a simple trigger on 50,000-row sheets. Settings come from the Workbook.
  const wb = new Workbook(editSpreadsheet(e));
  const ss = wb.ss;
  const now = Date.now();
  const busy: BusyEdit = {
    sheet,
    def,
    index: found.map.index,
    firstRow,
    endRow,
    zone: wb.zone,
    now,
  };
  if (def.key === 'deals' && edited.has('stage')) {
    busy.stage = { stages: () => wb.settings.stages, single: singleCellEdit(e), by: editUser(e) };
  }
  lockedOrStamp(busy, () => {
    revertManagerEdit(e, { wb, sheet, def, index: found.map.index, edited });
    revertMoneyEdit(e, { wb, sheet, def, index: found.map.index, edited });
    const block = readValuesAndFormulas(sheet, firstRow, 1, endRow - firstRow + 1, lastCol);
    const b: Block = {
      ss,
      sheet,
      def,
      index: found.map.index,
      headerRow,
      firstRow,
      values: block.values,
      formulas: block.formulas,
      edited,
      zone: wb.zone,
      now,
      user: editUser(e),
      single: singleCellEdit(e),
    };
    processBlock(b, wb.settings, wb);
    if (def.key === 'clients') flagClientDuplicates(b, wb.settings.lang);
  });
}

/** The edit's work under the lock; without it (busy), only the rows' updated-at (T7). */
function lockedOrStamp(busy: BusyEdit, fn: () => void): void {
  try {
    withDocumentLock(fn, EDIT_LOCK_MS);
  } catch (err) {
    if (!(err instanceof UserError && err.key === 'error.busy')) throw err;
    stampWithoutLock(busy);
  }
}

type Changes = Map<number, Map<string, unknown>>; // row offset -> key -> core value
type Notes = Map<number, Map<string, string>>; // row offset -> key -> note ('' clears ours)

function processBlock(b: Block, settings: Settings, wb: Workbook): void {
  const changes: Changes = new Map();
  const notes: Notes = new Map();
  const set = (r: number, key: string, v: unknown) => {
    if (b.index[key] === undefined) return;
    (changes.get(r) ?? changes.set(r, new Map()).get(r))?.set(key, v);
  };
  const note = (r: number, key: string, msg: MessageKey | '', params = {}) => {
    if (b.index[key] === undefined) return;
    const text = msg ? t(settings.lang, msg, params) : '';
    (notes.get(r) ?? notes.set(r, new Map()).get(r))?.set(key, text);
  };
  const cell = (r: number, key: string): unknown =>
    b.index[key] === undefined ? '' : b.values[r][b.index[key]];
  const history: Array<Record<string, unknown>> = [];
  const activityRows: number[] = [];
  let ids: { next: number } | null = null;
  const prefix = PREFIX[b.def.key] as IdPrefix;

  for (let r = 0; r < b.values.length; r++) {
    const row = b.values[r];
    if (
      b.def.columns.every((c) => b.index[c.key] === undefined || isBlankCell(row[b.index[c.key]]))
    )
      continue;
    if (isBlankCell(cell(r, 'id'))) {
      ids ??= { next: maxIdNumber(prefix, readColumn(b, 'id')) + 1 };
      set(r, 'id', formatId(prefix, ids.next++));
    }
    normaliseTyped(b, r, settings, set, note);
    if (b.def.key === 'clients' || b.def.key === 'deals') {
      if (isBlankCell(cell(r, 'createdAt'))) set(r, 'createdAt', b.now);
      const prev = parseInstant(cell(r, 'updatedAt'), b.zone);
      set(r, 'updatedAt', nextStamp(prev, b.now));
    }
    if (b.def.key === 'deals' && b.edited.has('stage')) {
      const typed = String(cell(r, 'stage') ?? '').trim();
      const stage = typed ? findStage(settings.stages, typed) : undefined;
      const restore = typed && !stage ? stageToRestore(settings.stages, b.single) : null;
      if (restore !== null) {
        set(r, 'stage', restore);
        note(r, 'stage', 'crm.edit.stageRestored', { typed, stage: restore });
      } else if (typed && !stage) note(r, 'stage', 'crm.edit.badStage');
      else if (stage) {
        const gate = typedStageGate(wb, settings, b.single, stage.name, (k) => cell(r, k), b.zone);
        if (gate?.revertTo) {
          set(r, 'stage', gate.revertTo);
          note(r, 'stage', gate.note?.key ?? '', gate.note?.params);
          continue;
        }
        note(r, 'stage', gate?.note?.key ?? '', gate?.note?.params);
        if (stage.name !== typed) set(r, 'stage', stage.name);
        const old = b.single ? String(b.single.oldValue ?? '') : '';
        if (findStage(settings.stages, old)?.name !== stage.name) {
          const id = (changes.get(r)?.get('id') as string) ?? String(cell(r, 'id'));
          history.push({
            ...{ dealId: id, fromStage: old, toStage: stage.name, at: b.now, by: b.user },
            exitMet: gate?.exitMet,
          });
        }
        const closed = parseDay(cell(r, 'closedAt'), b.zone);
        if (stage.kind !== 'open' && closed === null)
          set(r, 'closedAt', dayOfInstant(b.now, b.zone));
        if (stage.kind === 'open' && closed !== null) set(r, 'closedAt', null);
        // What the stage needs but the row lacks is flagged where it is missing.
        const amount =
          changes.get(r)?.get('amount') ?? readCell('money', cell(r, 'amount'), b.zone);
        if (amountRequired(stage, settings.stages) && amount === null)
          note(r, 'amount', 'crm.edit.amountForStage');
        else if (!b.edited.has('amount')) note(r, 'amount', '');
        if (stage.kind === 'lost' && isBlankCell(cell(r, 'lostReason')))
          note(r, 'lostReason', 'crm.edit.lostReason');
        else note(r, 'lostReason', '');
      }
    }
    if (b.def.key === 'deals' && b.edited.has('expectedClose') && b.single) {
      const before = parseDay(numberish(b.single.oldValue), b.zone);
      const after = parseDay(cell(r, 'expectedClose'), b.zone);
      if (before !== null && after !== null && after > before) {
        set(r, 'closeDatePushes', (Number(cell(r, 'closeDatePushes')) || 0) + 1);
      }
    }
    if (b.def.key === 'activities') {
      if (isBlankCell(cell(r, 'at'))) set(r, 'at', b.now);
      if (isBlankCell(cell(r, 'manager')) && b.user) set(r, 'manager', b.user);
      activityRows.push(r);
    }
  }

  if (b.def.key === 'invoices' && b.index.clientName !== undefined) {
    const named = b.values.map((row, offset) => ({
      offset,
      clientId: String(changes.get(offset)?.get('clientId') ?? row[b.index.clientId] ?? ''),
      name: String(row[b.index.clientName] ?? ''),
    }));
    for (const [r, name] of clientNames(b.ss, b.zone, named)) set(r, 'clientName', name);
  }
  const flags = flagsOf(b, notes, settings.lang);
  const typed = b.def.key === 'deals' ? typedDealRows(b, changes) : [];
  writeChanges(b, changes);
  writeNotes(b, notes);
  logFlags(b.ss, sheetName(b.sheet), flags, b.user, settings.lang);
  auditTyped(wb, typed, b.single, { at: b.now, user: b.user, lang: settings.lang });
  const toSheet = (rows: ReadonlyArray<Record<string, unknown>>) =>
    appendByHeader(b.ss, STAGE_HISTORY, b.zone, rows, settings.lang);
  if (history.length) appendStageHistory(b.ss, history, toSheet);
  if (activityRows.length) applyActivities(b, activityRows, changes);
}

/** The notes this edit put on the cells it covered, with what was typed there (for the Log). */
function flagsOf(b: Block, notes: Notes, lang: Lang): Flag[] {
  const out: Flag[] = [];
  for (const [r, byKey] of notes) {
    for (const [key, text] of byKey) {
      const c = b.def.columns.find((x) => x.key === key);
      if (!text || !c || !b.edited.has(key)) continue;
      const value = b.values[r][b.index[key]];
      out.push({ row: b.firstRow + r, column: c[lang], value, note: text });
    }
  }
  return out;
}

/** The Deals rows whose manager, stage or amount this edit covered, read after its changes. */
function typedDealRows(b: Block, changes: Changes): TypedDealRow[] {
  const keys = ['manager', 'stage', 'amount'].filter((k) => b.edited.has(k));
  if (!keys.length) return [];
  const out: TypedDealRow[] = [];
  for (let r = 0; r < b.values.length; r++) {
    const id = changes.get(r)?.get('id') ?? b.values[r][b.index.id];
    if (isBlankCell(id)) continue;
    const after = (key: string): unknown => {
      if (changes.get(r)?.has(key)) return changes.get(r)?.get(key);
      const raw = b.values[r][b.index[key]];
      return key === 'amount' ? (readCell('money', raw, b.zone) ?? raw) : raw;
    };
    out.push({ dealId: String(id), edited: new Set(keys), after });
  }
  return out;
}

/** An edit event's oldValue of a date cell: a serial number, or epoch ms, as text. */
function numberish(v: unknown): unknown {
  if (typeof v !== 'string' || !/^\d+(\.\d+)?$/.test(v.trim())) return v;
  const n = Number(v);
  return n > 1e9 ? new Date(n) : n;
}

function normaliseTyped(
  b: Block,
  r: number,
  settings: Settings,
  set: (r: number, key: string, v: unknown) => void,
  note: (r: number, key: string, msg: MessageKey | '') => void,
): void {
  for (const c of b.def.columns) {
    if (!b.edited.has(c.key) || b.index[c.key] === undefined) continue;
    const v = b.values[r][b.index[c.key]];
    if (isBlankCell(v)) {
      note(r, c.key, '');
      continue;
    }
    switch (c.kind) {
      case 'phone': {
        const p = normalizePhone(v);
        if (p) {
          if (p !== v) set(r, c.key, p);
          note(r, c.key, '');
        } else note(r, c.key, 'crm.edit.badPhone');
        break;
      }
      case 'inn': {
        const inn = normalizeInn(v);
        if (inn) {
          if (inn !== v) set(r, c.key, inn);
          note(r, c.key, '');
        } else note(r, c.key, 'crm.edit.badInn');
        break;
      }
      case 'email': {
        const em = normalizeEmail(v);
        if (em) {
          if (em !== v) set(r, c.key, em);
          note(r, c.key, '');
        } else note(r, c.key, 'crm.edit.badEmail');
        break;
      }
      case 'money': {
        if (typeof v === 'number') {
          note(r, c.key, '');
          break;
        }
        const k = parseAmount(v);
        if (k !== null) {
          set(r, c.key, k);
          note(r, c.key, '');
        } else note(r, c.key, 'crm.edit.badAmount');
        break;
      }
      case 'date':
      case 'datetime': {
        if (typeof v !== 'string') {
          note(r, c.key, '');
          break;
        }
        const p = parseDateText(v);
        if (!p) note(r, c.key, 'crm.edit.badDate');
        else {
          set(r, c.key, c.kind === 'date' ? p.day : parseInstant(v, b.zone));
          note(r, c.key, '');
        }
        break;
      }
      case 'enum':
        if (c.key === 'type' && b.def.key === 'activities') {
          const type = ACTIVITY_TYPES.parse(v);
          if (type && ACTIVITY_TYPES.label(type, settings.lang) !== v)
            set(r, c.key, ACTIVITY_TYPES.label(type, settings.lang));
        }
        break;
      default:
        break;
    }
  }
}

/** One column of the data rows (for the highest id); one getValues. */
function readColumn(b: Block, key: string): unknown[] {
  const col = b.index[key];
  if (col === undefined) return [];
  return readColumnDown(b.sheet, b.headerRow + 1, col + 1);
}

/** The cell as it must be re-written unchanged: its formula, or its value kept as text. */
function keep(b: Block, r: number, col: number, c: ColumnDef): Cell {
  const f = b.formulas[r][col];
  if (f) return f;
  const v = b.values[r][col];
  if (typeof v === 'string')
    return c.kind === 'id' || c.kind === 'phone' || c.kind === 'inn' ? v : safeCellText(v);
  return v as Cell;
}

/** One setValues per changed column, over the edited rows (unchanged cells re-written as they were). */
function writeChanges(b: Block, changes: Changes): void {
  if (!changes.size) return;
  for (const c of b.def.columns) {
    const col = b.index[c.key];
    if (col === undefined) continue;
    const touched = [...changes.values()].some((m) => m.has(c.key));
    if (!touched) continue;
    const offsets = [...changes.keys()].filter((r) => changes.get(r)?.has(c.key));
    const lo = Math.min(...offsets);
    const hi = Math.max(...offsets);
    const column: Cell[][] = [];
    for (let r = lo; r <= hi; r++) {
      const m = changes.get(r);
      column.push([m?.has(c.key) ? writeCell(c.kind, m.get(c.key), b.zone) : keep(b, r, col, c)]);
      if (m?.has(c.key)) b.values[r][col] = m.get(c.key);
    }
    writeValues(b.sheet, b.firstRow + lo, col + 1, column);
  }
}

/**
 * Flags (notes) on cells that could not be read; only our own notes are ever replaced or cleared.
 * Per flagged column: one getNotes over the edited rows and one setNotes when anything changes,
 * so a large paste costs two calls a column, not two a cell; a user's note is written back as it
 * was.
 */
function writeNotes(b: Block, notes: Notes): void {
  const keys = new Set<string>();
  for (const byKey of notes.values()) for (const key of byKey.keys()) keys.add(key);
  for (const key of keys) {
    const col = b.index[key];
    if (col === undefined) continue;
    const offsets = [...notes.keys()].filter((r) => notes.get(r)?.has(key));
    const lo = Math.min(...offsets);
    const rows = Math.max(...offsets) - lo + 1;
    updateNotes(b.sheet, b.firstRow + lo, col + 1, rows, (current) => {
      let changed = false;
      const next = current.map(([note], i) => {
        const wanted = notes.get(lo + i)?.get(key);
        if (wanted === undefined || wanted === note) return [note];
        if (wanted === '' && !note.startsWith(NOTE_PREFIX)) return [note];
        changed = true;
        return [wanted];
      });
      return changed ? next : null;
    });
  }
}

/** Rows typed into Activities count as logged: the deal and the client learn about them. */
function applyActivities(b: Block, rows: number[], changes: Changes): void {
  // Core values: what this edit changed, else the cell read as its column's kind.
  const get = (r: number, key: string): unknown => {
    if (changes.get(r)?.has(key)) return changes.get(r)?.get(key);
    const c = b.def.columns.find((x) => x.key === key);
    return c && b.index[key] !== undefined
      ? readCell(c.kind, b.values[r][b.index[key]], b.zone)
      : '';
  };
  const deals = new LeanTable(b.ss, DEALS, b.zone);
  const clients = new LeanTable(b.ss, CLIENTS, b.zone);
  const fill: Changes = new Map();
  for (const r of rows) {
    const type = ACTIVITY_TYPES.parse(get(r, 'type'));
    const dealId = String(get(r, 'dealId') ?? '')
      .trim()
      .toUpperCase();
    let clientId = String(get(r, 'clientId') ?? '')
      .trim()
      .toUpperCase();
    const at = typeof get(r, 'at') === 'number' ? (get(r, 'at') as number) : null;
    const deal = dealId ? deals.find(dealId) : null;
    if (!type || (!deal && !clientId) || at === null) continue;
    const fillIn = (key: string, v: unknown) =>
      (fill.get(r) ?? fill.set(r, new Map()).get(r))?.set(key, v);
    if (deal && !clientId) {
      clientId = String(deal.cells.clientId ?? '');
      fillIn('clientId', clientId);
    }
    // Simple triggers often do not know who typed: the deal's manager is the best guess.
    if (deal && !get(r, 'manager') && deal.cells.manager) fillIn('manager', deal.cells.manager);
    if (deal) {
      const d = deal.cells as {
        firstActivityAt: number | null;
        lastActivityAt: number | null;
        updatedAt: number | null;
      };
      const upd = dealAfterActivity(d, {
        at,
        summary: String(get(r, 'summary') ?? ''),
        nextStep: String(get(r, 'nextStep') ?? ''),
        nextStepDate:
          typeof get(r, 'nextStepDate') === 'number' ? (get(r, 'nextStepDate') as number) : null,
      });
      deals.update(deal.row, { ...upd, updatedAt: nextStamp(d.updatedAt, b.now) });
    }
    const client = clientId ? clients.find(clientId) : null;
    if (client && isBlankCell(get(r, 'clientName'))) fillIn('clientName', client.cells.name ?? '');
    if (client) {
      const upd = clientAfterActivity(client.cells as { lastContactAt: number | null }, at);
      if (Object.keys(upd).length) clients.update(client.row, upd);
    }
  }
  writeChanges(b, fill);
}
