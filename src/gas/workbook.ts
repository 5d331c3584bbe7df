/**
 * The one workbook object of an execution. Every entry point (RPC call, menu item, trigger,
 * custom function) opens ONE `Workbook` and passes it down; it reads each sheet at most once,
 * lazily, on first use (one getValues of the data range), parses it into core records once, and
 * keeps what it read in step with what the execution writes through it, so nothing downstream
 * ever has to read a sheet again to see its own writes.
 *
 * - Dates are Days and timestamps Instants in the SPREADSHEET's zone; money is kopecks; percents
 *   are fractions; emails are lower-case; enumerations are the core's English tokens.
 * - A sheet that is missing, or a missing required column, is a UserError naming it, raised on
 *   first use, before anything is written.
 * - Sheets that only grow (StageHistory, Activities when the execution does not need to read
 *   them) can be appended to by their header alone: one getValues of the first rows, plus one of
 *   the id column when new ids are needed; reading 200,000 activities to add one would cost
 *   seconds. Once a sheet is read whole, appends use what was read.
 * - `locked(fn)` holds the document lock around a read-modify-write. It is re-entrant within the
 *   execution. Data sheets read BEFORE the lock was first taken are dropped and read again under
 *   it, so that a write is never based on a read another user may have overtaken.
 */
import { UserError } from '../core/errors';
import type { IdPrefix } from '../core/workbook/ids';
import { IdAllocator } from '../core/workbook/ids';
import {
  readActivities,
  readClients,
  readDeals,
  readInvoices,
  readManagers,
  readPlans,
  readStageHistory,
} from '../core/workbook/records';
import { locateHeader, type RawRecord, type ReadOptions } from '../core/workbook/tables';
import { recordToRow } from '../core/workbook/cells';
import { parseSettings } from '../core/workbook/settings';
import type { SheetDef, SheetKey } from '../core/workbook/schema';
import { SETTINGS_VALUES, sheetDef } from '../core/workbook/schema';
import type { Zone } from '../core/time';
import type {
  Activity,
  Client,
  Deal,
  Invoice,
  Lang,
  Manager,
  Plan,
  Settings,
  StageChange,
  WorkbookData,
} from '../core/types';
import { queuedStageChanges } from './journal';
import { withDocumentLock } from './lock';
import { storedLang } from './settings-lang';
import {
  appendRecords,
  ensureRows,
  findById,
  findSheet,
  idsOf,
  missingColumnError,
  missingSheetError,
  readSheet,
  updateRecord,
  type Table,
} from './sheets/table';
import { zoneOf } from './zone';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type DataSheetKey =
  'managers' | 'clients' | 'deals' | 'activities' | 'stageHistory' | 'plans' | 'invoices';

export const DATA_SHEETS: readonly DataSheetKey[] = [
  'managers',
  'clients',
  'deals',
  'activities',
  'stageHistory',
  'plans',
  'invoices',
];

interface Records {
  managers: Manager;
  clients: Client;
  deals: Deal;
  activities: Activity;
  stageHistory: StageChange;
  plans: Plan;
  invoices: Invoice;
}

/** Typed readers straight from a sheet's values: column parsers resolved once per read. */
const READERS: {
  [K in DataSheetKey]: (values: unknown[][], zone: Zone, opts: ReadOptions) => Records[K][];
} = {
  managers: readManagers,
  clients: readClients,
  deals: readDeals,
  activities: readActivities,
  stageHistory: readStageHistory,
  plans: readPlans,
  invoices: readInvoices,
};

/** What a header-only look at a sheet found: enough to append below its last row. */
interface Head {
  sheet: Sheet;
  lang: Lang;
  headerRow: number;
  index: Record<string, number>;
  width: number;
  lastRow: number;
  /** Ids present in the id column, read once when an append first needs new ids. */
  ids: unknown[] | null;
}

function safeStoredLang(): Lang {
  try {
    return storedLang();
  } catch {
    return 'ru';
  }
}

export class Workbook {
  private zoneValue: Zone | null = null;
  private timeZoneValue: string | null = null;
  private settingsValue: Settings | null = null;
  private readonly tables = new Map<SheetKey, Table>();
  private readonly heads = new Map<SheetKey, Head>();
  private readonly parsed = new Map<DataSheetKey, unknown[]>();
  private lockDepth = 0;
  private everLocked = false;

  constructor(
    readonly ss: Spreadsheet,
    private readonly fallbackLang: () => Lang = safeStoredLang,
  ) {}

  /** The spreadsheet's time zone id (asked once). */
  get timeZone(): string {
    this.timeZoneValue ??= this.ss.getSpreadsheetTimeZone();
    return this.timeZoneValue;
  }

  get zone(): Zone {
    this.zoneValue ??= zoneOf(this.timeZone);
    return this.zoneValue;
  }

