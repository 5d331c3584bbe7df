/**
 * The head of sales' cockpit in the real sidebar against the real server bundle, on the CRM's
 * demo company: the team view (plan-fact bars, forecast, pace, funnel, discipline, receivables),
 * refreshing the dashboard and sending the weekly report, a CSV import previewed then run,
 * settings saved and reminders turned on; the director sees the team but not settings or import.
 * Screenshots of each screen in Russian and English.
 * Needs `npm run build` first (`npm test` does it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { CLIENTS } from '../../src/core/workbook/schema';
import { mapHeaders } from '../../src/core/workbook/headers';
import { ok, rpc, seedDemo, type Demo } from '../integration/rpc/seed';
import { launch, openSidebar, openTab, shot, type Sidebar } from './sidebar-support';

// One browser and one page per file; the steps build on each other (a day's work).
jest.setTimeout(30_000);

let browser: Browser;
let demo: Demo;
let s: Sidebar;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rop-sidebar-'));
  browser = await launch();
  demo = seedDemo();
  s = await openSidebar(browser, demo.project, demo.head);
  page = s.page;
}, 60_000);

afterAll(async () => {
  await s?.close();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the head gets every tab; the team view shows each manager against the plan', async () => {
  expect(
    await page
      .locator('[data-tab]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-tab'))),
  ).toEqual(['today', 'lead', 'team', 'import', 'settings']);
  await openTab(page, 'team');
  await page.waitForSelector('.team .company');
  const team = ok(rpc(demo.project, demo.head, 'team', { period: '' }));
  const cards = page.locator('.team li[data-manager]');
  expect(await cards.count()).toBe(team.managers.length);
  expect(team.managers.length).toBe(demo.managers.length);
  // Each card: a progress bar at the manager's completion, and the figures the server computed.
  const first = team.managers[0];
  const bar = cards.first().locator('[role="progressbar"]');
  expect(await bar.getAttribute('aria-valuenow')).toBe(
    String(Math.round(Math.min(1, first.completion ?? 0) * 100)),
  );
  expect(await cards.first().locator('.pf-pct').textContent()).toBe(
    `${Math.round((first.completion ?? 0) * 100)}%`,
  );
  // The funnel and the aging are pictures now: test/browser/sidebar-pictures.test.ts.
  expect(await page.locator('svg[data-chart="funnel"] rect').count()).toBe(team.funnel.length);
  expect(await page.locator('svg[data-chart="aging"] g > rect').count()).toBeGreaterThanOrEqual(5);
  expect(await page.locator('.period strong').textContent()).toBe('2026-11');
  await shot(page, 'team-ru');
  // The previous month comes from the server too.
  await page.click('[aria-label="Предыдущий период"]');
  await page.waitForSelector('.period strong >> text=2026-10');
  // Quarters and years too (plans are kept per month, quarter and year).
  await page.selectOption('select[name="periodKind"]', 'quarter');
  await page.waitForSelector('.period strong >> text=2026-Q4');
  await page.click('[aria-label="Следующий период"]');
  await page.waitForSelector('.period strong >> text=2027-Q1');
  await page.selectOption('select[name="periodKind"]', 'year');
  await page.waitForSelector('.period strong >> text=2027');
  await page.selectOption('select[name="periodKind"]', 'month');
  await page.waitForSelector('.period strong >> text=2027-01');
});

test('refresh the dashboard and send the weekly report from the team view', async () => {
  await page.click('.team-actions >> text=Обновить дашборд');
  await page.waitForSelector('.team-actions .notice >> text=Дашборд обновлён.');
  const before = demo.project.emulator.outbox.length;
  await page.click('.team-actions >> text=Отправить недельный отчёт');
  await page.waitForSelector('.team-actions .notice >> text=/Отчёт отправлен/');
  expect(demo.project.emulator.outbox.length).toBeGreaterThan(before);
});

test('import: the preview shows the mapping and the rejected rows, then the import reports', async () => {
  const clients = demo.project.emulator.spreadsheet.getSheetByName('Клиенты');
  const values = clients!.getDataRange().getValues();
  const col = mapHeaders(values[0], CLIENTS.columns).index;
  const existing = { name: String(values[1][col.name]), phone: String(values[1][col.phone]) };
  const csv = [
    'Компания;Телефон;Email;Потребность;Сумма',
    'ООО «Новый горизонт»;+7 916 700-00-01;hello@gorizont.ru;Стеллажи;150000',
    `${existing.name};${existing.phone};;Повторная заявка;`,
    ';abc;not-an-email;;',
  ].join('\n');
  const file = path.join(dir, 'leads.csv');
  writeFileSync(file, csv, 'utf8');
  await openTab(page, 'import');
  await page.setInputFiles('.import input[type="file"]', file);
  await page.click('.import >> text=Проверить');
  await page.waitForSelector('.import-report[data-mode="preview"]');
  expect(await page.locator('.mapping tr').count()).toBe(5);
  expect(await page.locator('.rejected li').count()).toBe(1);
  expect(await page.locator('.rejected li').textContent()).toContain('Строка 4');
  await shot(page, 'import-preview-ru');
  await page.click('.import >> text=Импортировать');
  await page.waitForSelector('.import-report[data-mode="import"]');
  expect(await page.locator('.import-report .notice').textContent()).toBe(
    'Готово. Добавлено: 1, объединено с дублями: 1, отклонено: 1.',
  );
  await shot(page, 'import-done-ru');
});

test('settings are saved and reminders turned on', async () => {
  await openTab(page, 'settings');
  await page.waitForSelector('.settings form');
  await page.fill('input[name="responseLimitMinutes"]', '30');
  await page.fill('input[name="reportRecipients"]', 'director@vektor-trade.ru');
  await page.click('text=Добавить дату');
  const last = page.locator('fieldset.rows').last().locator('.row-edit').last();
  await last.locator('input[type="date"]').fill('2026-12-30');
  await last.locator('input[name$=".note"]').fill('Короткий день');
  // A bad value is named and nothing is written.
  await page.fill('input[name="reminderHour"]', '25');
  await page.click('text=Сохранить настройки');
  await page.waitForSelector('.settings .field.invalid >> text=Введите число от 0 до 23.');
  expect(ok(rpc(demo.project, demo.head, 'getSettings', {})).settings.responseLimitMinutes).toBe(
    15,
  );
  await page.fill('input[name="reminderHour"]', '8');
  await page.fill('input[name="digestLimit"]', '10');
  await page.click('text=Сохранить настройки');
  await page.waitForSelector('.settings .notice >> text=Сохранено.');
  const saved = ok(rpc(demo.project, demo.head, 'getSettings', {})).settings;
  expect(saved.responseLimitMinutes).toBe(30);
  expect(saved.reminderHour).toBe(8);
  expect([saved.digestLimit, saved.digestRepeatDays]).toEqual([10, 7]);
  expect(saved.reportRecipients).toEqual(['director@vektor-trade.ru']);
  expect(saved.holidays).toContainEqual({ day: '2026-12-30', dayOff: true, note: 'Короткий день' });

  expect(await page.locator('[data-testid="reminders-state"]').textContent()).toBe('Выключены');
  await page.click('[data-testid="reminders-toggle"]');
  await page.waitForSelector('[data-testid="reminders-state"] >> text=Включены');
  expect(await page.locator('.reminders').textContent()).toContain(demo.head);
  expect(
    demo.project.emulator.triggers.list().filter((t) => t.handler === 'runScheduledJob'),
  ).toHaveLength(1);
  await shot(page, 'settings-ru');

  // The language setting switches the sidebar at once.
  await page.selectOption('select[name="lang"]', 'en');
  await page.click('text=Сохранить настройки');
  await page.waitForSelector('.settings .notice >> text=Saved.');
  expect(await page.locator('[data-tab="today"]').textContent()).toBe('Today');
  await page.selectOption('select[name="lang"]', 'ru');
  await page.click('text=Save settings');
  await page.waitForSelector('.settings .notice >> text=Сохранено.');
  expect(await page.locator('[data-tab="today"]').textContent()).toBe('Сегодня');
});

test('the director sees the team, not settings or import; the server refuses them too', async () => {
  const d = await openSidebar(browser, demo.project, demo.director);
  try {
    expect(
      await d.page
        .locator('[data-tab]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-tab'))),
    ).toEqual(['today', 'lead', 'team']);
    await openTab(d.page, 'team');
    await d.page.waitForSelector('.team .company');
    // Refreshing the dashboard is theirs too; the weekly report is the head's to send.
    expect(await d.page.locator('.team-actions button').allTextContents()).toEqual([
      'Обновить дашборд',
    ]);
    const refused = rpc(
      demo.project,
      demo.director,
      'saveSettings',
      ok(rpc(demo.project, demo.head, 'getSettings', {})).settings,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  } finally {
    await d.close();
  }
});

test('English: team, import and settings', async () => {
  const en = seedDemo({ lang: 'en' });
  const e = await openSidebar(browser, en.project, en.head);
  try {
    await openTab(e.page, 'team');
    await e.page.waitForSelector('.team .company');
    expect(await e.page.locator('#h-managers').textContent()).toBe('Managers');
    await shot(e.page, 'team-en');
    await openTab(e.page, 'import');
    // An Excel file this time: read in the browser, its bytes cross as base64 intact.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Leads');
    sheet.addRows([
      ['Company', 'Phone', 'Email', 'Need'],
      ['New Horizon LLC', '+7 916 700-00-02', 'hi@horizon.com', 'Racks'],
      ['', 'abc', '', ''],
    ]);
    await e.page.setInputFiles('.import input[type="file"]', {
      name: 'leads.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    await e.page.click('.import >> text=Check');
    await e.page.waitForSelector('.import-report[data-mode="preview"]');
    expect(await e.page.locator('.import-report .notice').textContent()).toBe(
      'Rows: 2. To add: 1, to merge with duplicates: 0, to reject: 1.',
    );
    expect(await e.page.locator('.mapping td:first-child').allTextContents()).toEqual([
      'Company',
      'Phone',
      'Email',
      'Need',
    ]);
    await shot(e.page, 'import-preview-en');
    await openTab(e.page, 'settings');
    await e.page.waitForSelector('.settings form');
    await shot(e.page, 'settings-en');
  } finally {
    await e.close();
  }
});
