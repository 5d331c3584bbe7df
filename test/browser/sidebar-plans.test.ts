/**
 * The Plans screen end to end in the real sidebar against the built bundle, on the demo company:
 * build a year plan, preview it (month table, bars, diff), write it, re-spread it, and write the
 * plan defence sheet; the same screen in English. Screenshots plans-*-ru/en.
 * Needs `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { PLANS } from '../../src/core/workbook/schema';
import { seedDemo, type Demo } from '../integration/rpc/seed';
import { launch, openSidebar, openTab, shot, type Sidebar } from './sidebar-support';

jest.setTimeout(40_000);

let browser: Browser;
let demo: Demo;
let s: Sidebar;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  demo = seedDemo();
  s = await openSidebar(browser, demo.project, demo.head);
  page = s.page;
}, 60_000);

afterAll(async () => {
  await s?.close();
  await browser?.close();
});

const plansRows = () =>
  demo.project.emulator.spreadsheet.getSheetByName(PLANS.ru)!.getDataRange().getValues().length;

async function openPlans(p: Page): Promise<void> {
  await openTab(p, 'team');
  await p.click('[data-screen="plans"]');
  await p.waitForSelector('.plans');
}

test('build a year plan, preview it, write it', async () => {
  await openPlans(page);
  await page.fill('input[name="period"]', '2027');
  await page.fill('input[name="target"]', '120 000 000');
  await page.selectOption('select[name="spread"]', 'seasonal');
  await page.selectOption('select[name="split"]', 'capacity');
  await page.click('text=Предпросмотр');
  await page.waitForSelector('.plan-preview svg');
  expect(await page.locator('.plan-preview tr').count()).toBe(12);
  expect(await page.locator('.plan-preview svg rect').count()).toBeGreaterThanOrEqual(12);
  const diff = await page.locator('.plan-preview p').last().textContent();
  expect(diff).toMatch(/^Новых \d+, изменится 0, без изменений 0$/);
  const added = Number(/Новых (\d+)/.exec(diff ?? '')![1]);
  await shot(page, 'plans-preview-ru');
  const before = plansRows();
  await page.click('text=Записать в «Планы»');
  await page.waitForSelector(`text=Записано: ${added}, ручных оставлено: 0`);
  await page.waitForSelector('text=Планы сходятся.');
  expect(plansRows()).toBe(before + added);
  await shot(page, 'plans-written-ru');
});

test('re-spread the same year equally: the builder rows change in place', async () => {
  await page.selectOption('select[name="spread"]', 'equal');
  await page.check('input[name="respread"]');
  await page.click('text=Предпросмотр');
  await page.waitForSelector('text=/изменится [1-9]/');
  const before = plansRows();
  await page.click('text=Записать в «Планы»');
  await page.waitForSelector('text=Планы сходятся.');
  expect(plansRows()).toBe(before);
});

test('the plan defence sheet from the screen', async () => {
  await page.click('text=Лист «Защита плана»');
  await page.waitForSelector('text=Лист «Защита плана» готов');
  expect(demo.project.emulator.spreadsheet.getSheetByName('Защита плана')).toBeTruthy();
  expect(s.errors).toEqual([]);
});

test('in English', async () => {
  const en = seedDemo({ lang: 'en' });
  const e = await openSidebar(browser, en.project, en.head);
  try {
    await openPlans(e.page);
    await e.page.fill('input[name="period"]', '2027');
    await e.page.fill('input[name="growth"]', '15');
    await e.page.click('text=Preview');
    await e.page.waitForSelector('.plan-preview svg');
    await shot(e.page, 'plans-preview-en');
    await e.page.click('text=Write to Plans');
    await e.page.waitForSelector('text=Plans add up.');
    await shot(e.page, 'plans-written-en');
  } finally {
    await e.close();
  }
});
