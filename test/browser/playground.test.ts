/**
 * `npm start`'s page in headless Chromium, end to end: the real dist/Code.js in the emulator,
 * the real dist/Sidebar.html in its frame. A lead added through the sidebar appears in the grid;
 * a week later the daily trigger sends the digest to the outbox; after a restart everything is
 * still there. Screenshots go to artifacts/playground/ (look at them).
 * Needs `npm run build` first (`npm test` does it).
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../local/harness/chromium';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Playground } from '../../local/playground/playground';
import { plural } from '../../src/core/i18n/plural';
import { startServer, type RunningServer } from '../../local/playground/server';

// Friday 27.11.2026 09:00 in Moscow.
const START = Date.parse('2026-11-27T09:00:00+03:00');
const SHOTS = path.join(__dirname, '../../artifacts/playground');

jest.setTimeout(120_000);

let dir: string;
/** Uncaught errors in the page or the sidebar: asserted empty after each test. */
const pageErrors: string[] = [];
let browser: Browser;
let pg: Playground;
let server: RunningServer;

async function start(): Promise<void> {
  pg = await Playground.open({ workbook: path.join(dir, 'workbook.xlsx'), now: START });
  server = await startServer({ playground: pg, port: 0 });
}

async function stop(): Promise<void> {
  await pg.flush();
  await server.close();
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rop-playground-'));
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  await start();
}, 120_000);

afterEach(() => {
  expect(pageErrors).toEqual([]);
  pageErrors.length = 0;
});

