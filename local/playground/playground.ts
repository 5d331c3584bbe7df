/**
 * One playground session: an emulated spreadsheet running the real dist/Code.js, the person who
 * is signed in, a record of executions, and the workbook file it is saved to after every change.
 * The HTTP server only translates requests into these methods.
 *
 * Every change goes through `mutate`, one at a time: run the bundle, tell the page, and save in
 * the background. Saves coalesce (changes made while a save is writing are saved right after it)
 * and never overlap; the emulator takes its snapshot synchronously when a save starts, so a change
 * made while the file is being written cannot tear it. `flush()` waits for the last save.
 * Reads (grids, outbox, log) go straight to the emulator outside any execution, the way a person
 * looks at a sheet without running a script.
 */
import path from 'node:path';
import { LOG, MANAGERS, sheetDef } from '../../src/core/workbook/schema';
import { mapHeaders, normalizeHeader } from '../../src/core/workbook/headers';
import type {
  CellInfo,
  Execution,
  LogView,
  MenuItem,
  OutboxItem,
  OutboxMail,
  PlaygroundState,
  SheetPage,
  SheetTab,
  UserInfo,
} from './api';
import {
  blockLooks,
  createSession,
  fireEdit,
  fireTrigger,
  formQuestions,
  listTriggers,
  menuFromUi,
  menuPlace,
  openSession,
  saveSession,
  submitForm,
  type BridgeSession,
} from './bridge';
import { LANG_KEY } from '../../src/gas/settings-lang';
import { chartViews, conditionalLooks } from './drawings';
import { formatCell, type CellValue } from './format';
import { parseWallTime, toWallIso } from './wall-time';
import { columnLetters } from '../runner/a1';

export interface PlaygroundOptions {
  /** The workbook file (.xlsx); its sidecar lives beside it. */
  workbook: string;
  /** Start from fresh demo data even if the file exists (only over a playground file). */
  reset?: boolean;
  /** Where Code.js and Sidebar.html are (default <repo>/dist). */
  bundleDir?: string;
  /** The clock of a fresh workbook (default: the real time now). */
  now?: number;
  /** Progress lines for the console. */
  log?: (line: string) => void;
  /** The language a fresh workbook is set up in (default Russian, the product's default). */
  lang?: 'ru' | 'en';
}

const DEFAULT_WIDTH = 100;
const SAVE_DELAY_MS = 200;
const EXTRA_ROWS = 20;
const EXTRA_COLS = 2;
const MAX_EXECUTIONS = 200;

export class Playground {
  readonly workbookPath: string;
  readonly bundleDir: string;
  version = 0;
  private savedAt: number | null = null;
  private saveError: string | null = null;
  private runs: Execution[] = [];
  private nextRun = 1;
  private listeners: Array<(event: 'change' | 'saved') => void> = [];
  private dirty = false;
  private saving: Promise<void> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private notices: string[] = [];
  private menu: Array<MenuItem | null> = [];
  private sidebarVersion = 0;

  private constructor(
    private session: BridgeSession,
    opts: PlaygroundOptions,
  ) {
    this.workbookPath = path.resolve(opts.workbook);
    this.bundleDir = opts.bundleDir ?? path.resolve(__dirname, '../../dist');
  }

  /**
   * Opens the saved workbook, or builds the demo one (menuSetupDemo through the bundle) the first
   * time or with `reset`. A file that is not a playground workbook is refused and left alone.
   */
  static async open(opts: PlaygroundOptions): Promise<Playground> {
    const log = opts.log ?? (() => undefined);
    const bundleDir = opts.bundleDir ?? path.resolve(__dirname, '../../dist');
    const file = path.resolve(opts.workbook);
    const existing = await openSession(file, bundleDir, {
      allowMissing: true,
      forReset: !!opts.reset,
    });
    let pg: Playground;
    if (existing && !opts.reset) {
      pg = new Playground(existing, opts);
      log(`Opened ${file}`);
      if (existing.loadWarning) {
        log(`Warning: ${existing.loadWarning}`);
        pg.notices.push(existing.loadWarning);
      }
    } else {
      const session = createSession(bundleDir, opts.now ?? Date.now());
      // Setup reads the language from the document properties, as the add-on does in Sheets.
      if (opts.lang) session.emulator.properties.document.set(LANG_KEY, opts.lang);
      pg = new Playground(session, opts);
      log(
        opts.reset
          ? 'Resetting to fresh demo data…'
          : `No workbook at ${file}: creating the demo workbook…`,
      );
      const started = Date.now();
      pg.execute('setup', 'menuSetupDemo', () => session.project.run('menuSetupDemo'));
      const failed = pg.runs[pg.runs.length - 1];
      if (failed && !failed.ok) throw new Error(`menuSetupDemo failed: ${failed.error}`);
      pg.pickDefaultUser();
      await pg.save();
      log(`Demo workbook ready in ${Date.now() - started} ms, saved to ${file}`);
    }
    pg.refreshMenu();
    return pg;
  }

