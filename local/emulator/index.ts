/**
 * The offline Apps Script emulator: createEmulator() builds one spreadsheet with its bound
 * script's services (SpreadsheetApp, PropertiesService, LockService, CacheService, MailApp,
 * ScriptApp, Session, Utilities, HtmlService, Logger, console) on a controllable clock.
 * The harness (local/harness) runs the built bundle against `emulator.globals()`.
 * See README.md next to this file for the model and the known gaps.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createClock, type Clock } from './clock';
import { makeZonedDate } from './date';
import { formatDate } from './format-date';
import { readState, restore, saveTo, sidecarOf, type Internals } from './persist/io';
import { emailVisible, type Identity } from './identity';
import { Runtime, type InterleaveOptions, type Execution } from './runtime';
import { CacheService, CacheStores } from './services/cache';
import { HtmlService } from './services/html';
import { LockService, LockTable } from './services/lock';
import { LogBook, Logger, makeConsole, type LogEntry } from './services/logger';
import { MailApp, MailState, type SentMail } from './services/mail';
import { PropertiesService, PropertyStores } from './services/properties';
import { ScriptApp, type ScriptState } from './services/script-app';
import { Session } from './services/session';
import { clockEvent, nextFire, type TriggerRec } from './services/triggers';
import { Utilities } from './services/utilities';
import { SpreadsheetApp } from './spreadsheet/app';
import { ChartType } from './spreadsheet/charts';
import { Spreadsheet } from './spreadsheet/spreadsheet';
import { UiLog } from './spreadsheet/ui';

export type { AuthModeName, ExecutionKind, Execution, InterleaveOptions } from './runtime';
export type { SentMail } from './services/mail';
export type { TriggerRec } from './services/triggers';
export type { MenuSpec, MenuEntry, HtmlShown, AlertShown } from './spreadsheet/ui';
export type { LogEntry } from './services/logger';
export { MSG } from './errors';
export { emailVisible, type Identity } from './identity';
export { formatDate } from './format-date';
export { WorkbookFormatError, sidecarOf } from './persist/io';

export interface EmulatorOptions {
  /** The controllable clock (default 2026-11-27T09:00:00+03:00). */
  now?: Date | number;
  /** Default 'Europe/Moscow'. */
  spreadsheetTimeZone?: string;
  /** Default: appsscript.json's timeZone ('Europe/Moscow'). */
  scriptTimeZone?: string;
  /** Session.getActiveUser().getEmail(); '' allowed. Default 'head@example.com'. */
  activeUser?: string;
  /** Email recipients per day: 100 (consumer, default) or 1500 (Workspace). */
  mailQuota?: number;
  spreadsheetName?: string;
  /** Where HtmlService finds NAME.html (default: dist/ of the repository). */
  htmlDir?: string;
  /** The manifest's oauthScopes; calls needing a missing scope are refused. Default: appsscript.json. */
  oauthScopes?: string[] | null;
  /** Editor add-on rules: no active document in time-driven triggers, one trigger of each type
   * per user and document, clock triggers at most hourly. Default false (container-bound). */
  addon?: boolean;
  /** The container-bound script project's name: the title of createAddonMenu's sub-menu under
   * Extensions when not an add-on. Default 'Untitled project' (what Extensions > Apps Script
   * creates); an add-on's sub-menu carries the add-on's name instead. */
  projectName?: string;
  /** Print Logger/console output to stderr as well as recording it. */
  printLogs?: boolean;
  /** The spreadsheet's id (default a fixed fake id). */
  spreadsheetId?: string;
  /** The script's and spreadsheet's owner (default: the initial active user). */
  owner?: string;
  /** True (default): users are in the owner's Workspace domain. False: consumer accounts or
   * another domain: simple triggers see '' for everyone but the owner, and domain-editable
   * protections admit only their listed editors. */
  sameDomain?: boolean;
}

/** Runs bundle functions for the emulator (installed by the harness). */
export interface ExecutionRunner {
  fireTrigger(trigger: TriggerRec, event: Record<string, unknown>): unknown;
}

export interface CallCounter {
  byMethod(): Record<string, number>;
  /** Calls whose name is `prefix` or starts with it ('Range', 'Range.get', 'Range.getValues'). */
  count(prefix?: string): number;
  reset(): void;
}

