/**
 * People in the real sidebar against the built bundle, on the demo company: the head's People
 * screen (onboarding, due for training, grades, candidates) and a hire from it; the new manager's
 * own onboarding in Today, marked done there; another manager sees no such section. Screenshots
 * in Russian and English. Needs `npm run build` first.
 */
import type { Browser } from 'playwright-core';
import { ok, rpc, seedDemo, type Demo } from '../integration/rpc/seed';
import path from 'node:path';
import { launch, openSidebar, openTab, shot, SHOTS } from './sidebar-support';

jest.setTimeout(30_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function peopleScreen(demo: Demo, lang: 'ru' | 'en') {
  const s = await openSidebar(browser, demo.project, demo.head);
  const page = s.page;
  await openTab(page, 'team');
  await page.click('[data-screen="people"]');
  await page.waitForSelector('[data-testid="people"]');
  const view = ok(rpc(demo.project, demo.head, 'people', {}));
  for (const [section, n] of [
    ['onboarding', view.onboarding.length],
    ['due', view.due.length],
    ['grades', view.grades.length],
    ['candidates', view.candidates?.length ?? 0],
  ] as const) {
    expect(await page.locator(`[data-section="${section}"] li.card`).count()).toBe(n);
  }
  await shot(page, `people-${lang}`);
  return { s, page, view };
}

test('the head sees the People screen and hires a candidate with a mentor', async () => {
  const demo = seedDemo();
  const { s, page, view } = await peopleScreen(demo, 'ru');
  expect(await page.locator('[data-section="grades"]').textContent()).toContain('готов к');
  const offer = view.candidates?.find((c) => c.stage === 'Оффер');
  const card = page.locator('[data-section="candidates"] li.card', { hasText: offer?.name ?? '' });
  await page.fill('input[placeholder="Наставник (email)"]', demo.managers[0]);
  await card.locator('button').click();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-section="onboarding"] li.card').length === 2,
  );
  expect(await card.locator('button').count()).toBe(0);
  expect(s.errors).toEqual([]);
  await s.close();
});

test('the new manager marks an onboarding step done in Today; others see no section', async () => {
  const demo = seedDemo({ lang: 'en' });
  const { s: head } = await peopleScreen(demo, 'en');
  await head.close();
  const hire = ok(rpc(demo.project, demo.head, 'people', {})).onboarding[0].manager;
  const s = await openSidebar(browser, demo.project, hire);
  const section = s.page.locator('[data-section="myOnboarding"]');
  await section.waitFor();
  expect(await section.locator('li.card').count()).toBe(4);
  const before = await section.locator('button').count();
  await shot(s.page, 'people-today-en');
  await section.locator('button').first().click();
  await s.page.waitForFunction(
    (n) => document.querySelectorAll('[data-section="myOnboarding"] button').length === n - 1,
    before,
  );
  await s.close();
  const other = demo.managers.find((m) => m !== hire) as string;
  const o = await openSidebar(browser, demo.project, other);
  await o.page.waitForSelector('[data-section]');
  expect(await o.page.locator('[data-section="myOnboarding"]').count()).toBe(0);
  await o.close();
});

test('the head adds a training from the People screen', async () => {
  const demo = seedDemo();
  const { s, page } = await peopleScreen(demo, 'ru');
  const form = page.locator('[data-section="addTraining"]');
  await form.locator('select[aria-label="Менеджеры"]').selectOption(demo.managers[2]);
  await form.locator('select[aria-label="Тип"]').selectOption('attestation');
  await form.locator('input[placeholder="Тема"]').fill('Возражения');
  await form.locator('input[placeholder="Балл"]').fill('90');
  await form.screenshot({ path: path.join(SHOTS, 'people-training-ru.png') });
  await form.locator('button').click();
  const added = () =>
    ok(rpc(demo.project, demo.managers[2], 'people', {})).trainings.some(
      (t) => t.topic === 'Возражения' && t.kind === 'Аттестация',
    );
  for (let i = 0; i < 50 && !added(); i++) await page.waitForTimeout(100);
  expect(added()).toBe(true);
  expect(s.errors).toEqual([]);
  await s.close();
});

test('a manager opens My growth in Today on a click', async () => {
  for (const lang of ['ru', 'en'] as const) {
    const demo = seedDemo({ lang });
    const s = await openSidebar(browser, demo.project, demo.managers[1]);
    const growth = s.page.locator('[data-section="growth"]');
    await growth.locator('button').click();
    await growth.locator('li.card').first().waitFor();
    const text = await growth.textContent();
    expect(text).toContain(lang === 'ru' ? 'Обучений за год' : 'Trainings this year');
    // The section alone: Today's full page is long.
    await growth.screenshot({ path: path.join(SHOTS, `people-growth-${lang}.png`) });
    expect(s.errors).toEqual([]);
    await s.close();
  }
});