  get bridge(): BridgeSession {
    return this.session;
  }

  /** A file input's content as the server sees it (a Blob of the emulator). */
  makeBlob(bytes: Buffer, type: string, name: string): unknown {
    return this.session.makeBlob(bytes, type, name);
  }

  /** `change`: the workbook or the session changed; `saved`: a save finished. */
  onChange(fn: (event: 'change' | 'saved') => void): void {
    this.listeners.push(fn);
  }

  // ---- Reading -------------------------------------------------------------------------------

  private get ss(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.session.emulator.spreadsheet;
  }

  private get timeZone(): string {
    return this.ss.getSpreadsheetTimeZone();
  }

  private get locale(): string {
    try {
      return this.ss.getSpreadsheetLocale() || 'ru_RU';
    } catch {
      return 'ru_RU';
    }
  }

  state(): PlaygroundState {
    const now = this.session.emulator.clock.now();
    return {
      version: this.version,
      workbookPath: this.workbookPath,
      savedAt: this.savedAt,
      saveError: this.saveError,
      saving: this.dirty || this.saving !== null,
      user: this.session.user,
      users: this.users(),
      now,
      nowWall: toWallIso(now, this.timeZone),
      timeZone: this.timeZone,
      locale: this.locale,
      sheets: this.ss.getSheets().map((s): SheetTab => ({
        name: s.getName(),
        rows: s.getLastRow(),
        cols: s.getLastColumn(),
      })),
      activeSheet: this.ss.getActiveSheet().getName(),
      menu: this.menu,
      menuPlace: menuPlace(this.session),
      triggers: listTriggers(this.session),
      form: formQuestions(this.session),
      outboxCount: this.session.emulator.outbox.length,
      notices: this.notices,
      sidebarVersion: this.sidebarVersion,
    };
  }

  /** Everyone on the Managers sheet, for the "signed in as" picker. */
  users(): UserInfo[] {
    const sheet = this.findSheet(MANAGERS.key);
    if (!sheet || sheet.getLastRow() < 2) return [];
    const values = sheet
      .getRange(1, 1, sheet.getLastRow(), Math.max(1, sheet.getLastColumn()))
      .getValues();
    const map = mapHeaders(values[0], MANAGERS.columns);
    if (map.missing.length) return [];
    const at = (row: unknown[], key: string) =>
      key in map.index ? String(row[map.index[key]] ?? '').trim() : '';
    const rank = (role: string) => (role === 'director' ? 0 : role === 'head' ? 1 : 2);
    return values
      .slice(1)
      .map((row) => ({
        email: at(row, 'email').toLowerCase(),
        name: at(row, 'name'),
        role: roleOf(at(row, 'role')),
        team: at(row, 'team'),
      }))
      .filter((u) => u.email.includes('@'))
      .sort(
        (a, b) =>
          rank(a.role) - rank(b.role) ||
          a.team.localeCompare(b.team) ||
          a.name.localeCompare(b.name),
      );
  }

  /** The sheet ROP Desk knows by key, whichever language its name is in. */
  private findSheet(
    key: Parameters<typeof sheetDef>[0],
  ): GoogleAppsScript.Spreadsheet.Sheet | null {
    const def = sheetDef(key);
    return this.ss.getSheetByName(def.ru) ?? this.ss.getSheetByName(def.en) ?? null;
  }

