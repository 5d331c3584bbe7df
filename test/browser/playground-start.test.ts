/**
 * `npm start` as a user runs it (scripts/start.mjs, without the build step the test run already
 * did): it prints the URL, serves the page and the sidebar, saves the demo workbook, stops cleanly
 * on SIGTERM, and refuses a file it did not write, leaving it untouched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(90_000);

const ROOT = path.join(__dirname, '../..');
const START = path.join(ROOT, 'scripts/start.mjs');

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rop-start-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(args: string[]): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  let out = '';
  const child = spawn(process.execPath, [START, '--no-build', ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitFor<T>(read: () => T | null, timeout: number): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = read();
    if (v !== null) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('prints the URL, serves the page and the sidebar, saves, and stops on SIGTERM', async () => {
  const workbook = path.join(dir, 'wb.xlsx');
  const run = start(['--workbook', workbook, '--now', '2026-11-27T09:00']);
  const url = await waitFor(
    () => /ROP Desk playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(run.output())?.[1] ?? null,
    60_000,
  );
  const page = await (await fetch(url)).text();
  expect(page).toContain('<div id="grid"');
  expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/); // self-contained, works offline
  const sidebar = await (await fetch(`${url}sidebar`)).text();
  expect(sidebar).toContain('google.script');
  const state = (await (await fetch(`${url}api/state`)).json()) as {
    value: { sheets: Array<{ name: string }>; user: string; nowWall: string };
  };
  expect(state.value.sheets.map((s) => s.name)).toEqual(
    expect.arrayContaining(['Клиенты', 'Сделки']),
  );
  expect(state.value.nowWall).toBe('2026-11-27T09:00');
  expect(existsSync(workbook)).toBe(true);
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
});

test('refuses a workbook it did not write, even with --reset, and leaves it as it was', async () => {
  const foreign = path.join(dir, 'theirs.xlsx');
  writeFileSync(foreign, 'somebody else’s spreadsheet');
  const run = start(['--workbook', foreign, '--reset']);
  expect(await run.exited).toBe(1);
  expect(run.output()).toMatch(/not written by the ROP Desk playground.*Nothing was changed/s);
  expect(readFileSync(foreign, 'utf8')).toBe('somebody else’s spreadsheet');
});
