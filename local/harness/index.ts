/**
 * Loads the built bundle (dist/Code.js) into node:vm and runs its functions as Apps Script does:
 * every execution gets a fresh global context (the bundle is compiled once and re-evaluated),
 * the emulator's services as globals, a Date in the script's time zone on the fake clock, and
 * the restrictions of its kind (menu/editor run, google.script.run, custom function, simple or
 * installable trigger). A service call while the bundle loads fails the load.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createEmulator, type Emulator, type TriggerRec } from '../emulator';
import { constructibleDate } from '../emulator/date';
import { GasError, MSG } from '../emulator/errors';
import type { AuthModeName, Execution, ExecutionKind } from '../emulator/runtime';
import { Blob } from '../emulator/services/utilities';
import type { Range } from '../emulator/spreadsheet/range';
import type { Sheet } from '../emulator/spreadsheet/sheet';
import { serialOf } from '../emulator/spreadsheet/values';
import { isCallableName, serializeArgs, serializeResult } from './bridge';
import { vmRealm } from './realm';

export { serializeArgs, serializeResult, isCallableName, IllegalValueError } from './bridge';

export interface LoadOptions {
  /** Default: dist/Code.js of this repository. */
  bundlePath?: string;
  emulator?: Emulator;
}

export interface RunOptions {
  user?: string;
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
}

/** A file chosen in a form's file input. */
export interface FormFile {
  name: string;
  type: string;
  content: string | Uint8Array;
}

export interface EditOptions {
  user?: string;
}

export interface Project {
  readonly emulator: Emulator;
  /** Top-level function names of the bundle (what google.script.run could reach). */
  readonly publicFunctions: ReadonlyArray<string>;
  /** Service calls made by the last execution. */
  readonly lastCalls: Record<string, number>;
  /** Range.getValues calls per sheet made by the last execution. */
  readonly lastReads: Record<string, number>;
  /** One execution of a top-level function (menu item / editor run): FULL by default; with
   * NONE or LIMITED it runs as a simple trigger would (30 s, no consent-needing services). */
  run(name: string, args?: unknown[], opts?: RunOptions): unknown;
  /** google.script.run: serialised arguments and result, `_` names and unknown names refused. */
  rpc(name: string, args?: unknown[], opts?: { user?: string }): unknown;
  /** google.script.run with a `<form>` as the sole argument: the server gets an object of the
   * form's fields, file inputs as Blobs (`{ name, type, content }` here, content a string or
   * bytes). Other rules as for `rpc`. */
  rpcForm(
    name: string,
    fields: Record<string, string | FormFile>,
    opts?: { user?: string },
  ): unknown;
  /** A cell calling a custom function: read-only Sheets, no MailApp/ScriptApp, user ''. */
  customFunction(name: string, args?: unknown[]): unknown;
  /** Opening the spreadsheet: simple onOpen (default LIMITED) then installable ON_OPEN triggers. */
  open(opts?: RunOptions): void;
  /** A person typing into cells: stores the text as typed, then fires simple onEdit (LIMITED)
   * and installable ON_EDIT triggers with Google's event object. */
  edit(sheetName: string, a1: string, typed: string | string[][], opts?: EditOptions): void;
  /** A Google Form response landing in `sheetName`: appends the row (timestamp first) and
   * fires the installable ON_FORM_SUBMIT triggers. */
  submitForm(sheetName: string, answers: Record<string, string>): Record<string, unknown>;
  /** Delivers a form-submit event (one `submitForm` returned, or a changed copy) to the
   * installable ON_FORM_SUBMIT triggers again: a doubled trigger, a retried execution or
   * Google's occasional second, blank event. */
  deliverFormEvent(event: Record<string, unknown>): void;
  /** Fires an installable trigger by uid, as its owner, with its event object. */
  fireTrigger(uid: string): unknown;
}

const ROOT = path.resolve(__dirname, '../..');

interface Compiled {
  key: string;
  script: vm.Script;
}
const compiled = new Map<string, Compiled>();

/** Compiling a 500 KB bundle costs tens of ms: do it once per file version. */
function compile(bundlePath: string): vm.Script {
  const st = statSync(bundlePath);
  const key = `${st.mtimeMs}:${st.size}`;
  const hit = compiled.get(bundlePath);
  if (hit && hit.key === key) return hit.script;
  const script = new vm.Script(readFileSync(bundlePath, 'utf8'), { filename: bundlePath });
  compiled.set(bundlePath, { key, script });
  return script;
}

/** Errors from the vm realm fail `instanceof Error` here: re-create them in this realm. */
function hostError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (e && typeof e === 'object' && 'message' in e) {
    const src = e as { message: unknown; name?: unknown; stack?: unknown };
    const err = new Error(String(src.message));
    if (typeof src.name === 'string') err.name = src.name;
    if (typeof src.stack === 'string') err.stack = src.stack;
    (err as Error & { cause?: unknown }).cause = e;
    return err;
  }
  return new Error(String(e));
}

