/**
 * A manager's day in the real sidebar (dist/Sidebar.html in headless Chromium) against the real
 * server bundle (dist/Code.js in the emulator): Today's lists and every one-click action, a new
 * lead with live validation and the duplicate warning, the team view refused, typed input kept
 * when a call fails, XSS payloads in names and notes inert. Screenshots in Russian and English.
 * Needs `npm run build` first (`npm test` does it).
 */
import type { Browser, Page } from 'playwright-core';
import {
  IVAN,
  XSS,
  XSS_NOTE,
  ok,
  rpc,
  seedTeam,
  STRANGER,
  type Seeded,
} from '../integration/rpc/seed';
import {
  assertNoXss,
  launch,
  openSidebar,
  openTab,
  sectionIds,
  shot,
  type Sidebar,
} from './sidebar-support';

// One browser and one page per file; the steps build on each other (a day's work).
jest.setTimeout(30_000);

let browser: Browser;
let seeded: Seeded;
let s: Sidebar;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  seeded = seedTeam();
  s = await openSidebar(browser, seeded.project, IVAN);
  page = s.page;
}, 60_000);

afterAll(async () => {
  await s?.close();
  await browser?.close();
});

const card = (id: string, section = 'forgotten') =>
  page.locator(`[data-section="${section}"] li[data-id="${id}"]`);

async function act(id: string, action: string, section = 'forgotten') {
  await card(id, section).locator(`[data-action="${action}"]`).click();
  return card(id, section).locator('form.action-form');
}

test('Today lists only the manager’s own forgotten deals and overdue steps; XSS stays text', async () => {
  const { romashka, xss, alpha, maria } = seeded.deals;
  // One server call loaded the whole first screen.
  expect(s.host.calls.map((c) => c.name)).toEqual(['rpc']);
  expect((await sectionIds(page, 'forgotten')).sort()).toEqual([romashka, xss, alpha].sort());
  expect(await sectionIds(page, 'unprocessed')).toEqual(['D-000100']);
  expect(
    await page.$$eval('[data-section="overdueInvoices"] li', (els) =>
      els.map((e) => e.getAttribute('data-id')),
    ),
  ).toEqual(['I-000001']);
  expect(await sectionIds(page, 'forgotten')).not.toContain(maria);
  // A deal shows once: forgotten, with its overdue next step said on the card.
  expect(await sectionIds(page, 'overdueSteps')).not.toContain(romashka);
  await expect(card(romashka).locator('.card-meta').textContent()).resolves.toBe(
    'без активности 17 дн. · шаг просрочен: 12.11.2026',
  );
  // The role-specific tabs are not offered to a manager.
  expect(
    await page
      .locator('[data-tab]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-tab'))),
  ).toEqual(['today', 'lead']);
  // The payload is shown as the text it is.
  await expect(card(xss).locator('.card-title').textContent()).resolves.toBe(XSS);
  await expect(card(xss).locator('.card-step').textContent()).resolves.toContain(XSS_NOTE);
  await assertNoXss(s);
  await shot(page, 'today-ru');
});

test('logging a call with the next step removes the deal from the forgotten list', async () => {
  const { romashka } = seeded.deals;
  const form = await act(romashka, 'log');
  // The form takes the focus, and Escape closes it.
  expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('type');
  await page.keyboard.press('Escape');
  expect(await card(romashka).locator('form.action-form').count()).toBe(0);
  await card(romashka).locator('[data-action="log"]').click();
  await form.locator('button[type="submit"]').click();
  // Required fields are named, the typed values stay, nothing is sent half-filled.
  await expect(form.locator('.field-error').first().textContent()).resolves.toContain(
    'Итог разговора',
  );
  await form.locator('textarea[name="summary"]').fill('Дозвонился, ждут КП до пятницы');
  await form.locator('input[name="nextStep"]').fill('Отправить КП');
  await form.locator('input[name="nextStepDate"]').fill('2026-12-01');
  await shot(page, 'today-log-form-ru');
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('.today .notice.ok');
  expect(await page.locator('.today .notice.ok').textContent()).toBe('Контакт записан.');
  expect(await sectionIds(page, 'forgotten')).not.toContain(romashka);
  expect(await sectionIds(page, 'overdueSteps')).not.toContain(romashka);
});