  private sheetByName(name: string): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = this.ss.getSheetByName(name);
    if (!sheet) throw new Error(`No sheet "${name}"`);
    return sheet;
  }

  sheetPage(name: string, offset: number | null, limit: number): SheetPage {
    const sheet = this.sheetByName(name);
    const rows = sheet.getLastRow();
    const cols = sheet.getLastColumn();
    const frozenRows = Math.min(sheet.getFrozenRows(), rows);
    const size = Math.max(1, Math.min(limit, 1000));
    const first = Math.max(frozenRows + 1, offset ?? frozenRows + 1);
    const count = Math.max(0, Math.min(size, rows - first + 1));
    // Like Sheets, a few empty columns and rows past the data, to type new rows into.
    const shownCols = Math.max(1, Math.min(cols + EXTRA_COLS, sheet.getMaxColumns()));
    const blankRows = Math.max(0, Math.min(EXTRA_ROWS, sheet.getMaxRows() - rows));
    const widths: number[] = [];
    for (let c = 1; c <= shownCols; c++) widths.push(columnWidth(sheet, c));
    const none = { cells: [], align: [], looks: [] };
    const frozen = frozenRows && cols ? this.formatBlock(sheet, 1, frozenRows, cols) : none;
    const body = count && cols ? this.formatBlock(sheet, first, count, cols) : none;
    const marks = (row: number, n: number) =>
      n && cols ? conditionalLooks(this.session, name, row, n, cols, this.timeZone) : [];
    return {
      name,
      rows,
      cols: shownCols,
      blankRows,
      frozenRows,
      frozenCols: Math.min(sheet.getFrozenColumns(), shownCols),
      widths,
      offset: first,
      frozen: frozen.cells,
      frozenAlign: frozen.align,
      frozenLooks: frozen.looks,
      cells: body.cells,
      align: body.align,
      looks: body.looks,
      marks: marks(first, count),
      frozenMarks: marks(1, frozenRows),
      charts: chartViews(this.session, name, this.locale, this.timeZone),
      filter: filterOf(sheet),
    };
  }

  private formatBlock(
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
    row: number,
    count: number,
    cols: number,
  ): { cells: string[][]; align: string[]; looks: string[][] } {
    const range = sheet.getRange(row, 1, count, cols);
    const values = range.getValues() as CellValue[][];
    const formats = range.getNumberFormats();
    const rules = dataValidations(range);
    const opts = { locale: this.locale, timeZone: this.timeZone };
    const cells: string[][] = [];
    const align: string[] = [];
    values.forEach((r, i) => {
      let a = '';
      cells.push(
        r.map((v, j) => {
          // A checkbox column shows boxes, as Sheets draws them.
          if (typeof v === 'boolean' && rules?.[i]?.[j]?.getCriteriaType() === CHECKBOX) {
            a += 'c';
            return v ? '☑' : '☐';
          }
          const f = formatCell(v, formats[i]?.[j], opts);
          a += f.align;
          return f.text;
        }),
      );
      align.push(a);
    });
    return { cells, align, looks: blockLooks(this.session, sheet.getName(), row, count, cols) };
  }

  cell(name: string, row: number, col: number): CellInfo {
    const range = this.sheetByName(name).getRange(row, col);
    const formula = range.getFormula();
    return { a1: `${columnLetters(col)}${row}`, input: formula || this.asTyped(range) };
  }

  /** A value as a person would type it back (the formula bar), in the spreadsheet's locale. */
  private asTyped(range: GoogleAppsScript.Spreadsheet.Range): string {
    const v = range.getValue() as CellValue;
    const fmt = range.getNumberFormat();
    if (v === '' || v === null || v === undefined) return '';
    if (typeof v === 'number') {
      if (/%/.test(fmt))
        return `${formatCell(v * 100, '0.##########', { locale: this.locale }).text}%`;
      return formatCell(v, '0.##########', { locale: this.locale }).text.replace(/[,.]$/, '');
    }
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (typeof v === 'object') {
      const opts = { locale: this.locale, timeZone: this.timeZone };
      const time = formatCell(v, 'hh:mm:ss', opts).text;
      return formatCell(v, time === '00:00:00' ? 'dd.mm.yyyy' : 'dd.mm.yyyy h:mm:ss', opts).text;
    }
    return String(v);
  }

  outbox(): OutboxItem[] {
    return this.session.emulator.outbox.map((m, index) => ({
      index,
      to: m.to,
      cc: m.cc ?? '',
      subject: m.subject,
      at: m.at,
      atText: this.fmtTime(m.at),
      hasHtml: !!m.htmlBody,
    }));
  }

  mail(index: number): OutboxMail {
    const m = this.session.emulator.outbox[index];
    if (!m) throw new Error(`No mail #${index}`);
    // MailApp sends as the effective user: the trigger's owner, or whoever ran the function.
    const sender = m.from ?? '';
    const from = m.name ? `${m.name}${sender ? ` <${sender}>` : ''}` : sender;
    return {
      index,
      to: m.to,
      cc: m.cc ?? '',
      subject: m.subject,
      at: m.at,
      atText: this.fmtTime(m.at),
      hasHtml: !!m.htmlBody,
      from,
      body: m.body,
      htmlBody: m.htmlBody ?? '',
    };
  }

  /** The Log sheet, newest first (the last 300 lines). */
  log(): LogView {
    const sheet = this.findSheet(LOG.key);
    if (!sheet) return { sheet: '', header: [], rows: [] };
    const last = sheet.getLastRow();
    const cols = sheet.getLastColumn();
    if (last < 1 || cols < 1) return { sheet: sheet.getName(), header: [], rows: [] };
    const header = sheet.getRange(1, 1, 1, cols).getDisplayValues()[0];
    const from = Math.max(2, last - 299);
    const rows =
      last >= 2 ? this.formatBlock(sheet, from, last - from + 1, cols).cells.reverse() : [];
    return { sheet: sheet.getName(), header, rows };
  }

  executions(): Execution[] {
    return this.runs;
  }

  private fmtTime(ms: number): string {
    return formatCell(new Date(ms), 'dd.mm.yyyy hh:mm', {
      locale: this.locale,
      timeZone: this.timeZone,
    }).text;
  }

  // ---- Changing ------------------------------------------------------------------------------

  /**
   * Runs one change at a time, tells the page, and has it saved. `changed` says afterwards whether
   * anything persistent changed (a sidebar call that only read needs no save).
   */
  private mutate<T>(fn: () => T, changed: () => boolean = () => true): Promise<T> {
    const next = this.queue.then(() => {
      this.notices = [];
      const value = fn();
      this.version++;
      if (changed()) {
        this.dirty = true;
        this.kickSave();
      }
      for (const l of this.listeners) l('change');
      return value;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private kickSave(): void {
    if (this.saving) return; // the running loop saves again when it sees `dirty`
    this.saving = (async () => {
      try {
        while (this.dirty) {
          // A moment for a burst of changes (a sidebar's several calls) to end up in one save.
          await new Promise((r) => setTimeout(r, SAVE_DELAY_MS));
          this.dirty = false;
          await this.save();
          for (const l of this.listeners) l('saved');
        }
      } finally {
        this.saving = null;
      }
    })();
  }

  /** Records one execution of the bundle (like the Executions page of the Apps Script editor). */
  private execute<T>(
    kind: Execution['kind'],
    fn: string,
    body: () => T,
  ): { ok: boolean; value?: T; error?: string } {
    const callsBefore = this.session.emulator.calls.count();
    const started = Date.now();
    const run: Execution = {
      id: this.nextRun++,
      fn,
      kind,
      user: this.session.user,
      at: this.session.emulator.clock.now(),
      ms: 0,
      ok: true,
      error: '',
      calls: 0,
    };
    let result: { ok: boolean; value?: T; error?: string };
    try {
      result = { ok: true, value: body() };
    } catch (e) {
      run.ok = false;
      run.error = e instanceof Error ? e.message : String(e);
      result = { ok: false, error: run.error };
    }
    run.ms = Date.now() - started;
    run.calls = this.session.emulator.calls.count() - callsBefore;
    this.runs.push(run);
    if (this.runs.length > MAX_EXECUTIONS) this.runs.splice(0, this.runs.length - MAX_EXECUTIONS);
    this.notices.push(...this.session.takeNotices());
    if (!run.ok) this.notices.push(`${fn}: ${run.error}`);
    return result;
  }

  /** google.script.run from the sidebar, as the signed-in user. */
  rpc(
    name: string,
    args: unknown[],
  ): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
    return this.mutate(
      () => {
        const r = this.execute(
          'rpc',
          name === 'rpc' && typeof args[0] === 'string' ? `rpc:${args[0]}` : name,
          () => this.session.rpc(name, args),
        );
        return r.ok
          ? { ok: true as const, value: r.value }
          : { ok: false as const, error: r.error ?? 'Error' };
      },
      () => !onlyReads(this.session.project.lastCalls),
    );
  }

  /** A person typing into a cell: the write goes through the emulator, then onEdit fires. */
  edit(sheetName: string, row: number, col: number, text: string): Promise<CellInfo> {
    return this.mutate(() => {
      const sheet = this.sheetByName(sheetName);
      this.execute('edit', 'onEdit', () => fireEdit(this.session, sheet, row, col, text));
      return this.cell(sheetName, row, col);
    });
  }

  /**
   * A paste of a block of text: Sheets writes the whole block and sends ONE onEdit whose range
   * is the pasted block (no value, no oldValue), not one event per cell.
   */
  paste(sheetName: string, row: number, col: number, values: string[][]): Promise<number> {
    const width = Math.max(0, ...values.map((r) => r.length));
    if (!values.length || !width || values.length * width > 100_000)
      return Promise.reject(new Error('Nothing to paste'));
    const block = values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
    return this.mutate(() => {
      const sheet = this.sheetByName(sheetName);
      const a1 = sheet.getRange(row, col, block.length, width).getA1Notation();
      this.execute('edit', 'onEdit', () =>
        this.session.project.edit(sheetName, a1, block, { user: this.session.user }),
      );
      return block.length * width;
    });
  }

  runMenu(fn: string): Promise<boolean> {
    if (!/^[A-Za-z_$][\w$]*$/.test(fn) || fn.endsWith('_'))
      return Promise.reject(new Error(`Bad function name ${fn}`));
    return this.mutate(() => {
      const r = this.execute('menu', fn, () => this.session.project.run(fn));
      if (this.session.takeSidebarRequest()) this.sidebarVersion++;
      // Setup may switch the language: Sheets would show the new menu on the next open.
      if (fn.startsWith('menuSetup')) this.refreshMenu();
      return r.ok;
    });
  }

  fireTrigger(which: { uid: string } | { handler: string }): Promise<boolean> {
    return this.mutate(() => {
      const name =
        'uid' in which
          ? (listTriggers(this.session).find((t) => t.uid === which.uid)?.handler ?? which.uid)
          : which.handler;
      return this.execute('trigger', name, () => fireTrigger(this.session, which)).ok;
    });
  }

  /** A Google Form response: appended to the responses sheet, then onFormSubmit's trigger runs. */
  submitForm(answers: Record<string, string>): Promise<boolean> {
    return this.mutate(
      () => this.execute('trigger', 'onFormSubmit', () => submitForm(this.session, answers)).ok,
    );
  }

  setUser(email: string): Promise<string> {
    return this.mutate(() => {
      this.session.setUser(email.trim().toLowerCase());
      return this.session.user;
    });
  }

  setClock(at: number): Promise<number> {
    return this.mutate(() => {
      this.session.emulator.clock.set(at);
      return at;
    });
  }

  setClockWall(wall: string): Promise<number> {
    return this.setClock(parseWallTime(wall, this.timeZone));
  }

  advanceClock(ms: number): Promise<number> {
    return this.mutate(() => {
      this.session.emulator.clock.advance(ms);
      return this.session.emulator.clock.now();
    });
  }

  /** Waits for pending changes and their saves (before closing). */
  async flush(): Promise<void> {
    await this.queue;
    while (this.saving) await this.saving;
  }

  private async save(): Promise<void> {
    try {
      await saveSession(this.session, this.workbookPath);
      this.savedAt = Date.now();
      this.saveError = null;
    } catch (e) {
      this.saveError = (e as Error).message;
    }
  }

  private pickDefaultUser(): void {
    const users = this.users();
    const head = users.find((u) => u.role === 'head') ?? users[0];
    if (head && !users.some((u) => u.email === this.session.user)) this.session.setUser(head.email);
  }

  private refreshMenu(): void {
    const items = menuFromUi(this.session);
    if (items.length) this.menu = items;
  }
}

function roleOf(text: string): string {
  const n = normalizeHeader(text);
  if (/^(director|директор)/.test(n)) return 'director';
  if (/^(head|роп|руководитель)/.test(n)) return 'head';
  return n ? 'manager' : '';
}

/** Services whose calls never change what is saved (locks, cache, logs, utilities...). */
const TRANSIENT =
  /^(LockService|Lock|CacheService|Cache|Logger|Utilities|Session|HtmlService|HtmlOutput|HtmlTemplate|Blob)\./;

/** Whether an execution's service calls were all reads (so the workbook file is still current). */
export function onlyReads(calls: Record<string, number>): boolean {
  return Object.keys(calls).every(
    (k) => TRANSIENT.test(k) || /\.(get|is|has|find)[A-Z]?\w*$/.test(k),
  );
}

const CHECKBOX = 'CHECKBOX' as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;

function dataValidations(
  range: GoogleAppsScript.Spreadsheet.Range,
): Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>> | null {
  try {
    return range.getDataValidations();
  } catch {
    return null;
  }
}

function filterOf(sheet: GoogleAppsScript.Spreadsheet.Sheet): SheetPage['filter'] {
  const range = sheet.getFilter()?.getRange();
  return range
    ? { row: range.getRow(), col: range.getColumn(), cols: range.getNumColumns() }
    : null;
}

function columnWidth(sheet: GoogleAppsScript.Spreadsheet.Sheet, col: number): number {
  try {
    const w = sheet.getColumnWidth(col);
    return w > 0 ? w : DEFAULT_WIDTH;
  } catch {
    return DEFAULT_WIDTH;
  }
}
