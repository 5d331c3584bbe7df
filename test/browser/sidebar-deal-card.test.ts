/**
 * The deal card in the real sidebar (dist/Sidebar.html in headless Chromium, dist/Code.js in the
 * emulator): it opens from every Today list, shows the history rows the sheets hold (activities
 * newest first, stage changes, invoices), keeps the one-click actions and re-reads itself after
 * one, and shows an XSS payload as text. Screenshots in Russian and English.
 * Needs `npm run build` first.
 */
import type { Browser, Page } from 'playwright-core';
import { rows } from '../integration/crm/helpers';
import { IVAN, XSS, XSS_NOTE, seedTeam, type Seeded } from '../integration/rpc/seed';
import { assertNoXss, launch, openSidebar, shot, type Sidebar } from './sidebar-support';

jest.setTimeout(30_000);

let browser: Browser;
let seeded: Seeded;
let s: Sidebar;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  seeded = seedTeam();
  // The head set Ivan a plan for November (typed into the Plans sheet).
  const plans = seeded.project.emulator.spreadsheet.getSheetByName('Планы')!;
  const header = plans.getRange(1, 1, 1, plans.getLastColumn()).getValues()[0].map(String);
  const cells: Record<string, unknown> = {
    Уровень: 'Менеджер',
    Кто: IVAN,
    Период: '2026-11',
    Показатель: 'Выручка',
    План: 1_000_000,
  };
  plans.getRange(2, 1, 1, header.length).setValues([header.map((h) => cells[h] ?? '')] as never);
  s = await openSidebar(browser, seeded.project, IVAN);
  page = s.page;
}, 60_000);

afterAll(async () => {
  await s?.close();
  await browser?.close();
});

/** Opens the card of `id` from a Today section by its title; resolves when the card has loaded. */
async function open(section: string, id: string) {
  await page.locator(`[data-section="${section}"] li[data-id="${id}"] .card-title`).click();
  await page.locator('.deal-card h2.card-title').waitFor();
  return page.locator('.deal-card');
}

// A retried test starts from Today again.
beforeEach(async () => {
  if (await page.locator('.deal-card').count()) await back();
});

/** Text with the narrow and non-breaking spaces of money formats as plain ones. */
const plain = (t: string | null) => (t ?? '').replace(/[\u00a0\u202f]/g, ' ');

async function back() {
  await page.locator('.deal-card > button').first().click();
  await page.locator('[data-section]').first().waitFor();
}

const texts = (section: string, part: string) =>
  page
    .locator(`.deal-card [data-list="${section}"] li ${part}`)
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''))
    .then((list) => list.map(plain));

test('Today: the manager’s own plan with the one pace, and the day’s plan list', async () => {
  const plan = page.locator('[data-section="myPlan"]');
  await expect(plan.locator('h2').textContent()).resolves.toBe('Мой план на 2026-11');
  // 1 000 000 ₽ to go over 2 working days left (today, Friday 27th, counts until its end; Monday 30th).
  expect(plain(await plan.locator('[data-testid="my-pace"]').textContent())).toBe('500 000 ₽');
  await expect(page.locator('#h-overdueSteps').textContent()).resolves.toMatch(/^План на сегодня/);
});