export interface Emulator {
  readonly clock: Clock;
  /** The active spreadsheet, typed as Apps Script's. */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The same spreadsheet with the emulator's internals (save/load, tests of the emulator). */
  readonly workbook: Spreadsheet;
  /** SpreadsheetApp for test code outside executions (builders, enums). */
  readonly app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly calls: CallCounter;
  readonly outbox: SentMail[];
  readonly ui: UiLog;
  readonly logs: LogEntry[];
  readonly toasts: Spreadsheet['_toasts'];
  readonly activeUser: string;
  readonly scriptTimeZone: string;
  readonly properties: {
    readonly document: Map<string, string>;
    readonly script: Map<string, string>;
    user(email: string): Map<string, string>;
  };
  readonly mail: {
    quota: number;
    bodyLimit: number;
    /** Recipients left today (what getRemainingDailyQuota returns). */
    remaining(): number;
  };
  readonly triggers: {
    list(): ReadonlyArray<Readonly<TriggerRec>>;
    /** Fake ms of the next time-driven firing, or null. */
    nextDue(): number | null;
  };
  readonly runtime: Runtime;
  setActiveUser(email: string): void;
  /** The owner and whether users share the owner's Workspace domain (see EmulatorOptions). */
  readonly identity: Readonly<Identity>;
  setSameDomain(same: boolean): void;
  /** The email a simple trigger's event `user` carries for `email` ('' outside the domain). */
  simpleTriggerEmail(email: string): string;
  setAuthorizationRequired(required: boolean): void;
  /** What `user` granted on the granular consent screen (full scope URLs); null (default) =
   * every scope the manifest asks for. Calls needing an ungranted scope are refused, and
   * ScriptApp.getAuthorizationInfo(FULL, scopes) reports REQUIRED and the granted subset. */
  grantScopes(user: string, scopes: string[] | null): void;
  /** Simulated cost in fake ms per call ('Range.setValue': 50) or for every call ('*'). */
  setLatency(costs: Record<string, number>): void;
  /** Runs `fn` (typically another project.run) at the moment the current execution calls
   * `method` (e.g. 'Range.getValues'); see README "Interleaving". */
  interleave(method: string, fn: () => void, opts?: InterleaveOptions): void;
  /** Fires a time-driven (or any installable) trigger now, as Google would. */
  fireTimeTrigger(uid: string): unknown;
  /** Advances the clock to `until`, firing every time-driven trigger due on the way in order. */
  runDueTriggers(until: Date | number): Array<{ uid: string; at: number; error?: string }>;
  /** The global object names an execution sees, built for one execution. */
  globals(exec?: Execution): Record<string, unknown>;
  attach(runner: ExecutionRunner): void;
  /** The manifest's scopes (the harness passes dist/appsscript.json's); null = no check. */
  setOAuthScopes(scopes: string[] | null): void;
  /** The globals template scriptlets see (the running execution's). */
  setTemplateScope(scope: object | null): void;
  /** The Date constructor executions see (script zone, fake now), for a realm's Date. */
  makeDate(Base: DateConstructor): DateConstructor;
  /** Writes the workbook to `xlsx` and the rest of the state to `sidecar` (NAME.state.json). */
  save(xlsx: string, sidecar?: string): Promise<void>;
  formatDate(date: Date | number, timeZone: string, pattern: string): string;
}

/** createAddonMenu's title for a published add-on: its name, whatever the file is called. */
const ADDON_NAME = 'ROP Desk';
const UNTITLED_PROJECT = 'Untitled project';
const DEFAULT_NOW = Date.parse('2026-11-27T09:00:00+03:00');
export const SPREADSHEET_ID = '1RoPDeskEmuLatedSpreadsheet0000000000000000';
export const SCRIPT_ID = '1RoPDeskEmuLatedScript000000000000000000000000000000000';

interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
}

function readManifest(): Manifest {
  const candidates = [
    path.resolve(__dirname, '../../appsscript.json'),
    path.resolve(process.cwd(), 'appsscript.json'),
  ];
  for (const file of candidates) {
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
      } catch {
        return {};
      }
    }
  }
  return {};
}

export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  return build(opts).emulator;
}

