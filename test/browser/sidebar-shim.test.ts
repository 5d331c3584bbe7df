/**
 * The google.script.run stand-in the sidebar host injects, checked in a real page against the
 * emulator: new runner per with*, the user object, failure handlers, Google's argument rules
 * (Date and DOM nodes refused, a form only as the sole argument, "_" names unreachable) and a
 * file read with FileReader reaching the import as base64 in an ordinary call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { HEAD, seedTeam, type Seeded } from '../integration/rpc/seed';
import { launch, openSidebar, type Sidebar } from './sidebar-support';

jest.setTimeout(30_000);

let browser: Browser;
let seeded: Seeded;
let s: Sidebar;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  seeded = seedTeam();
  s = await openSidebar(browser, seeded.project, HEAD);
  page = s.page;
}, 60_000);

afterAll(async () => {
  await s?.close();
  await browser?.close();
});

interface Outcome {
  ok: boolean;
  value?: unknown;
  message?: string;
  isError?: boolean;
  user?: unknown;
}

/** Runs `body` in the page with `run` = google.script.run and `done` settling the outcome. */
function inPage(body: string): Promise<Outcome> {
  return page.evaluate(
    (src) =>
      new Promise<Outcome>((resolve) => {
        const run = (window as unknown as { google: { script: { run: unknown } } }).google.script
          .run;
        const done = resolve;
        new Function('run', 'done', src)(run, done);
      }),
    body,
  );
}

const handlers = `
  const ok = (value, user) => done({ ok: true, value, user });
  const fail = (e, user) => done({ ok: false, message: e.message, isError: e instanceof Error, user });
`;

test('each with* returns a new runner; the user object comes back to the handler, never to the server', async () => {
  const r = await inPage(`${handlers}
    const a = run.withSuccessHandler(ok);
    const b = a.withUserObject({ row: 7 });
    if (a === b || a === run) return done({ ok: false, message: 'runner reused' });
    b.withFailureHandler(fail).rpc('today', {});`);
  expect(r.ok).toBe(true);
  expect(r.user).toEqual({ row: 7 });
  expect(r.value).toMatchObject({ ok: true, data: { asOf: '2026-11-27' } });
});

test('a missing or private server function fails through the failure handler with an Error', async () => {
  const missing = await inPage(
    `${handlers} run.withSuccessHandler(ok).withFailureHandler(fail).noSuchFunction();`,
  );
  expect(missing).toMatchObject({
    ok: false,
    isError: true,
    message: 'google.script.run.noSuchFunction is not a function',
  });
  const priv = await inPage(
    `${handlers} run.withSuccessHandler(ok).withFailureHandler(fail).helper_();`,
  );
  expect(priv).toMatchObject({ ok: false, message: 'google.script.run.helper_ is not a function' });
});

test('Date, function and DOM-node arguments fail the call as in Google', async () => {
  const date = await inPage(
    `${handlers} run.withSuccessHandler(ok).withFailureHandler(fail).rpc('today', { at: new Date() });`,
  );
  expect(date).toMatchObject({ ok: false, message: 'Failed due to illegal value in property: at' });
  const fn = await inPage(
    `${handlers} run.withSuccessHandler(ok).withFailureHandler(fail).rpc('today', [() => 1]);`,
  );
  expect(fn).toMatchObject({ ok: false, message: 'Failed due to illegal value in property: 0' });
  const node = await inPage(
    `${handlers} run.withSuccessHandler(ok).withFailureHandler(fail).rpc('today', { el: document.body });`,
  );
  expect(node.ok).toBe(false);
  expect(node.message).toMatch(/^Failed due to illegal value/);
});

test('a form goes only as the sole argument; a file crosses as base64 in an ordinary call', async () => {
  const notAlone = await inPage(`${handlers}
    const f = document.createElement('form');
    run.withSuccessHandler(ok).withFailureHandler(fail).rpc(f, 'extra');`);
  expect(notAlone.ok).toBe(false);
  const upload = await inPage(`${handlers}
    const file = new File(['Компания;Телефон;Потребность\\nООО «Липа»;+7 916 000-00-09;Стеллажи\\n'], 'leads.csv', { type: 'text/csv' });
    const reader = new FileReader();
    reader.onload = () => {
      const base64 = String(reader.result).split(',')[1];
      run.withSuccessHandler(ok).withFailureHandler(fail)
        .rpc('importFile', { mode: 'preview', name: file.name, type: file.type, base64 });
    };
    reader.readAsDataURL(file);`);
  expect(upload).toMatchObject({
    ok: true,
    value: { ok: true, data: { mode: 'preview', fileName: 'leads.csv', totalRows: 1, added: 1 } },
  });
});

test('the sidebar code never builds markup from strings (data is always text)', () => {
  const dir = path.resolve(__dirname, '../../sidebar');
  const offenders = readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f))
    .filter((f) =>
      /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/.test(
        readFileSync(path.join(dir, f), 'utf8'),
      ),
    );
  expect(offenders).toEqual([]);
});
