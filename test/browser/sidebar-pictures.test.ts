/**
 * The sidebar's pictures drawn against the numbers the server sent: each bar's size in proportion
 * to its value, the values written as text, and a text alternative naming them, in Russian and
 * English. The demo company, seen by the head (Team) and by a manager (Today).
 * Needs `npm run build` first (`npm test` does it).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import type { MyPlan } from '../../src/shared/contract';
import { ok, rpc, seedDemo, type Demo } from '../integration/rpc/seed';
import { launch, openSidebar, openTab, shot, type Sidebar } from './sidebar-support';

jest.setTimeout(40_000);

/** The drawing box is 280 units wide (sidebar/charts.tsx); columns are 32 units tall at most. */
const W = 280;
const COLUMN = 32;

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const num = (el: Locator, attr: string): Promise<number> =>
  el.getAttribute(attr).then((v) => Number(v));

async function rects(
  svg: Locator,
): Promise<Array<{ value: number; width: number; height: number; x: number }>> {
  return svg.locator('rect[data-value]').evaluateAll((els) =>
    els.map((e) => ({
      value: Number(e.getAttribute('data-value')),
      width: Number(e.getAttribute('width')),
      height: Number(e.getAttribute('height')),
      x: Number(e.getAttribute('x')),
    })),
  );
}

const pct = (f: number): string => `${Math.round(f * 100)}%`;