test('opened from the day’s plan: the history rows are the sheets’ rows', async () => {
  const { vector } = seeded.deals;
  const card = await open('overdueSteps', vector);
  await expect(card.locator('h2.card-title').textContent()).resolves.toBe('АО «Вектор»');
  expect(plain(await card.locator('.card-sub').textContent())).toBe(
    'Сервисный контракт · Квалификация · 480 000 ₽ · менеджер: Иван Петров',
  );
  await expect(card.locator('.card-step').textContent()).resolves.toBe(
    '→ Перезвонить с ценой · 26.11.2026',
  );
  expect(await card.locator('.card-meta').allTextContents()).toEqual([
    'Пётр Иванов · +74957654321 · info@vector.ru',
  ]);
  // Activities: the deal's rows of the Activities sheet, newest first.
  const acts = rows(seeded.project, 'Активности')
    .filter((r) => r['ID сделки'] === vector)
    .map((r) => String(r['Итог']))
    .reverse();
  expect(await texts('activities', 'div')).toEqual(acts);
  expect(await texts('activities', 'span')).toEqual([
    '25.11.2026 12:00 · Звонок · Иван Петров',
    '10.11.2026 11:00 · Звонок · Иван Петров',
  ]);
  // Stage changes: the deal's rows of the Stage history sheet.
  const stages = rows(seeded.project, 'История этапов').filter((r) => r['ID сделки'] === vector);
  expect(await texts('stages', 'div')).toEqual(
    stages.map((r) => `${String(r['Из этапа']) || '—'} → ${String(r['В этап'])}`).reverse(),
  );
  expect(await texts('invoices', '')).toEqual([]);
  // The one-click actions are the same as in the lists.
  expect(
    await card.locator('[data-action]').evaluateAll((els) => els.map((e) => e.dataset.action)),
  ).toEqual(['log', 'snooze', 'stage', 'won', 'lost']);
  await shot(page, 'deal-card-ru');
  await back();
});

test('opened from the overdue invoices: the invoice with its due date and payment', async () => {
  await page.locator('[data-section="overdueInvoices"] li[data-id="I-000001"] .card-title').click();
  const card = page.locator('.deal-card');
  await card.locator('[data-list="invoices"] li').waitFor();
  await expect(card.locator('h2.card-title').textContent()).resolves.toBe('ООО «Ромашка»');
  expect(await texts('invoices', 'div')).toEqual(['№ 17 · 500 000 ₽']);
  expect(await texts('invoices', 'span')).toEqual(['срок 05.11.2026 · оплачено 0 ₽']);
  await back();
});

test('an action on the card re-reads it: the logged call is on top', async () => {
  const { romashka } = seeded.deals;
  const card = await open('forgotten', romashka);
  await card.locator('[data-action="log"]').click();
  const form = card.locator('form.action-form');
  await form.locator('textarea[name="summary"]').fill('Обсудили счёт № 17');
  await form.locator('input[name="nextStep"]').fill('Проверить оплату');
  await form.locator('input[name="nextStepDate"]').fill('2026-12-01');
  await form.locator('button[type="submit"]').click();
  await card.locator('.notice.ok').waitFor();
  await page.waitForFunction(
    () =>
      document.querySelector('.deal-card [data-list="activities"] li div')?.textContent ===
      'Обсудили счёт № 17',
  );
  await expect(card.locator('.card-step').textContent()).resolves.toBe(
    '→ Проверить оплату · 01.12.2026',
  );
  // Back in Today, the deal is no longer forgotten.
  await back();
  expect(await page.locator(`[data-section="forgotten"] li[data-id="${romashka}"]`).count()).toBe(
    0,
  );
});

test('a payload in the names and notes stays text on the card', async () => {
  const card = await open('forgotten', seeded.deals.xss);
  await expect(card.locator('h2.card-title').textContent()).resolves.toBe(XSS);
  expect(await texts('activities', 'div')).toEqual([XSS_NOTE]);
  await assertNoXss(s);
  await back();
});

test('English: the same card in the other language', async () => {
  const en = seedTeam({ lang: 'en' });
  const s2 = await openSidebar(browser, en.project, IVAN);
  try {
    await s2.page
      .locator(`[data-section="overdueSteps"] li[data-id="${en.deals.vector}"] .card-title`)
      .click();
    await s2.page.locator('.deal-card h2.card-title').waitFor();
    expect(
      await s2.page
        .locator('.deal-card [data-list] h2')
        .evaluateAll((els) => els.map((e) => e.textContent)),
    ).toEqual(['Activities 2', 'Stage changes 2', 'Invoices 0']);
    await shot(s2.page, 'deal-card-en');
  } finally {
    await s2.close();
  }
});