  /** Settings from the Settings sheet (one getValues); defaults when the sheet is missing. */
  get settings(): Settings {
    if (!this.settingsValue) {
      const found = findSheet(this.ss, SETTINGS_VALUES);
      this.settingsValue = found
        ? parseSettings(found.sheet.getDataRange().getValues(), this.zone, found.lang)
        : parseSettings([], this.zone, this.fallbackLang());
    }
    return this.settingsValue;
  }

  get lang(): Lang {
    return this.settings.lang;
  }

  /** After the Settings sheet was rewritten: the next use parses what was written. */
  settingsWritten(next: Settings): void {
    this.settingsValue = next;
  }

  /** The sheet read whole (one getValues), with its header located. */
  table(key: SheetKey): Table {
    let t = this.tables.get(key);
    if (!t) {
      const def = sheetDef(key);
      const found = findSheet(this.ss, def);
      if (!found) throw missingSheetError(def, this.lang);
      t = readSheet(found.sheet, def, this.zone, found.lang);
      this.tables.set(key, t);
    }
    return t;
  }

  /** Whether the sheet was already read whole in this execution. */
  isRead(key: SheetKey): boolean {
    return this.tables.has(key);
  }

  /**
   * A data sheet's records, typed straight from its values (column parsers resolved once), and
   * kept in step with what this execution writes: appended rows are typed and added, an update
   * types the list again from the patched values (no new read).
   */
  list<K extends DataSheetKey>(key: K): Records[K][] {
    let out = this.parsed.get(key) as Records[K][] | undefined;
    if (!out) {
      const t = this.table(key);
      out = READERS[key](t.values, this.zone, { found: t.header }) as Records[K][];
      // Stage changes a manager could not write to the protected sheet yet (src/gas/journal.ts).
      if (key === 'stageHistory') out.push(...(queuedStageChanges() as Records[K][]));
      this.parsed.set(key, out);
    }
    return out;
  }

  /** The ids present in a sheet's id column (for allocating new ones), without parsing rows. */
  ids(key: SheetKey): unknown[] {
    return idsOf(this.table(key));
  }

  /** The raw record with this id, or undefined; only that row is parsed. */
  find(key: SheetKey, id: string): RawRecord | undefined {
    return findById(this.table(key), id);
  }

  /**
   * The workbook as the core sees it; sheets not listed come back as empty lists. Each listed
   * sheet is read at most once per execution whatever the number of calls.
   */
  data(which: readonly DataSheetKey[] = DATA_SHEETS): WorkbookData {
    const wanted = new Set(which);
    const get = <K extends DataSheetKey>(key: K): Records[K][] =>
      wanted.has(key) ? this.list(key) : [];
    return {
      settings: this.settings,
      managers: get('managers'),
      clients: get('clients'),
      deals: get('deals'),
      activities: get('activities'),
      stageHistory: get('stageHistory'),
      plans: get('plans'),
      invoices: get('invoices'),
    };
  }

  /** The data sheets of the workbook that exist (no read of their values). */
  present(which: readonly DataSheetKey[] = DATA_SHEETS): DataSheetKey[] {
    return which.filter((k) => this.tables.has(k) || findSheet(this.ss, sheetDef(k)) !== null);
  }

  // ---- Writes ---------------------------------------------------------------------------------

  /** Appends records below the last row (one setValues); returns the first written row. */
  append(key: SheetKey, records: ReadonlyArray<Record<string, unknown>>): number {
    if (!records.length) return 0;
    const t = this.tables.get(key);
    if (t) {
      const start = appendRecords(t, records);
      this.extend(key, t, start, records.length);
      return start;
    }
    return this.appendByHead(this.head(key), key, records);
  }

  /** Appends records that need new ids (continuing after the highest id present); the ids. */
  appendWithIds(
    key: SheetKey,
    prefix: IdPrefix,
    records: ReadonlyArray<Record<string, unknown>>,
  ): string[] {
    if (!records.length) return [];
    const t = this.tables.get(key);
    const ids = new IdAllocator(prefix, t ? idsOf(t) : this.headIds(key));
    const withIds = records.map((r) => ({ ...r, id: ids.take() }));
    this.append(key, withIds);
    const head = this.heads.get(key);
    if (!t && head?.ids) head.ids.push(...withIds.map((r) => r.id));
    return withIds.map((r) => r.id);
  }

  /** Writes the given fields of the record at `row` (one setValues per run of adjacent cells). */
  update(key: SheetKey, row: number, changes: Record<string, unknown>): void {
    const t = this.table(key);
    updateRecord(t, this.rowStillHolding(t, row), changes);
    this.changed(key);
  }

  /**
   * The row holding, right now, the record read at `row` (followed after a sort), or the stale
   * error when it is gone: for an operation to check before its first write.
   */
  holding(key: SheetKey, row: number): number {
    return this.rowStillHolding(this.table(key), row);
  }

  /**
   * Checks that a sheet exists with every required column (its header rows only, or what was
   * already read). Operations call it for every sheet they will append to before the first
   * write, so that a broken sheet stops them before anything is half-written.
   */
  requireHeader(key: SheetKey): void {
    if (!this.tables.has(key)) this.head(key);
  }