async function withSidebar(demo: Demo, user: string, fn: (page: Page) => Promise<void>) {
  const s: Sidebar = await openSidebar(browser, demo.project, user);
  try {
    await fn(s.page);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
}

describe.each(['ru', 'en'] as const)('pictures in %s', (lang) => {
  let demo: Demo;
  beforeAll(() => {
    demo = seedDemo({ lang });
  });

  test('Team: six periods of completion per manager, the funnel, receivables by age', async () => {
    const team = ok(rpc(demo.project, demo.head, 'team', { period: '' }));
    await withSidebar(demo, demo.head, async (page) => {
      await openTab(page, 'team');
      await page.waitForSelector('.team .company svg[data-chart="trend"]');

      // Trend: one column per period, its height completion / max(1, best), its percent as text.
      expect(team.trendPeriods).toHaveLength(6);
      expect(team.trendPeriods.at(-1)).toBe(team.period);
      for (const [i, row] of team.managers.entries()) {
        const svg = page
          .locator('.team li[data-manager]')
          .nth(i)
          .locator('svg[data-chart="trend"]');
        expect(row.trend).toHaveLength(6);
        expect(row.trend.at(-1)).toBe(row.completion);
        const max = Math.max(1, ...row.trend.map((v) => v ?? 0));
        const drawn = await rects(svg);
        expect(drawn.map((r) => r.value)).toEqual(row.trend.filter((v) => v !== null));
        for (const r of drawn) expect(r.height).toBeCloseTo((COLUMN * r.value) / max, 3);
        const texts = await svg.locator('text:not(.axis)').allTextContents();
        expect(texts).toEqual(row.trend.map((v) => (v === null ? '—' : pct(v))));
        const label = (await svg.getAttribute('aria-label')) ?? '';
        expect(label).toContain(row.name);
        for (const p of team.trendPeriods) expect(label).toContain(p);
        expect(await svg.getAttribute('role')).toBe('img');
      }
      // The demo story: someone is behind this month, someone is not.
      const now = team.managers.map((r) => r.completion ?? 0);
      expect(Math.min(...now)).toBeLessThan(0.7);
      expect(Math.max(...now)).toBeGreaterThan(0.9);

      // Funnel: bars centred, each as wide as the deals that reached the stage.
      const funnel = page.locator('svg[data-chart="funnel"]');
      const top = Math.max(1, ...team.funnel.map((f) => f.reached));
      const bars = await rects(funnel);
      expect(bars.map((b) => b.value)).toEqual(team.funnel.map((f) => f.reached));
      for (const b of bars) {
        expect(b.width).toBeCloseTo((W * b.value) / top, 3);
        expect(b.x + b.width / 2).toBeCloseTo(W / 2, 3);
      }
      expect(await funnel.locator('text.name').allTextContents()).toEqual(
        team.funnel.map((f) => f.stage),
      );
      const counts = await funnel.locator('text.num').allTextContents();
      expect(counts.map((t) => Number(t.split(' · ')[0]))).toEqual(
        team.funnel.map((f) => f.reached),
      );
      expect(counts[1]).toContain(pct(team.funnel[1].conversion ?? 0));

      // Aging: the team's bar split by amount, then one bar per manager on one scale.
      const aging = page.locator('svg[data-chart="aging"]');
      const amounts = team.receivables.aging.map((b) => b.amount);
      const total = amounts.reduce((a, b) => a + b, 0);
      expect(total).toBe(team.receivables.outstanding);
      const segs = (await rects(aging)).slice(0, amounts.filter((a) => a > 0).length);
      expect(segs.map((s) => s.value)).toEqual(amounts.filter((a) => a > 0));
      for (const s of segs) expect(s.width).toBeCloseTo((W * s.value) / total, 3);
      // Hatched buckets: the pattern, not only the colour, tells 31-60 and 61-90 apart.
      expect(await aging.locator('pattern').count()).toBe(2);
      const withDebt = team.managers.filter((r) => r.aging.some((b) => b.amount > 0));
      expect(await aging.locator('g[data-row]').count()).toBe(withDebt.length);
      const sums = withDebt.map((r) => r.aging.reduce((a, b) => a + b.amount, 0));
      const first = aging.locator('g[data-row]').first();
      const firstWidth = (await rects(first)).reduce((a, r) => a + r.width, 0);
      expect(firstWidth).toBeCloseTo((W * sums[0]) / Math.max(...sums), 3);
      expect(sums.reduce((a, b) => a + b, 0)).toBe(total);
      expect(await aging.getAttribute('aria-label')).toContain(
        lang === 'ru' ? 'Дебиторка: В срок' : 'Receivables: Not yet due',
      );
      await shot(page, `pictures-team-${lang}`);
    });
  });

  test("Today: my plan with today's even-pace marker, my forgotten deals week by week", async () => {
    // The manager furthest behind the plan: the pictures have something to say.
    const views = demo.managers.map((m) => ({ m, v: ok(rpc(demo.project, m, 'today', {})) }));
    const { m, v } = views
      .filter((x) => x.v.plan && x.v.plan.plan > 0)
      .sort((a, b) => (a.v.plan?.completion ?? 0) - (b.v.plan?.completion ?? 0))[0];
    const plan = v.plan as MyPlan;
    await withSidebar(demo, m, async (page) => {
      await page.waitForSelector('[data-section="myPlan"] svg[data-chart="pace"]');
      const pace = page.locator('svg[data-chart="pace"]');
      const scale = Math.max(plan.plan, plan.fact);
      const expected = (plan.plan * plan.workingDaysElapsed) / plan.workingDaysTotal;
      const [track, fact] = await rects(pace);
      expect(track.value).toBe(plan.plan);
      expect(track.width).toBeCloseTo((W * plan.plan) / scale, 3);
      expect(fact.value).toBe(plan.fact);
      expect(fact.width).toBeCloseTo((W * plan.fact) / scale, 3);
      const marker = pace.locator('line.marker');
      expect(await num(marker, 'x1')).toBeCloseTo((W * expected) / scale, 3);
      expect(plan.workingDaysElapsed).toBeGreaterThan(0);
      expect(plan.workingDaysElapsed).toBeLessThan(plan.workingDaysTotal);
      const note = (await page.locator('[data-testid="pace-note"]').textContent()) ?? '';
      expect(note).toMatch(
        lang === 'ru'
          ? fact.value < expected
            ? /отстаёт на/
            : /впереди на/
          : fact.value < expected
            ? /behind by/
            : /ahead by/,
      );

      const weeks = page.locator('svg[data-chart="weeks"]');
      expect(plan.forgottenWeeks).toHaveLength(8);
      expect(plan.forgottenWeeks.at(-1)).toEqual({ day: v.asOf, count: v.forgotten.length });
      const counts = plan.forgottenWeeks.map((w) => w.count);
      const max = Math.max(1, ...counts);
      const cols = await rects(weeks);
      expect(cols.map((c) => c.value)).toEqual(counts);
      for (const c of cols) expect(c.height).toBeCloseTo((COLUMN * c.value) / max, 3);
      expect(await weeks.locator('text:not(.axis)').allTextContents()).toEqual(counts.map(String));
      const dates = await weeks.locator('text.axis').allTextContents();
      expect(dates.at(-1)).toBe(`${v.asOf.slice(8, 10)}.${v.asOf.slice(5, 7)}`);
      const label = (await weeks.getAttribute('aria-label')) ?? '';
      expect(label).toContain(
        lang === 'ru' ? 'Забытые сделки по неделям' : 'Forgotten deals by week',
      );
      expect(label).toContain(`${dates.at(-1)} ${counts.at(-1)}`);
      await shot(page, `pictures-today-${lang}`);
    });
  });
});
