/**
 * `npm run local -- [options] FUNCTION [ARGS...]`: one Apps Script execution of a top-level
 * function of dist/Code.js against a workbook file, like `clasp run-function` but offline.
 * stdout carries only the JSON result (so it pipes into jq); everything else goes to stderr.
 * As in Apps Script, what the function wrote before failing stays written: the workbook is saved
 * either way.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseA1, type A1Ref } from './a1';
import { parseArgValue, parseRunnerArgs, USAGE, UsageError, type RunnerOptions } from './args';
import { callsBetween, formatCalls } from './calls';
import { toEml } from './eml';
import {
  createSession,
  openSession,
  saveSession,
  WorkbookFileError,
  type BridgeSession,
} from '../playground/bridge';
import { parseWallTime, wallMs } from '../playground/wall-time';

const ROOT = path.resolve(__dirname, '../..');

/** Names the bundle marks @customfunction (their JSDoc sits right above the stub). */
export function customFunctionNames(code: string): Set<string> {
  const names = new Set<string>();
  const re = /\/\*\*((?:[^*]|\*(?!\/))*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    if (/@customfunction\b/.test(m[1])) names.add(m[2]);
  }
  return names;
}

function rangeValues(session: BridgeSession, ref: A1Ref, text: string): unknown {
  const ss = session.emulator.spreadsheet;
  const sheet = ss.getSheetByName(ref.sheet);
  if (!sheet) throw new UsageError(`${text}: there is no sheet "${ref.sheet}".`);
  const lastRow = ref.lastRow ?? Math.max(sheet.getLastRow(), ref.row);
  const lastCol = ref.lastCol ?? Math.max(sheet.getLastColumn(), ref.col);
  const values = sheet
    .getRange(ref.row, ref.col, lastRow - ref.row + 1, lastCol - ref.col + 1)
    .getValues();
  return ref.single ? values[0][0] : values;
}

/**
 * A custom function's argument as a cell would pass it: an A1 reference becomes its values, a date
 * typed as 2026-11-27 or 27.11.2026 becomes a Date (midnight in the spreadsheet's zone), anything
 * else is JSON or text.
 */
function customArg(session: BridgeSession, text: string): unknown {
  const ref = parseA1(text);
  if (ref) return rangeValues(session, ref, text);
  if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}\.\d{1,2}\.\d{4}$/.test(text.trim())) {
    return new Date(parseWallTime(text, session.emulator.spreadsheet.getSpreadsheetTimeZone()));
  }
  return parseArgValue(text);
}

/** JSON of a result: Dates as ISO strings (the vm realm's Dates fail instanceof here). */
function toJson(value: unknown): string {
  const text = JSON.stringify(
    value === undefined ? null : value,
    function (this: unknown, key: string, v: unknown) {
      const raw = (this as Record<string, unknown>)[key];
      if (Object.prototype.toString.call(raw) === '[object Date]')
        return new Date((raw as Date).getTime()).toISOString();
      return v;
    },
    2,
  );
  return text ?? 'null';
}

async function writeOutbox(
  session: BridgeSession,
  from: number,
  dir: string,
  sender: string,
): Promise<string[]> {
  const mails = session.emulator.outbox.slice(from);
  if (!mails.length) return [];
  await fs.mkdir(dir, { recursive: true });
  const tz = session.emulator.spreadsheet.getSpreadsheetTimeZone();
  const files: string[] = [];
  for (let i = 0; i < mails.length; i++) {
    const m = mails[i];
    const n = from + i + 1;
    const stamp = new Date(wallMs(m.at, tz))
      .toISOString()
      .slice(0, 16)
      .replace(/[-:]/g, '')
      .replace('T', '-');
    const to = m.to
      .split(',')[0]
      .trim()
      .replace(/[^\w.@-]+/g, '_')
      .slice(0, 60);
    const file = path.join(dir, `${String(n).padStart(4, '0')}-${stamp}-${to}.eml`);
    const eml = toEml(m, {
      from: m.from || sender || 'rop-desk@localhost',
      messageId: `${m.at}.${n}@rop-desk.local`,
    });
    await fs.writeFile(file, eml);
    files.push(file);
  }
  return files;
}

export async function runCli(
  argv: string[],
  io = { out: process.stdout, err: process.stderr },
): Promise<number> {
  let o: RunnerOptions;
  try {
    o = parseRunnerArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err.write(`${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (o.help) {
    io.out.write(`${USAGE}\n`);
    return 0;
  }
  const bundleDir = path.join(ROOT, 'dist');
  const file = path.resolve(o.workbook);
  let code: string;
  try {
    code = readFileSync(path.join(bundleDir, 'Code.js'), 'utf8');
  } catch {
    io.err.write('dist/Code.js is missing: run npm run build.\n');
    return 2;
  }
  if (!new RegExp(`^function ${o.fn}\\s*\\(`, 'm').test(code)) {
    io.err.write(`dist/Code.js has no top-level function ${o.fn}.\n`);
    return 2;
  }
  let session: BridgeSession;
  try {
    session =
      (await openSession(file, bundleDir, { allowMissing: true })) ??
      createSession(bundleDir, Date.now());
  } catch (e) {
    if (e instanceof WorkbookFileError) {
      io.err.write(`${e.message}\n`);
      return 3;
    }
    throw e;
  }
  const tz = session.emulator.spreadsheet.getSpreadsheetTimeZone();
  if (o.user !== null) session.setUser(o.user);
  if (o.now !== null) {
    try {
      session.emulator.clock.set(parseWallTime(o.now, tz));
    } catch (e) {
      io.err.write(`--now: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const custom = customFunctionNames(code).has(o.fn);
  let args: unknown[];
  try {
    args = o.args.map((a) => (custom ? customArg(session, a) : parseArgValue(a)));
  } catch (e) {
    io.err.write(`${(e as Error).message}\n`);
    return 2;
  }
  const outboxBefore = session.emulator.outbox.length;
  // Taken after the arguments are read: the ranges a custom function gets cost it no call.
  const callsBefore = session.emulator.calls.byMethod();
  let value: unknown;
  let failure: Error | null = null;
  try {
    if (custom) value = session.project.customFunction(o.fn, args);
    else if (o.rpc) value = session.rpc(o.fn, args);
    else value = session.project.run(o.fn, args, { authMode: o.authMode, user: session.user });
  } catch (e) {
    failure = e instanceof Error ? e : new Error(String(e));
  }
  if (o.calls) {
    const made = callsBetween(callsBefore, session.emulator.calls.byMethod());
    io.err.write(formatCalls(o.fn, made));
  }
  const outboxDir = path.resolve(o.outbox ?? path.join(path.dirname(file), 'outbox'));
  const files = await writeOutbox(session, outboxBefore, outboxDir, session.user);
  for (const f of files) io.err.write(`sent: ${path.relative(process.cwd(), f)}\n`);
  if (o.save && !custom) {
    await saveSession(session, file);
    io.err.write(`saved: ${path.relative(process.cwd(), file) || file}\n`);
  }
  if (failure) {
    io.err.write(`${o.fn} failed: ${failure.message}\n`);
    return 1;
  }
  io.out.write(`${toJson(value)}\n`);
  return 0;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
