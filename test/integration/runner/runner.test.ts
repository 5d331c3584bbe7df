/**
 * `npm run local` end to end, as a user runs it (node scripts/local.mjs, a child process) on a
 * temporary workbook: set up the demo, call the sidebar's RPC as a given user, a custom function
 * with A1 ranges, a job that sends mail (.eml files), and the refusals (a foreign file, bad usage).
 * Needs `npm run build` first (`npm test` does it).
 */
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openSession } from '../../../local/playground/bridge';
import { sidecarPath } from '../../../local/playground/store';
import { MANAGERS } from '../../../src/core/workbook/schema';
import { mapHeaders } from '../../../src/core/workbook/headers';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/local.mjs');

let dir: string;
let workbook: string;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function local(...args: string[]): Promise<Result> {
  try {
    const r = await run(process.execPath, [SCRIPT, '--workbook', workbook, ...args], {
      cwd: ROOT,
      env: { ...process.env, TZ: 'UTC' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The head of sales of the demo workbook, read from the saved file as the runner left it. */
let headOfSales = '';

async function findHead(): Promise<string> {
  const s = await openSession(workbook, path.join(ROOT, 'dist'), { allowMissing: false });
  const sheet = s!.emulator.spreadsheet.getSheetByName(MANAGERS.ru)!;
  const values = sheet.getDataRange().getValues();
  const map = mapHeaders(values[0], MANAGERS.columns);
  const head = values.slice(1).find((r) => /^(роп|head|руковод)/i.test(String(r[map.index.role])));
  return String(head?.[map.index.email] ?? '').toLowerCase();
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rop-runner-'));
  workbook = path.join(dir, 'wb.xlsx');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('sets up the demo workbook in a new file and saves it with its state', async () => {
  const r = await local('--now', '2026-11-27T09:00', 'menuSetupDemo');
  expect(r.stderr).not.toMatch(/failed/);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toBeNull();
  expect(statSync(workbook).size).toBeGreaterThan(10_000);
  expect(readFileSync(workbook).readUInt32LE(0)).toBe(0x04034b50); // a zip: .xlsx
  const state = JSON.parse(readFileSync(sidecarPath(workbook), 'utf8')) as { playground: unknown };
  expect(state.playground).toMatchObject({ format: 'rop-desk-playground' });
  headOfSales = await findHead();
  expect(headOfSales).toContain('@');
}, 60_000);

test('calls the sidebar RPC as a chosen user and prints the result as JSON', async () => {
  // --rpc: as the sidebar calls it, through google.script.run's serialisation.
  const r = await local('--user', headOfSales, '--rpc', 'rpc', 'bootstrap', '{}');
  expect(r.code).toBe(0);
  const reply = JSON.parse(r.stdout) as {
    ok: boolean;
    data: { me: { email: string; role: string } };
  };
  expect(reply.ok).toBe(true);
  expect(reply.data.me).toMatchObject({ email: headOfSales, role: 'head' });
}, 60_000);

test('calls a custom function with A1 ranges resolved from the workbook', async () => {
  const r = await local('SALES_AGING', 'Счета!A1:J500', '2026-11-27');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const table = JSON.parse(r.stdout) as unknown[][];
  expect(Array.isArray(table)).toBe(true);
  expect(table.length).toBeGreaterThan(1);
  expect(table[0].length).toBeGreaterThan(2);

  // A custom function on a workbook that does not exist yet: nothing to load, nothing saved.
  const scratch = path.join(dir, 'scratch.xlsx');
  const phone = await run(
    process.execPath,
    [SCRIPT, '-w', scratch, 'PHONE_RU', '"8 (916) 123-45-67"'],
    {
      cwd: ROOT,
    },
  );
  expect(JSON.parse(phone.stdout)).toBe('+79161234567');
  expect(existsSync(scratch)).toBe(false);
}, 60_000);

/** The `--calls` table from stderr: method -> count, and the printed total. */
function printedCalls(
  stderr: string,
  fn: string,
): { byMethod: Record<string, number>; total: number } {
  const block = stderr.split(`service calls of ${fn}:\n`)[1];
  expect(block).toBeDefined();
  const byMethod: Record<string, number> = {};
  let total = -1;
  for (const line of block.split('\n')) {
    const m = /^ {2}(\S+) +(\d+)$/.exec(line);
    if (!m) break;
    if (m[1] === 'total') total = Number(m[2]);
    else byMethod[m[1]] = Number(m[2]);
  }
  return { byMethod, total };
}

test('--calls prints the service calls of the execution by method, as the harness counts them', async () => {
  const r = await local(
    '--user',
    headOfSales,
    '--calls',
    '--no-save',
    '--rpc',
    'rpc',
    'today',
    '{}',
  );
  expect(r.code).toBe(0);
  expect((JSON.parse(r.stdout) as { ok: boolean }).ok).toBe(true);
  const { byMethod, total } = printedCalls(r.stderr, 'rpc');
  expect(byMethod['Range.getValues']).toBeGreaterThan(0);
  expect(total).toBe(Object.values(byMethod).reduce((a, b) => a + b, 0));
  // The same call in this process, counted by the harness's per-execution counter.
  const s = (await openSession(workbook, path.join(ROOT, 'dist'), { allowMissing: false }))!;
  s.setUser(headOfSales);
  s.rpc('rpc', ['today', {}]);
  expect(byMethod).toEqual(s.project.lastCalls);

  // A custom function's ranges are read by the runner before the execution: they cost it nothing.
  const phone = await local('--calls', 'PHONE_RU', 'Счета!A1:B20');
  expect(phone.code).toBe(0);
  expect(printedCalls(phone.stderr, 'PHONE_RU')).toEqual({ byMethod: {}, total: 0 });
}, 60_000);

test('writes the mail a job sends as .eml files and saves the workbook back', async () => {
  const before = statSync(workbook).mtimeMs;
  const outbox = path.join(dir, 'outbox');
  const r = await local(
    '--user',
    headOfSales,
    '--now',
    '2026-12-01T09:30',
    '--outbox',
    outbox,
    'menuRunRemindersNow',
  );
  expect(r.code).toBe(0);
  const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
  expect(files.length).toBeGreaterThan(0);
  expect(r.stderr).toContain('sent: ');
  const eml = readFileSync(path.join(outbox, files[0]), 'utf8');
  const [head1] = eml.split('\r\n\r\n');
  expect(head1).toMatch(/^From: .*<[^>]+@[^>]+>|^From: [^\s]+@/m);
  expect(head1).toMatch(/^To: \S+@\S+/m);
  expect(head1).toMatch(/^Subject: =\?UTF-8\?B\?/m);
  expect(head1).toMatch(/^Date: \w{3}, \d{2} \w{3} 2026 \d{2}:\d{2}:\d{2} \+0000$/m);
  expect(head1).toContain('multipart/alternative');
  const boundary = /boundary="([^"]+)"/.exec(head1)![1];
  const parts = eml.split(`--${boundary}`);
  const decode = (part: string) =>
    Buffer.from(part.split('\r\n\r\n')[1].replace(/\r\n/g, ''), 'base64').toString('utf8');
  expect(parts[1]).toContain('text/plain; charset=UTF-8');
  expect(parts[2]).toContain('text/html; charset=UTF-8');
  expect(decode(parts[2])).toMatch(/<[a-z]/i);
  expect(decode(parts[1]).length).toBeGreaterThan(20);
  // Saved back: the file changed and the emails are in the saved outbox.
  expect(statSync(workbook).mtimeMs).toBeGreaterThan(before);
  const saved = JSON.parse(readFileSync(sidecarPath(workbook), 'utf8')) as {
    outbox: Array<{ subject: string; at: number }>;
    clock: number;
  };
  expect(saved.outbox.length).toBeGreaterThanOrEqual(files.length);
  expect(saved.clock).toBe(Date.parse('2026-12-01T09:30:00+03:00'));
}, 60_000);

test('refuses a foreign or damaged file and leaves it untouched', async () => {
  const foreign = path.join(dir, 'foreign.xlsx');
  writeFileSync(foreign, 'not a spreadsheet');
  const r = await run(process.execPath, [SCRIPT, '--workbook', foreign, 'menuSetupDemo'], {
    cwd: ROOT,
  }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  );
  expect(r.code).toBe(3);
  expect(r.stderr).toMatch(/not written by the ROP Desk playground/);
  expect(readFileSync(foreign, 'utf8')).toBe('not a spreadsheet');

  const damaged = path.join(dir, 'damaged.xlsx');
  writeFileSync(damaged, 'garbage');
  writeFileSync(
    sidecarPath(damaged),
    '{"playground":{"format":"rop-desk-playground","formatVersion":1}',
  );
  const d = await run(process.execPath, [SCRIPT, '--workbook', damaged, 'onOpen'], {
    cwd: ROOT,
  }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  );
  expect(d.code).toBe(3);
  expect(d.stderr).toMatch(/damaged/);
  expect(readFileSync(damaged, 'utf8')).toBe('garbage');
}, 60_000);

test('explains its usage mistakes', async () => {
  const none = await local();
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('Name the function to run');
  const missing = await local('noSuchFunction');
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain('has no top-level function noSuchFunction');
  const help = await local('--help');
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('Usage: npm run local');
}, 60_000);
