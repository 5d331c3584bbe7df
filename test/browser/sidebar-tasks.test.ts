/**
 * Tasks in the real sidebar against the real server bundle: the head sets a task on the Tasks
 * screen and sees who is late; the manager finds it in Today, overdue first, and can mark it done
 * only with a result. Screenshots in Russian and English.
 * Needs `npm run build` first (`npm test` does it).
 */
import type { Browser } from 'playwright-core';
import { HEAD, IVAN, NOW, ok, rpc, seedTeam, type Seeded } from '../integration/rpc/seed';
import { launch, openSidebar, openTab, shot } from './sidebar-support';

jest.setTimeout(60_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** A task set last week and now overdue, so the lists have something late to show. */
function withOverdueTask(seed: Seeded, lang: 'ru' | 'en'): void {
  const clock = seed.project.emulator.clock;
  clock.set(Date.parse('2026-11-20T10:00:00+03:00'));
  ok(
    rpc(seed.project, HEAD, 'setTask', {
      what: lang === 'ru' ? 'Обновить прайс для «Вектора»' : 'Update the price list for Vector',
      whom: IVAN,
      dealId: seed.deals.vector,
      due: '2026-11-24',
      time: '18:00',
      priority: 'high',
    }),
  );
  clock.set(NOW);
}

describe.each(['ru', 'en'] as const)('tasks in the sidebar (%s)', (lang) => {
  let seed: Seeded;
  beforeAll(() => {
    seed = seedTeam({ lang });
    withOverdueTask(seed, lang);
  });

  test('the head sets a task and sees who is late', async () => {
    const s = await openSidebar(browser, seed.project, HEAD);
    const page = s.page;
    try {
      await openTab(page, 'team');
      await page.click('[data-screen="tasks"]');
      await page.waitForSelector('[data-testid="tasks-late"]');
      expect(await page.locator('[data-testid="tasks-late"]').textContent()).toContain('3');
      const what = lang === 'ru' ? 'Подготовить отчёт по встречам' : 'Prepare the meetings report';
      await page.fill('[data-testid="task-form"] textarea[name="what"]', what);
      await page.selectOption('[data-testid="task-form"] select[name="whom"]', IVAN);
      await page.fill('[data-testid="task-form"] input[name="time"]', '15:00');
      await page.click('[data-testid="task-form"] button[type="submit"]');
      await page.waitForSelector(`[data-section="tasks"] li.card >> text=${what}`);
      // The overdue task stays first.
      const first = page.locator('[data-section="tasks"] li.card').first();
      expect(await first.getAttribute('data-status')).toBe('open');
      expect(await first.locator('.warn-text').count()).toBe(1);
      await shot(page, `tasks-head-${lang}`);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('the manager completes a task in Today, only with a result', async () => {
    const s = await openSidebar(browser, seed.project, IVAN);
    const page = s.page;
    try {
      const section = page.locator('[data-slot="tasks"] [data-section="tasks"]');
      await section.waitFor();
      expect(await section.locator('li.card').count()).toBe(2);
      await shot(page, `tasks-today-${lang}`);
      const card = section.locator('li.card').first();
      await card.locator('button.primary').click();
      await card.locator('.field-error').waitFor();
      const result = lang === 'ru' ? 'Отправил новый прайс' : 'Sent the new price list';
      await card.locator('textarea[name="result"]').fill(result);
      await card.locator('button.primary').click();
      // Done, it leaves Today's list: what is left is the caller's to do.
      await page.waitForFunction(
        () => document.querySelectorAll('[data-section="tasks"] li.card').length === 1,
      );
      const view = ok(rpc(seed.project, HEAD, 'tasks', { dealId: '', period: '' }));
      expect(view.tasks.find((t) => t.result === result)?.status).toBe('done');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
