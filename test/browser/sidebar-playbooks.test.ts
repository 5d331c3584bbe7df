/**
 * Stage playbooks in the real sidebar against the real server bundle: the head's Team screen shows
 * process compliance per manager (the share of stage moves made with the exit criterion met) and
 * writes the printable instructions sheet with one button.
 * The move-stage warning and «Move anyway» are driven in sidebar-manager.test.ts. The deal card
 * that renders the playbook section arrives with the deal-card work; its data is pinned by
 * test/integration/tasks/playbooks.test.ts. Needs `npm run build` first.
 */
import type { Browser } from 'playwright-core';
import { HEAD, IVAN, ok, rpc, seedTeam, type Seeded } from '../integration/rpc/seed';
import { launch, openSidebar, openTab, shot } from './sidebar-support';

jest.setTimeout(60_000);

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Ivan qualified Vector past the warning (criterion not met); now he does Alpha by the book. */
function byTheBook(seed: Seeded, lang: 'ru' | 'en'): void {
  const { alpha } = seed.deals;
  const items = ok(rpc(seed.project, IVAN, 'playbook', { dealId: alpha })).playbook?.items ?? [];
  for (const { item } of items) {
    ok(rpc(seed.project, IVAN, 'tickItem', { dealId: alpha, item, done: true }));
  }
  const today = ok(rpc(seed.project, IVAN, 'today', {}));
  const shown = [...today.forgotten, ...today.overdueSteps, ...today.noNextStep].find(
    (d) => d.id === alpha,
  );
  ok(
    rpc(seed.project, IVAN, 'moveStage', {
      dealId: alpha,
      updatedAt: shown?.updatedAt ?? null,
      stage: lang === 'ru' ? 'Квалификация' : 'Qualification',
      amount: '',
      confirm: false,
    }),
  );
}

describe.each(['ru', 'en'] as const)('playbooks in the sidebar (%s)', (lang) => {
  let seed: Seeded;
  beforeAll(() => {
    seed = seedTeam({ lang });
    byTheBook(seed, lang);
  });

  test('the head sees process compliance per manager in Team', async () => {
    const s = await openSidebar(browser, seed.project, HEAD);
    const page = s.page;
    try {
      await openTab(page, 'team');
      const section = page.locator('[data-section="compliance"]');
      await section.waitFor();
      expect(await section.textContent()).toContain('(1/2)');
      await section.scrollIntoViewIfNeeded();
      await section.locator('button').click();
      await section.locator('p.card-meta').waitFor();
      const sheet = lang === 'ru' ? 'Инструкции для менеджеров' : 'Instructions for managers';
      expect(await section.locator('p.card-meta').textContent()).toContain(sheet);
      expect(seed.project.emulator.spreadsheet.getSheetByName(sheet)).not.toBeNull();
      await shot(page, `playbooks-team-${lang}`);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