afterAll(async () => {
  await browser?.close();
  if (server) await stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Polls until `ok(value)` or the timeout, and returns the last value (to assert on). */
async function settled<T>(
  read: () => T | Promise<T>,
  ok: (v: T) => boolean,
  timeout = 10_000,
): Promise<T> {
  const end = Date.now() + timeout;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}?lang=ru`);
  await page.locator('#grid-table').waitFor();
  return page;
}

/** The sidebar frame, once its first screen (bootstrap) has loaded. */
async function sidebar(page: Page): Promise<Frame> {
  const handle = await page.locator('#sidebar').elementHandle();
  const frame = await handle!.contentFrame();
  await frame!.locator('[data-tab="lead"]').waitFor({ timeout: 20_000 });
  return frame!;
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.locator(`.tab[data-sheet="${name}"]`).click();
  await page.locator(`#grid-table[data-sheet="${name}"]`).waitFor();
  await page.locator('#last').click();
  // The rows drawn reach the sheet's last row.
  await page.locator('#grid-table[data-end="true"]').waitFor();
}

async function signInAs(page: Page, role: 'manager' | 'head'): Promise<string> {
  const users = pg.users();
  const who = users.find((u) => u.role === role)!;
  expect(who).toBeDefined();
  if (pg.state().user !== who.email) {
    await page.selectOption('#user', who.email);
    expect(
      await settled(
        () => pg.state().user,
        (v) => v === who.email,
      ),
    ).toBe(who.email);
  }
  return who.email;
}

test('a lead added in the sidebar shows in the grid; a week on, the daily trigger mails the digest; a restart keeps it all', async () => {
  const page = await openPage();
  // The demo workbook: sheets as tabs, money and dates formatted as Sheets shows them.
  await showSheet(page, 'Сделки');
  const body = await page.locator('#grid-table tbody').innerText();
  expect(body).toMatch(/\d{2}\.\d{2}\.20\d{2}/);
  expect(body).toMatch(/\d[\d\u00a0]* ?\d{3},\d{2}\u00a0₽|\d+,\d{2}\u00a0₽/);

  const manager = await signInAs(page, 'manager');
  let frame = await sidebar(page);
  await frame.locator('[data-tab="lead"]').click();
  const form = frame.locator('.lead-form');
  const client = 'ООО «Песочница Тест»';
  await form.locator('[name="clientName"]').fill(client);
  await form.locator('[name="phone"]').fill('8 (916) 555-01-77');
  await form.locator('[name="email"]').fill('Buyer@Pesochnica.example');
  await form.locator('[name="need"]').fill('Нужна CRM для 5 менеджеров');
  await form.locator('[name="dealTitle"]').fill('Внедрение на 5 мест');
  await form.locator('[name="amount"]').fill('150 000');
  await form.locator('[name="summary"]').fill('Созвонились, прислать КП');
  await form.locator('[name="nextStep"]').fill('Отправить КП');
  await form.locator('[name="nextStepDate"]').fill('2026-11-30');
  const source = form.locator('select[name="source"]');
  if ((await source.count()) > 0) await source.selectOption({ index: 1 });
  await form.locator('button[type="submit"]').click();
  await frame.getByText(/Лид сохранён/).waitFor({ timeout: 20_000 });
  await page.screenshot({ path: path.join(SHOTS, 'lead-added.png') });

  // The new row, as the grid shows it: the phone normalised, the amount in roubles.
  await showSheet(page, 'Клиенты');
  const row = page.locator('#grid-table tbody tr', { hasText: client });
  expect(
    await settled(
      () => row.count(),
      (v) => v === 1,
      10_000,
    ),
  ).toBe(1);
  expect(
    await settled(
      () => row.innerText(),
      (v) => v.includes('+79165550177'),
    ),
  ).toContain('+79165550177');
  await showSheet(page, 'Сделки');
  const deal = page.locator('#grid-table tbody tr', { hasText: 'Внедрение на 5 мест' });
  expect(
    await settled(
      () => deal.count(),
      (v) => v === 1,
    ),
  ).toBe(1);
  expect(await deal.innerText()).toContain('150\u00a0000,00\u00a0₽');

  // A week later: turn the reminders on (menu), then fire the installed daily trigger.
  await signInAs(page, 'head');
  await page.locator('#advance-week').click();
  expect(
    await settled(
      () => page.locator('#clock-input').inputValue(),
      (v) => v.includes('04.12.2026'),
    ),
  ).toContain('04.12.2026');
  await page.locator('#menu-button').click();
  await page.locator('.menu-item[data-fn="menuRemindersOn"]').click();
  const daily = page.locator('[data-trigger][data-handler="runScheduledJob"]');
  expect(
    await settled(
      () => daily.count(),
      (n) => n === 1,
    ),
  ).toBe(1);
  const mailsBefore = pg.state().outboxCount;
  await page.locator('#triggers-button').click();
  await daily.click();
  expect(
    await settled(
      () => pg.state().outboxCount,
      (v) => v > mailsBefore,
      20_000,
    ),
  ).toBeGreaterThan(mailsBefore);

  // The manager's digest is in the outbox, rendered in a sandboxed frame. It keeps to the 15 most
  // urgent items: the new lead's overdue step is named, or counted in «и ещё N» with the way to
  // the full list in the panel.
  await page.locator('#tab-outbox').click();
  const item = page.locator('#mail-list li', { hasText: manager }).first();
  await item.click();
  const mail = page.frameLocator('#mail-html');
  expect(
    await settled(
      () => mail.locator('body').innerText(),
      (v) => v.includes('Песочница') || /и ещё \d+ — полный список в панели/.test(v),
      10_000,
    ),
  ).toMatch(/Песочница|и ещё \d+ — полный список в панели «Сегодня»/);
  expect(await page.locator('#mail-html').getAttribute('sandbox')).toBe('');
  await page.screenshot({ path: path.join(SHOTS, 'digest.png') });
  const state = pg.state();
  await page.close();

  // Restart: a new server on the saved files finds the lead, the clock, the trigger and the mail.
  await stop();
  await start();
  const again = await openPage();
  expect(pg.state()).toMatchObject({
    now: state.now,
    outboxCount: state.outboxCount,
    user: state.user,
  });
  expect(pg.state().triggers.map((t) => t.uid)).toEqual(state.triggers.map((t) => t.uid));
  expect(
    await settled(
      () => again.locator('#clock-input').inputValue(),
      (v) => v.includes('04.12.2026'),
    ),
  ).toContain('04.12.2026');
  await showSheet(again, 'Клиенты');
  expect(
    await settled(
      () => again.locator('#grid-table tbody tr', { hasText: client }).count(),
      (v) => v === 1,
    ),
  ).toBe(1);
  expect(await again.locator('#outbox-count').innerText()).toBe(String(state.outboxCount));
  frame = await sidebar(again);
  await again.screenshot({ path: path.join(SHOTS, 'after-restart.png') });
  await again.close();
});

test('typing into a cell goes through the emulator and fires the bundle onEdit', async () => {
  const page = await openPage();
  await signInAs(page, 'manager');
  await showSheet(page, 'Клиенты');
  const header = await page.locator('#grid-table thead tr.frozen').innerText();
  const cols = header.split('\t').map((s) => s.trim());
  const phoneCol = cols.indexOf('Телефон'); // column index in the row (0 = row number)
  expect(phoneCol).toBeGreaterThan(0);
  const lastRow = page.locator('#grid-table tbody tr', { hasText: /C-\d{6}/ }).last();
  const r = Number(await lastRow.getAttribute('data-row'));
  const cell = page.locator(`td[data-r="${r}"][data-c="${phoneCol}"]`);
  await cell.dblclick();
  const editor = page.locator('td .cell-editor');
  await editor.fill('8 916 555 44 33');
  await editor.press('Enter');
  // onEdit normalises a phone typed by hand.
  expect(
    await settled(
      () => cell.innerText(),
      (v) => v === '+79165554433',
      10_000,
    ),
  ).toBe('+79165554433');
  await page.locator('#tab-executions').click();
  expect(
    await settled(
      () => page.locator('#exec-table').innerText(),
      (v) => v.includes('onEdit'),
    ),
  ).toContain('onEdit');
  // The executions speak Russian: kinds, units, and call counts by the plural rule set.
  const runs = await page.locator('#exec-table').innerText();
  const counts = [...runs.matchAll(/(\d+) (вызовов|вызова|вызов)/g)];
  expect(counts.length).toBeGreaterThan(0);
  for (const [, n, word] of counts) {
    expect(`${n} ${word}`).toBe(`${n} ${plural('ru', Number(n), ['вызов', 'вызова', 'вызовов'])}`);
  }
  expect(runs).toContain('правка');
  expect(runs).not.toMatch(/\d ms\b|\bcalls\b/);
  // The Plans sheet carries the filter Setup put on its header: a drop-down on each column.
  await page.locator('.tab[data-sheet="Планы"]').click();
  await page.locator('#grid-table[data-sheet="Планы"]').waitFor();
  expect(await page.locator('td.filter[data-r="1"]').count()).toBe(6);
  await page.close();
});

test('a Google Form response sent from the page becomes a client through onFormSubmit', async () => {
  const page = await openPage();
  const clientsBefore = pg.sheetPage('Клиенты', null, 1).rows;
  await page.locator('#triggers-button').click();
  await page.locator('[data-form-trigger]').first().click();
  const dialog = page.locator('#form-dialog');
  await dialog.locator('[name="Компания"]').fill('ООО «Форма Тест»');
  await dialog.locator('[name="Телефон"]').fill('+7 916 555-66-77');
  await dialog.locator('[name="Потребность"]').fill('Нужен расчёт на 10 мест');
  await page.locator('#form-send').click();
  expect(
    await settled(
      () => pg.sheetPage('Клиенты', null, 1).rows,
      (n) => n === clientsBefore + 1,
    ),
  ).toBe(clientsBefore + 1);
  await showSheet(page, 'Клиенты');
  const row = page.locator('#grid-table tbody tr', { hasText: 'Форма Тест' });
  expect(
    await settled(
      () => row.count(),
      (n) => n === 1,
    ),
  ).toBe(1);
  expect(await row.innerText()).toContain('+79165556677');
  expect(pg.state().sheets.map((s) => s.name)).toContain('Ответы на форму (1)');
  await page.close();
});