test('snoozing with a reason and a date hides the deal until then', async () => {
  const { vector } = seeded.deals;
  expect(await sectionIds(page, 'overdueSteps')).toEqual([vector]);
  const form = await act(vector, 'snooze', 'overdueSteps');
  // A date already gone is refused on the date field, before anything is sent.
  const sent = s.host.calls.length;
  await form.locator('input[name="until"]').fill('2026-11-20');
  await form.locator('input[name="reason"]').fill('Клиент в отпуске до 7 декабря');
  await form.locator('button[type="submit"]').click();
  await expect(form.locator('.field-error').textContent()).resolves.toBe(
    'Дата 20.11.2026 уже прошла: отложить можно до 27.11.2026 или позже.',
  );
  expect(s.host.calls.length).toBe(sent);
  await form.locator('input[name="until"]').fill('2026-12-07');
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('.today .notice.ok >> text=Отложено до 07.12.2026.');
  expect(await sectionIds(page, 'overdueSteps')).not.toContain(vector);
});

test('moving the stage, then closing won', async () => {
  const { xss } = seeded.deals;
  let form = await act(xss, 'stage');
  // The dialog says where the deal is and offers the next stage of the funnel.
  await expect(form.locator('.current-stage').textContent()).resolves.toBe('Сейчас: Новая заявка');
  expect(await form.locator('select[name="stage"]').inputValue()).toBe('Квалификация');
  await shot(page, 'today-stage-ru');
  // The first stage's checklist is not ticked: the playbook warns, «Всё равно перевести» goes on.
  await form.locator('button[type="submit"]').click();
  await form.locator('.error-box >> text=Дозвонился или написал').waitFor();
  await form.locator('label:has-text("Всё равно перевести") input').check();
  await shot(page, 'today-stage-confirm-ru');
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('.today .notice.ok >> text=Этап изменён.');
  await expect(card(xss).locator('.card-sub').textContent()).resolves.toContain('Квалификация');
  // Qualification is strict: winning needs its checklist ticked.
  for (const item of ['Бюджет подтверждён', 'ЛПР известен', 'Сроки известны']) {
    ok(rpc(seeded.project, IVAN, 'tickItem', { dealId: xss, item, done: true }));
  }
  form = await act(xss, 'won');
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('.today .notice.ok >> text=Сделка выиграна. Поздравляем!');
  expect(await sectionIds(page, 'forgotten')).not.toContain(xss);
  await assertNoXss(s);
});

test('a deal someone changed after it was shown is not overwritten; Refresh shows the change', async () => {
  const { alpha } = seeded.deals;
  const form = await act(alpha, 'snooze');
  await form.locator('input[name="reason"]').fill('Ждём бюджет');
  // Meanwhile a colleague moves the deal on (its updated-at stamp moves).
  const fresh = ok(rpc(seeded.project, IVAN, 'today', {})).forgotten.find((d) => d.id === alpha);
  ok(
    rpc(seeded.project, IVAN, 'moveStage', {
      dealId: alpha,
      updatedAt: fresh?.updatedAt ?? null,
      stage: 'Квалификация',
      amount: '',
      confirm: true,
    }),
  );
  await form.locator('button[type="submit"]').click();
  await form.locator('.error-box').waitFor();
  expect(await form.locator('.error-box').textContent()).toContain('изменил кто-то другой');
  expect(await form.locator('input[name="reason"]').inputValue()).toBe('Ждём бюджет');
  await page.click('[data-testid="today-refresh"]');
  await page.waitForFunction(
    (id) =>
      document
        .querySelector(`li[data-id="${id}"] .card-sub`)
        ?.textContent?.includes('Квалификация'),
    alpha,
  );
});

test('closing lost requires a reason', async () => {
  const { alpha } = seeded.deals;
  const form = await act(alpha, 'lost');
  await form.locator('button[type="submit"]').click();
  await expect(form.locator('.field-error').textContent()).resolves.toContain('Причина проигрыша');
  expect(await sectionIds(page, 'forgotten')).toContain(alpha);
  // «Другое» says nothing alone: a comment is asked for, and required.
  await form.locator('select[name="reason"]').selectOption('Другое');
  await form.locator('button[type="submit"]').click();
  await expect(form.locator('.field-error').textContent()).resolves.toContain('Что случилось');
  await form.locator('textarea[name="comment"]').fill('Проект заморожен до весны');
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('.today .notice.ok >> text=Сделка закрыта как проигранная.');
  expect(await sectionIds(page, 'forgotten')).not.toContain(alpha);
});