export function loadProject(opts: LoadOptions = {}): Project {
  const bundlePath = path.resolve(opts.bundlePath ?? path.join(ROOT, 'dist/Code.js'));
  if (!existsSync(bundlePath))
    throw new Error(`${bundlePath} does not exist: run \`npm run build\` first`);
  const script = compile(bundlePath);
  // Filled by the trial load below: the functions the bundle defines at top level.
  const publicFunctions: string[] = [];
  const emulator = opts.emulator ?? createEmulator({ htmlDir: path.dirname(bundlePath) });
  const manifestPath = path.join(path.dirname(bundlePath), 'appsscript.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { oauthScopes?: string[] };
    if (manifest.oauthScopes) emulator.setOAuthScopes(manifest.oauthScopes);
  }
  const rt = emulator.runtime;
  let lastCalls: Record<string, number> = {};
  let lastReads: Record<string, number> = {};
  let templateScope: Record<string, unknown> | null = null;

  function execute<T>(
    kind: ExecutionKind,
    authMode: AuthModeName,
    user: string,
    effectiveUser: string,
    body: (global: Record<string, unknown>, ex: Execution) => T,
  ): T {
    const context = vm.createContext({});
    const global = context as Record<string, unknown>;
    const RealmDate = vm.runInContext('Date', context) as DateConstructor;
    const ZonedDate = emulator.makeDate(RealmDate);
    const realm = vmRealm(context, constructibleDate(ZonedDate));
    Object.assign(global, emulator.globals(), { Date: ZonedDate });
    const ex = rt.begin({ kind, authMode, user, effectiveUser, realm });
    // Nested executions (interleave) restore the outer one's scope when they end.
    const outerScope = templateScope;
    templateScope = global;
    emulator.setTemplateScope(global);
    try {
      const loadError = () =>
        new Error(
          `Loading ${path.basename(bundlePath)} called ${ex.loadViolation}: Apps Script forbids service calls at load time`,
        );
      try {
        script.runInContext(context);
      } catch (e) {
        throw ex.loadViolation ? loadError() : hostError(e);
      }
      // Even when the bundle caught the refusal, loading it was wrong.
      if (ex.loadViolation) throw loadError();
      ex.phase = 'call';
      let result: T;
      try {
        result = body(global, ex);
      } catch (e) {
        if (ex.killed) throw new GasError(MSG.timeout);
        throw hostError(e);
      }
      // A kill cannot be caught by the script: the execution fails even if it swallowed it.
      if (ex.killed || rt.clock.now() - ex.started > ex.budgetMs) throw new GasError(MSG.timeout);
      return result;
    } finally {
      lastCalls = { ...ex.calls };
      lastReads = { ...ex.reads };
      rt.end(ex);
      templateScope = outerScope;
      emulator.setTemplateScope(outerScope);
    }
  }

  function callGlobal(
    global: Record<string, unknown>,
    name: string,
    args: unknown[],
    ex: Execution,
  ): unknown {
    const fn = global[name];
    if (typeof fn !== 'function' || !publicFunctions.includes(name))
      throw new GasError(MSG.functionNotFound(name));
    return (fn as (...a: unknown[]) => unknown)(...(ex.realm.value(args) as unknown[]));
  }

  const userOf = (u: string | undefined) => (u === undefined ? emulator.activeUser : u);
  const kindOf = (mode: AuthModeName): ExecutionKind => (mode === 'FULL' ? 'run' : 'simple');

  const book = emulator.workbook;
  const userObj = (email: string) => ({
    getEmail: () => email,
    getNickname: () => email.split('@')[0],
  });

  function fireInstallable(type: TriggerRec['eventType'], event: Record<string, unknown>): void {
    for (const t of [...emulator.triggers.list()])
      if (t.eventType === type && (t.sourceId === null || t.sourceId === book._id))
        fireRec(t, { ...event, triggerUid: t.uid, authMode: 'FULL' });
  }

  function fireRec(t: TriggerRec, event: Record<string, unknown>): unknown {
    return execute('trigger', 'FULL', t.owner, t.owner, (g, ex) =>
      callGlobal(g, t.handler, [event], ex),
    );
  }

  const project: Project = {
    emulator,
    publicFunctions,
    get lastCalls() {
      return lastCalls;
    },
    get lastReads() {
      return lastReads;
    },
    run(name, args = [], o = {}) {
      const mode = o.authMode ?? 'FULL';
      const user = userOf(o.user);
      return execute(kindOf(mode), mode, user, user, (g, ex) => callGlobal(g, name, args, ex));
    },
    rpc(name, args = [], o = {}) {
      if (!isCallableName(name, publicFunctions))
        throw new TypeError(`google.script.run.${name} is not a function`);
      const sent = serializeArgs(args);
      const user = userOf(o.user);
      const result = execute('rpc', 'FULL', user, user, (g, ex) => callGlobal(g, name, sent, ex));
      return serializeResult(result);
    },
    rpcForm(name, fields, o = {}) {
      if (!isCallableName(name, publicFunctions))
        throw new TypeError(`google.script.run.${name} is not a function`);
      // File inputs arrive as Blobs (made directly: the browser's upload is not a script call).
      const form: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields))
        form[k] = typeof v === 'string' ? v : new Blob(rt, Buffer.from(v.content), v.type, v.name);
      const user = userOf(o.user);
      const result = execute('rpc', 'FULL', user, user, (g, ex) => callGlobal(g, name, [form], ex));
      return serializeResult(result);
    },
    customFunction(name, args = []) {
      if (name.endsWith('_') || !publicFunctions.includes(name))
        throw new GasError(`Unknown function: '${name}'.`);
      const result = execute('custom', 'CUSTOM_FUNCTION', '', '', (g, ex) =>
        callGlobal(g, name, args, ex),
      );
      return result === undefined || result === null ? '' : rt.realm.value(result);
    },
    open(o = {}) {
      const mode = o.authMode ?? 'LIMITED';
      const user = userOf(o.user);
      if (publicFunctions.includes('onOpen')) {
        const event: Record<string, unknown> = {
          authMode: mode,
          // Google gives '' outside the owner's Workspace domain (consumer accounts included).
          user: userObj(mode === 'NONE' ? '' : emulator.simpleTriggerEmail(user)),
        };
        if (mode !== 'NONE') event.source = book;
        execute('simple', mode, user, user, (g, ex) => callGlobal(g, 'onOpen', [event], ex));
      }
      fireInstallable('ON_OPEN', { source: book, user: userObj(user) });
    },
    edit(sheetName, a1, typed, o = {}) {
      const sheet = book._sheet(sheetName) as Sheet | null;
      if (!sheet) throw new Error(`No sheet named ${sheetName}`);
      const range = sheet._rangeA1(a1) as Range;
      const values = typeof typed === 'string' ? [[typed]] : typed;
      const single = range._nr === 1 && range._nc === 1;
      const old = single ? sheet._cell(range._r, range._c) : '';
      const user = userOf(o.user);
      // Sheets refuses typing into a protected range the person may not edit; no onEdit fires.
      book._checkEditable(sheet, range._r, range._c, range._nr, range._nc, user);
      range._write(values, false);
      const event: Record<string, unknown> = {
        authMode: 'LIMITED',
        range,
        source: book,
        user: userObj(emulator.simpleTriggerEmail(user)),
      };
      if (single) {
        event.value = values[0][0];
        if (old !== '')
          // Text, as Google gives it; a date as its serial (days since 30.12.1899, wall time in
          // the file's zone), as the cell holds it (docs/emulator-fidelity.md).
          event.oldValue =
            typeof old === 'object' ? String(serialOf(old.getTime(), book._zone())) : String(old);
      }
      if (publicFunctions.includes('onEdit'))
        execute('simple', 'LIMITED', user, user, (g, ex) => callGlobal(g, 'onEdit', [event], ex));
      fireInstallable('ON_EDIT', event);
    },
    submitForm(sheetName, answers) {
      let sheet = book._sheet(sheetName) as Sheet | null;
      const questions = Object.keys(answers);
      if (!sheet) {
        sheet = book._addSheet(sheetName);
        sheet
          ._rangeA1(`A1:${String.fromCharCode(65 + questions.length)}1`)
          ._write([['Отметка времени', ...questions]], false);
      }
      const header = (sheet._values[0] ?? []).map(String);
      const now = new Date(rt.clock.now());
      const row: unknown[] = header.map((h, i) => (i === 0 ? now : (answers[h] ?? '')));
      const r = sheet._lastRow() + 1;
      if (r > sheet._maxRows) sheet._maxRows = r;
      const range = sheet._range(r, 1, 1, row.length);
      range._write([row], false);
      const stamp = emulator.formatDate(now, book._timeZone, 'dd.MM.yyyy H:mm:ss');
      const values = row.map((v, i) => (i === 0 ? stamp : String(v)));
      const namedValues: Record<string, string[]> = {};
      header.forEach((h, i) => (namedValues[h] = [values[i]]));
      const event = { range, values, namedValues, source: book };
      fireInstallable('ON_FORM_SUBMIT', event);
      return event;
    },
    deliverFormEvent(event) {
      fireInstallable('ON_FORM_SUBMIT', event);
    },
    fireTrigger(uid) {
      return emulator.fireTimeTrigger(uid);
    },
  };

  emulator.attach({
    fireTrigger: (t, event) => fireRec(t, event),
  });
  // Apps Script evaluates the bundle on every call; a bundle that calls a service while loading
  // is broken in every auth mode, so refuse it up front.
  execute('simple', 'NONE', '', '', (global) => {
    const injected = new Set(Object.keys(emulator.globals()).concat('Date'));
    for (const name of Object.getOwnPropertyNames(global))
      if (!injected.has(name) && typeof global[name] === 'function') publicFunctions.push(name);
  });
  return project;
}
