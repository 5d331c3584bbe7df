/**
 * The deal card's products in the real sidebar: a line added from the price list by SKU, the
 * deal's amount written from it, a discount typed as "10%" shown as awaiting approval (the
 * server's text), a line removed; the card fits 300 px without horizontal scroll. Screenshots in
 * Russian and English. Needs `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { IVAN, seedTeam, type Seeded } from '../integration/rpc/seed';
import { launch, openSidebar, openTab, shot } from './sidebar-support';

jest.setTimeout(30_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function priceList(seeded: Seeded, sheet: string): void {
  const p = seeded.project.emulator.spreadsheet.getSheetByName(sheet)!;
  // Name, SKU, unit, list price, currency, min price, max discount, active.
  p.getRange(2, 1, 2, 8).setValues([
    ['Стеллаж складской СТ-200', 'ST-200', 'шт', 48_000, '', '', '', true],
    ['Монтаж стеллажей', 'SRV-10', 'ч', 2_500, '', '', '', true],
  ]);
}

const plain = (t: string | null) => (t ?? '').replace(/[\u00a0\u202f]/g, ' ');

async function openCard(page: Page, id: string) {
  await page.locator(`[data-section="overdueSteps"] li[data-id="${id}"] .card-title`).click();
  await page.locator('.deal-card .money.rows h2').waitFor();
  return page.locator('.deal-card .money.rows');
}

async function addLine(page: Page, text: string, count: number) {
  const lines = page.locator('.deal-card .money.rows');
  await lines.locator('input[list="price-list"]').fill(text);
  await lines.locator('button.primary').click();
  await lines
    .locator('li.row-edit')
    .nth(count - 1)
    .waitFor();
}

test('add from the price list, discount awaiting approval, remove; fits 300 px', async () => {
  const seeded = seedTeam();
  priceList(seeded, 'Товары');
  const s = await openSidebar(browser, seeded.project, IVAN);
  const page = s.page;
  try {
    const lines = await openCard(page, seeded.deals.vector);
    await expect(lines.locator('datalist option').count()).resolves.toBe(2);
    await addLine(page, 'ST-200', 1);
    await addLine(page, 'Монтаж стеллажей', 2);
    expect(plain(await lines.locator('h2').textContent())).toBe('Товары · 50 500 ₽');

    // Quantity 2 of the rack at 10 % off: over the manager's 5 %.
    await lines.locator('li.row-edit').first().locator('input[type="number"]').fill('2');
    await lines.locator('li.row-edit').first().locator('input[type="number"]').press('Tab');
    await page.waitForFunction(() =>
      document.querySelector('.money.rows h2')?.textContent?.includes('98'),
    );
    const price = lines.locator('li.row-edit').first().locator('input:not([type])');
    await price.fill('10%');
    await price.press('Tab');
    await lines.locator('li.row-edit b').waitFor();
    await expect(lines.locator('li.row-edit b').textContent()).resolves.toBe('ждёт согласования');
    expect(plain(await lines.locator('h2').textContent())).toBe('Товары · 88 900 ₽');
    const deals = seeded.project.emulator.spreadsheet.getSheetByName('Сделки')!.getDataRange();
    const row = deals.getValues().find((r) => r[0] === seeded.deals.vector)!;
    expect(row).toContain(88_900);

    const wide = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(wide).toBeLessThanOrEqual(0);
    await shot(page, 'deal-lines-ru');

    await lines.locator('li.row-edit').last().locator('button').click();
    await page.waitForFunction(() => document.querySelectorAll('.money.rows li').length === 1);
    expect(plain(await lines.locator('h2').textContent())).toBe('Товары · 86 400 ₽');
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});

test('English: the same editor', async () => {
  const en = seedTeam({ lang: 'en' });
  priceList(en, 'Products');
  const s = await openSidebar(browser, en.project, IVAN);
  try {
    const lines = await openCard(s.page, en.deals.vector);
    await addLine(s.page, 'ST-200', 1);
    const price = lines.locator('li.row-edit').first().locator('input:not([type])');
    await price.fill('12%');
    await price.press('Tab');
    await lines.locator('li.row-edit b').waitFor();
    await expect(lines.locator('li.row-edit b').textContent()).resolves.toBe('awaits approval');
    await expect(lines.locator('h2').textContent()).resolves.toMatch(/^Products · /);
    await shot(s.page, 'deal-lines-en');
  } finally {
    await s.close();
  }
});

test('the new-lead form: a line found by SKU, sent with the lead, on the sheet; fits 300 px', async () => {
  const seeded = seedTeam();
  priceList(seeded, 'Товары');
  const s = await openSidebar(browser, seeded.project, IVAN);
  const page = s.page;
  try {
    await openTab(page, 'lead');
    const form = page.locator('form.lead-form');
    const lines = form.locator('.money.rows');
    await expect(lines.locator('datalist option').count()).resolves.toBe(2);
    await form.locator('input[name="clientName"]').fill('ООО «Склад-Сервис»');
    await form.locator('input[name="phone"]').fill('+7 916 700-10-20');
    await form.locator('textarea[name="need"]').fill('Стеллажи на новый склад');
    await lines.locator('input[list="price-list"]').fill('st-200');
    await lines.locator('input[list="price-list"]').press('Enter');
    await lines.locator('li.row-edit').first().waitFor();
    // The line shows the product's name; with lines, the amount field gives way to them.
    await expect(lines.locator('li.row-edit .cell.wide').textContent()).resolves.toBe(
      'Стеллаж складской СТ-200',
    );
    await expect(form.locator('input[name="amount"]').count()).resolves.toBe(0);
    await lines.locator('li.row-edit input[type="number"]').fill('3');
    await lines.locator('li.row-edit input[type="number"]').press('Tab');
    // The amount the lead will get, priced as the server prices it: list price, then «10 %» off.
    const legend = () => lines.locator('legend').textContent().then(plain);
    await expect(legend()).resolves.toBe('Товары · ≈ 144 000 ₽');
    const price = lines.locator('li.row-edit input:not([type])');
    await price.fill('10 %');
    await price.press('Tab');
    await expect(legend()).resolves.toBe('Товары · ≈ 129 600 ₽');
    await price.fill('');
    await price.press('Tab');
    await expect(legend()).resolves.toBe('Товары · ≈ 144 000 ₽');
    await form.locator('textarea[name="summary"]').fill('Звонок: нужны стеллажи');
    await form.locator('input[name="nextStep"]').fill('Отправить КП');
    await form.locator('input[name="nextStepDate"]').fill('2026-12-01');
    const wide = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(wide).toBeLessThanOrEqual(0);
    await shot(page, 'lead-lines-ru');
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('.lead-form .notice.ok');
    const dealId = /сделка (D-\d{6})/.exec(
      (await page.locator('.lead-form .notice.ok').textContent()) ?? '',
    )![1];
    const ss = seeded.project.emulator.spreadsheet;
    const line = ss
      .getSheetByName('Строки сделок')!
      .getDataRange()
      .getValues()
      .find((r) => r[0] === dealId)!;
    expect(line.slice(0, 4)).toEqual([dealId, 'Стеллаж складской СТ-200', 'ST-200', 3]);
    const deal = ss.getSheetByName('Сделки')!.getDataRange().getValues();
    expect(deal.find((r) => r[0] === dealId)).toContain(144_000);
    // The form is empty again, lines included.
    await expect(lines.locator('li.row-edit').count()).resolves.toBe(0);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});