test('a new lead: live validation, the duplicate warning, then saved', async () => {
  await openTab(page, 'lead');
  const form = page.locator('form.lead-form');
  await form.locator('input[name="phone"]').fill('12345');
  await form.locator('input[name="phone"]').blur();
  await expect(form.locator('.field.invalid').first().textContent()).resolves.toContain('Телефон');
  await form.locator('input[name="clientName"]').fill('Ромашка ООО');
  await form.locator('input[name="phone"]').fill('+7 916 123-45-67');
  await form.locator('input[name="email"]').fill('info@romashka-new.ru');
  // The existing client shows before anything is saved.
  const dups = page.locator('[data-testid="duplicates"]');
  await dups.waitFor();
  expect(await dups.locator('li').first().getAttribute('data-id')).toBe('C-000001');
  expect(await dups.textContent()).toContain('ООО «Ромашка»');
  await form.locator('textarea[name="need"]').fill('Стеллажи для второго склада');
  await form.locator('input[name="amount"]').fill('300 000,50');
  await form.locator('textarea[name="summary"]').fill('Входящий звонок: нужен второй склад');
  await form.locator('input[name="nextStep"]').fill('Встреча на объекте');
  await form.locator('input[name="nextStepDate"]').fill('2026-11-30');
  await shot(page, 'lead-duplicate-ru');
  await form.locator('button[type="submit"]').click();
  // The server finds the duplicate too and waits for "save anyway".
  await page.waitForSelector('[data-testid="duplicates"] >> text=Сохранить всё равно');
  await page.click('[data-testid="duplicates"] >> text=Сохранить всё равно');
  await page.waitForSelector('.lead-form .notice.ok');
  expect(await page.locator('.lead-form .notice.ok').textContent()).toMatch(
    /^Лид сохранён: клиент C-\d{6}, сделка D-\d{6}\.$/,
  );
  expect(await form.locator('input[name="clientName"]').inputValue()).toBe('');
});

test('a failed call keeps everything typed', async () => {
  const form = page.locator('form.lead-form');
  await form.locator('input[name="clientName"]').fill('ООО «Новый клиент»');
  await form.locator('input[name="phone"]').fill('+7 915 555-66-77');
  await form.locator('textarea[name="need"]').fill('Нужна консультация');
  await form.locator('textarea[name="summary"]').fill('Оставил заявку на сайте');
  await form.locator('input[name="nextStep"]').fill('Перезвонить');
  await form.locator('input[name="nextStepDate"]').fill('2026-11-30');
  s.host.setUser(STRANGER); // the server now refuses: an unknown user
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('.lead-form .error-box');
  expect(await page.locator('.lead-form .error-box').textContent()).toContain(STRANGER);
  expect(await form.locator('input[name="clientName"]').inputValue()).toBe('ООО «Новый клиент»');
  expect(await form.locator('textarea[name="summary"]').inputValue()).toBe(
    'Оставил заявку на сайте',
  );
  await shot(page, 'lead-error-ru');
  s.host.setUser(IVAN);
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('.lead-form .notice.ok');
});

test('the team view is refused to a manager on the server too', async () => {
  const reply = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const run = (
          window as unknown as {
            google: { script: { run: Record<string, (...a: unknown[]) => unknown> } };
          }
        ).google.script.run;
        (run.withSuccessHandler(resolve) as unknown as { rpc(m: string, p: unknown): void }).rpc(
          'team',
          { period: '' },
        );
      }),
  );
  expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect((reply as { error: { message: string } }).error.message).toContain(
    'руководитель отдела продаж',
  );
});

test('keyboard: tabs move with the arrow keys and every input has a label', async () => {
  await page.focus('[data-tab="lead"]');
  await page.keyboard.press('ArrowLeft');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tab'))).toBe('today');
  await page.waitForSelector('#panel-today:not([hidden])');
  const unlabelled = await page.$$eval('input:not([type="hidden"]), select, textarea', (els) =>
    els.filter((e) => !(e as HTMLInputElement).labels?.length).map((e) => e.outerHTML),
  );
  expect(unlabelled).toEqual([]);
});

test('English: the same screens in the other language', async () => {
  const en = seedTeam({ lang: 'en' });
  const s2 = await openSidebar(browser, en.project, IVAN);
  try {
    expect(await s2.page.locator('[data-tab="today"]').textContent()).toMatch(/^Today/);
    await shot(s2.page, 'today-en');
    await s2.page.locator(`li[data-id="${en.deals.romashka}"] [data-action="log"]`).first().click();
    await shot(s2.page, 'today-log-form-en');
    await openTab(s2.page, 'lead');
    await s2.page.locator('input[name="clientName"]').fill('Romashka');
    await s2.page.locator('input[name="email"]').fill('petr@romashka.ru');
    await s2.page.waitForSelector('[data-testid="duplicates"]');
    await s2.page.locator('input[name="phone"]').fill('123');
    await s2.page.locator('input[name="phone"]').blur();
    await shot(s2.page, 'lead-duplicate-en');
    expect(await s2.page.locator('[data-testid="duplicates"]').textContent()).toContain(
      'A similar client exists',
    );
    await assertNoXss(s2);
  } finally {
    await s2.close();
  }
});