  /** Runs `fn` under the document lock (re-entrant); writes are flushed before release. */
  locked<T>(fn: () => T): T {
    if (this.lockDepth > 0) return fn();
    return withDocumentLock(() => {
      if (!this.everLocked) this.dropUnlockedReads();
      this.everLocked = true;
      this.lockDepth++;
      try {
        return fn();
      } finally {
        this.lockDepth--;
      }
    });
  }

  // ---- Inside ---------------------------------------------------------------------------------

  private changed(key: SheetKey): void {
    this.parsed.delete(key as DataSheetKey);
  }

  /** Adds the typed form of rows just appended to a list already typed. */
  private extend(key: SheetKey, t: Table, start: number, count: number): void {
    const list = this.parsed.get(key as DataSheetKey);
    if (!list) return;
    const h = t.header.headerRow;
    const mini = [...t.values.slice(0, h + 1), ...t.values.slice(start - 1, start - 1 + count)];
    const read = READERS[key as DataSheetKey];
    list.push(...read(mini, this.zone, { found: t.header, firstRow: start - h - 1 }));
  }

  /**
   * Managers and Settings are never written by the operations that run under the lock, so a
   * read of them (the role check) stays; any other sheet read before the lock is read again.
   */
  private dropUnlockedReads(): void {
    for (const key of [...this.tables.keys()]) {
      if (key === 'managers') continue;
      this.tables.delete(key);
      this.parsed.delete(key as DataSheetKey);
    }
    this.heads.clear();
  }

  /**
   * The row that holds, right now, the record read at `row`. The document lock keeps other
   * executions out but not a person sorting, inserting or deleting rows by hand, so the id cell
   * of the row is read again (one cell) before writing. When it moved, the id column is read once
   * and the in-memory copy renumbered; when it is gone, the write is refused as stale.
   */
  private rowStillHolding(t: Table, row: number): number {
    const col = t.index.id;
    const id = t.records.find((r) => r.row === row)?.cells.id;
    if (col === undefined || typeof id !== 'string' || !id) return row;
    const idAt = (v: unknown) =>
      String(v ?? '')
        .trim()
        .toUpperCase();
    if (idAt(t.sheet.getRange(row, col + 1).getValue()) === id) return row;
    const first = t.headerRow + 1;
    const last = t.sheet.getLastRow();
    const ids =
      last >= first
        ? t.sheet
            .getRange(first, col + 1, last - first + 1, 1)
            .getValues()
            .map((r) => idAt(r[0]))
        : [];
    const rowOf = new Map<string, number>();
    ids.forEach((v, i) => {
      if (v && !rowOf.has(v)) rowOf.set(v, first + i);
    });
    for (const r of t.records) {
      const at = rowOf.get(idAt(r.cells.id));
      if (at !== undefined) r.row = at;
    }
    t.lastRow = Math.max(t.lastRow, last);
    const moved = rowOf.get(id);
    if (moved === undefined) throw new UserError('error.stale', { id });
    return moved;
  }

  private head(key: SheetKey): Head {
    let h = this.heads.get(key);
    if (h) return h;
    const def: SheetDef = sheetDef(key);
    const found = findSheet(this.ss, def);
    if (!found) throw missingSheetError(def, this.lang);
    const sheet = found.sheet;
    const lastRow = sheet.getLastRow();
    const width = sheet.getLastColumn();
    const top = width
      ? (sheet.getRange(1, 1, Math.min(20, Math.max(lastRow, 1)), width).getValues() as unknown[][])
      : [[]];
    const header = locateHeader(top, def.columns);
    if ('missing' in header) {
      throw missingColumnError(sheet.getName(), header.missing[0], found.lang);
    }
    h = {
      sheet,
      lang: found.lang,
      headerRow: header.headerRow + 1,
      index: header.map.index,
      width,
      lastRow,
      ids: null,
    };
    this.heads.set(key, h);
    return h;
  }

  private headIds(key: SheetKey): unknown[] {
    const h = this.head(key);
    if (!h.ids) {
      const idCol = h.index.id;
      if (idCol === undefined)
        throw new UserError('error.missingColumn', { sheet: key, column: 'ID' });
      const rows = h.lastRow - h.headerRow;
      h.ids =
        rows > 0
          ? h.sheet
              .getRange(h.headerRow + 1, idCol + 1, rows, 1)
              .getValues()
              .map((r) => r[0])
          : [];
    }
    return h.ids;
  }

  private appendByHead(
    h: Head,
    key: SheetKey,
    records: ReadonlyArray<Record<string, unknown>>,
  ): number {
    const def = sheetDef(key);
    const rows = records.map((r) => recordToRow(r, def.columns, h.index, h.width, this.zone));
    const start = Math.max(h.lastRow, h.headerRow) + 1;
    ensureRows(h.sheet, start + rows.length - 1);
    h.sheet.getRange(start, 1, rows.length, h.width).setValues(rows);
    h.lastRow = start + rows.length - 1;
    return start;
  }
}
