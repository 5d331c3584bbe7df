/**
 * The head's Money screen in the real sidebar against the real bundle, on the demo company: the
 * budget lines with the hot one flagged, the sources with their CAC, no horizontal scroll at
 * 300 px; and the import's "expenses" target previewing a spend file. Screenshots ru + en.
 * Needs `npm run build` first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ok, rpc, seedDemo } from '../integration/rpc/seed';
import { launch, openSidebar, openTab, shot } from './sidebar-support';

jest.setTimeout(30_000);

let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rop-money-'));
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test.each(['ru', 'en'] as const)('the Money screen (%s)', async (lang) => {
  const demo = seedDemo({ lang });
  const s = await openSidebar(browser, demo.project, demo.head);
  try {
    const { page } = s;
    await openTab(page, 'team');
    await page.click('[data-screen="money"]');
    await page.waitForSelector('.money .money-lines li');
    const view = ok(rpc(demo.project, demo.head, 'moneyView', { period: '' }));
    expect(await page.locator('.money-lines li').count()).toBe(view.budget.length);
    expect(await page.locator('.money-sources li').count()).toBe(view.sources.length);
    const hot = page.locator('.money-lines li[data-status="atRisk"]');
    expect(await hot.count()).toBe(view.budget.filter((l) => l.status === 'atRisk').length);
    expect(await hot.count()).toBeGreaterThan(0);
    const wide = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(wide).toBe(false);
    await shot(page, `money-${lang}`);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('the import previews an expenses file when "expenses" is chosen', async () => {
  const demo = seedDemo();
  const s = await openSidebar(browser, demo.project, demo.head);
  try {
    const { page } = s;
    const file = path.join(dir, 'spend.csv');
    writeFileSync(file, 'Дата;Статья;Сумма\n03.11.2026;Реклама;1000\n;Реклама;5\n');
    await openTab(page, 'import');
    await page.selectOption('select[name="target"]', 'spend');
    await page.setInputFiles('input[type="file"]', file);
    await page.click('.import button[type="submit"]');
    await page.waitForSelector('.import-report');
    const text = await page.locator('.import-report').textContent();
    expect(text).toContain('Сумма');
    await shot(page, 'import-spend-ru');
  } finally {
    await s.close();
  }
});

test.each(['ru', 'en'] as const)('the approval queue in the head’s Today (%s)', async (lang) => {
  const demo = seedDemo({ lang });
  const ss = demo.project.emulator.spreadsheet;
  const [deal] = ok(rpc(demo.project, demo.managers[0], 'today', {})).forgotten;
  const sheet = ss.getSheetByName(lang === 'ru' ? 'Строки сделок' : 'Deal lines')!;
  // The demo's own lines (two awaiting approval) make way for the one this test decides.
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, 11).clearContent();
  sheet.getRange(2, 1, 1, 6).setValues([[deal.id, 'Станок ЧПУ', '', 1, 100_000, 88_000]]);
  const s = await openSidebar(browser, demo.project, demo.head);
  try {
    const { page } = s;
    const card = page.locator('.money-queue li[data-row="2"]');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/12\s?%/);
    const wide = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(wide).toBe(false);
    await shot(page, `approvals-${lang}`);
    await card.locator('button.primary').click();
    await page.locator('.money-queue').waitFor({ state: 'detached' });
    const line = sheet.getRange(2, 1, 1, 11).getValues()[0];
    expect(line[8]).toBe(lang === 'ru' ? 'Согласовано' : 'Approved');
    expect(line[9]).toBe(demo.head);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});