/** Reads a workbook saved by `save` (or any .xlsx: without a sidecar, defaults fill the rest). */
export async function loadEmulator(
  xlsx: string,
  sidecar: string = sidecarOf(xlsx),
  opts: EmulatorOptions = {},
): Promise<Emulator> {
  const state = await readState(sidecar);
  const { emulator, internals } = build({
    now: state?.clock,
    spreadsheetTimeZone: state?.spreadsheet.timeZone,
    scriptTimeZone: state?.scriptTimeZone,
    activeUser: state?.activeUser,
    spreadsheetName: state?.spreadsheet.name,
    spreadsheetId: state?.spreadsheet.id,
    addon: state?.addon,
    ...opts,
  });
  await restore(internals, xlsx, state);
  return emulator;
}

/** `Emulator.load(file)`: the same as loadEmulator. */
export const Emulator = { load: loadEmulator };

function build(opts: EmulatorOptions): { emulator: Emulator; internals: Internals } {
  const manifest = readManifest();
  const clock = createClock(opts.now ?? DEFAULT_NOW);
  let scopes: string[] | null =
    opts.oauthScopes === undefined ? (manifest.oauthScopes ?? null) : opts.oauthScopes;
  const rt = new Runtime(clock, () => scopes);
  let activeUser = opts.activeUser ?? 'head@example.com';
  rt.identity = { owner: opts.owner ?? activeUser, sameDomain: opts.sameDomain ?? true };
  const scriptTimeZone = opts.scriptTimeZone ?? manifest.timeZone ?? 'Europe/Moscow';
  const book = new Spreadsheet(
    rt,
    opts.spreadsheetId ?? SPREADSHEET_ID,
    opts.spreadsheetName ?? 'ROP Desk',
    opts.spreadsheetTimeZone ?? 'Europe/Moscow',
  );
  book._addSheet('Лист1', undefined, 0);
  const ui = new UiLog();
  const logBook = new LogBook();
  logBook.print = Boolean(opts.printLogs);
  const stores = new PropertyStores();
  const caches = new CacheStores();
  const locks = new LockTable(rt);
  const mail = new MailState();
  mail.quota = opts.mailQuota ?? 100;
  const script: ScriptState = {
    triggers: [],
    nextUid: 1001,
    scriptId: SCRIPT_ID,
    scriptTimeZone,
    docId: book._id,
    addon: Boolean(opts.addon),
    authorizationRequired: false,
  };
  rt.authorizationRequired = () => script.authorizationRequired;
  const grants = new Map<string, string[]>();
  rt.granted = (user) => grants.get(user.toLowerCase()) ?? null;
  const htmlDir = opts.htmlDir ?? path.resolve(__dirname, '../../dist');
  let runner: ExecutionRunner | null = null;
  let htmlScope: object | null = null;

  const hasActiveDoc = (): boolean => {
    const ex = rt.exec;
    return !(script.addon && ex !== null && ex.kind === 'trigger');
  };

  const services = {
    SpreadsheetApp: new SpreadsheetApp(
      rt,
      book,
      ui,
      opts.addon ? ADDON_NAME : (opts.projectName ?? UNTITLED_PROJECT),
      hasActiveDoc,
    ),
    PropertiesService: new PropertiesService(rt, stores),
    LockService: new LockService(rt, locks, () => (hasActiveDoc() ? book._id : null)),
    CacheService: new CacheService(rt, caches),
    MailApp: new MailApp(rt, mail),
    ScriptApp: new ScriptApp(rt, script, () => scopes),
    Session: new Session(
      rt,
      () => scriptTimeZone,
      () => activeUser,
    ),
    Utilities: new Utilities(rt),
    HtmlService: new HtmlService(
      rt,
      () => htmlDir,
      () => htmlScope,
    ),
    Logger: new Logger(rt, logBook, () => scriptTimeZone),
  };
  const Charts = { ChartType };
  const consoleObj = makeConsole(logBook, () => clock.now());

  const fire = (rec: TriggerRec, at: number): unknown => {
    if (!runner)
      throw new Error('No project is attached to this emulator: use loadProject({ emulator })');
    const event =
      rec.eventType === 'CLOCK'
        ? clockEvent(rec.uid, at)
        : { authMode: 'FULL', triggerUid: rec.uid };
    return runner.fireTrigger(rec, event);
  };

  const emulator: Emulator = {
    clock,
    spreadsheet: book as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    workbook: book,
    app: services.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    calls: {
      byMethod: () => Object.fromEntries(rt.counts),
      count(prefix?: string) {
        // 'Range' counts every Range method, 'Range.get' every getter, 'Range.getValues' one.
        const match = (k: string) =>
          !prefix || k === prefix || k.startsWith(prefix.includes('.') ? prefix : `${prefix}.`);
        let n = 0;
        for (const [k, v] of rt.counts) if (match(k)) n += v;
        return n;
      },
      reset: () => rt.counts.clear(),
    },
    get outbox() {
      return mail.outbox;
    },
    ui,
    get logs() {
      return logBook.entries;
    },
    toasts: book._toasts,
    get activeUser() {
      return activeUser;
    },
    scriptTimeZone,
    properties: {
      document: stores.document,
      script: stores.script,
      user: (email) => stores.userStore(email),
    },
    mail: {
      get quota() {
        return mail.quota;
      },
      set quota(n: number) {
        mail.quota = n;
      },
      get bodyLimit() {
        return mail.bodyLimit;
      },
      set bodyLimit(n: number) {
        mail.bodyLimit = n;
      },
      remaining: () => mail.remaining(clock.now()),
    },
    triggers: {
      list: () => script.triggers,
      nextDue: () => {
        let best: number | null = null;
        for (const t of script.triggers)
          if (t.nextAt !== null && (best === null || t.nextAt < best)) best = t.nextAt;
        return best;
      },
    },
    runtime: rt,
    setActiveUser(email) {
      activeUser = email;
    },
    get identity() {
      return rt.identity;
    },
    setSameDomain(same) {
      rt.identity = { ...rt.identity, sameDomain: same };
    },
    simpleTriggerEmail: (email) => (emailVisible(rt.identity, email) ? email : ''),
    setAuthorizationRequired(required) {
      script.authorizationRequired = required;
    },
    grantScopes(user, granted) {
      if (granted === null) grants.delete(user.toLowerCase());
      else grants.set(user.toLowerCase(), [...granted]);
    },
    setLatency(costs) {
      for (const [k, v] of Object.entries(costs)) {
        if (k === '*') rt.defaultLatency = v;
        else rt.latency[k] = v;
      }
    },
    interleave: (method, fn, o) => rt.interleave(method, fn, o),
    fireTimeTrigger(uid) {
      const rec = script.triggers.find((t) => t.uid === uid);
      if (!rec) throw new Error(`No trigger with uid ${uid}`);
      return fire(rec, clock.now());
    },
    runDueTriggers(until) {
      const end = typeof until === 'number' ? until : until.getTime();
      const fired: Array<{ uid: string; at: number; error?: string }> = [];
      for (;;) {
        let next: TriggerRec | null = null;
        for (const t of script.triggers)
          if (
            t.nextAt !== null &&
            t.nextAt <= end &&
            (next === null || (t.nextAt as number) < (next.nextAt as number))
          )
            next = t;
        if (!next || next.nextAt === null) break;
        const at = next.nextAt;
        if (at > clock.now()) clock.set(at);
        next.nextAt = next.schedule ? nextFire(next.schedule, next.created, at) : null;
        try {
          fire(next, at);
          fired.push({ uid: next.uid, at });
        } catch (e) {
          fired.push({ uid: next.uid, at, error: e instanceof Error ? e.message : String(e) });
        }
        if (next.schedule?.kind === 'at')
          script.triggers = script.triggers.filter((t) => t !== next);
      }
      if (end > clock.now()) clock.set(end);
      return fired;
    },
    globals() {
      return { ...services, Charts, console: consoleObj };
    },
    attach(r) {
      runner = r;
    },
    setOAuthScopes(s) {
      scopes = s;
    },
    setTemplateScope(s) {
      htmlScope = s;
    },
    makeDate: (Base) => makeZonedDate(Base, scriptTimeZone, () => clock.now()),
    save: (xlsx, sidecar) => saveTo(internals, xlsx, sidecar ?? sidecarOf(xlsx)),
    formatDate: (date, tz, pattern) =>
      formatDate(typeof date === 'number' ? date : date.getTime(), tz, pattern),
  };
  const internals: Internals = {
    book,
    stores,
    caches,
    mail,
    script,
    clock,
    activeUser: () => activeUser,
    scriptTimeZone,
  };
  return { emulator, internals };
}
