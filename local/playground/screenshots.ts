/**
 * Makes the user guide's screenshots from the playground (docs/guide/img/<lang>/*.png), so they
 * are regenerated whenever the UI changes: `node scripts/screenshots.mjs` (after `npm run build`).
 * Each language gets its own demo workbook (set up in that language) on a fixed date, so the
 * pictures only change when the product does.
 */
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { launchChromium } from '../harness/chromium';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Playground } from './playground';
import { startServer } from './server';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'docs/guide/img');
// Friday 27.11.2026 09:00 in Moscow: the demo data's "today".
const START = Date.parse('2026-11-27T09:00:00+03:00');

type Lang = 'ru' | 'en';

const SHEETS: Record<Lang, { deals: string; plans: string; dashboard: string; clients: string }> = {
  ru: { deals: 'Сделки', plans: 'Планы', dashboard: 'Дашборд', clients: 'Клиенты' },
  en: { deals: 'Deals', plans: 'Plans', dashboard: 'Dashboard', clients: 'Clients' },
};

async function sidebarFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('#sidebar').elementHandle())!.contentFrame();
  await frame!.locator('[data-tab="today"]').waitFor({ timeout: 30_000 });
  return frame!;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300);
}

async function showSheet(page: Page, name: string, last = false): Promise<void> {
  await page.locator(`.tab[data-sheet="${name}"]`).click();
  await page.locator(`#grid-table[data-sheet="${name}"]`).waitFor();
  if (last) {
    await page.locator('#last').click();
    await page.locator('#grid-table[data-end="true"]').waitFor();
  }
  await settle(page);
}

/** The manager with the most to do today, so that the pictures show a real day's work. */
function busiestManager(pg: Playground): string {
  let best = '';
  let most = -1;
  for (const u of pg.users().filter((x) => x.role === 'manager')) {
    const reply = pg.bridge.project.rpc('rpc', ['today', {}], { user: u.email }) as {
      ok: boolean;
      data?: Record<string, unknown[]>;
    };
    const n =
      reply.ok && reply.data ? Object.values(reply.data).filter(Array.isArray).flat().length : 0;
    if (n > most) [best, most] = [u.email, n];
  }
  return best;
}

/** The demo's manager in onboarding (the head's People view lists them). */
function newHire(pg: Playground): string {
  const head = pg.users().find((u) => u.role === 'head')?.email ?? '';
  const reply = pg.bridge.project.rpc('rpc', ['people', {}], { user: head }) as {
    ok: boolean;
    data?: { onboarding: Array<{ manager: string }> };
  };
  return reply.ok ? (reply.data?.onboarding[0]?.manager ?? '') : '';
}

/**
 * A manager past onboarding whose next grade (Senior) asks for process compliance, not at risk in
 * their own, so My growth lists the next grade's criteria with the process figure.
 */
function growingManager(pg: Playground): string {
  const head = pg.users().find((u) => u.role === 'head')?.email ?? '';
  const reply = pg.bridge.project.rpc('rpc', ['people', {}], { user: head }) as {
    ok: boolean;
    data?: { grades: Array<{ email: string; next: string; risk: boolean }> };
  };
  const grades = (reply.ok ? reply.data?.grades : undefined) ?? [];
  const next = grades.filter((g) => g.next === 'Senior');
  return (next.find((g) => !g.risk) ?? next[0])?.email ?? '';
}

async function signInAs(page: Page, pg: Playground, role: string, email?: string): Promise<void> {
  const who = pg.users().find((u) => (email ? u.email === email : u.role === role));
  if (!who) throw new Error(`The demo has no ${role}`);
  if (pg.state().user !== who.email) {
    await page.selectOption('#user', who.email);
    for (let i = 0; i < 50 && pg.state().user !== who.email; i++) await page.waitForTimeout(100);
  }
  await settle(page);
}

async function openTab(page: Page, tab: string): Promise<Frame> {
  const frame = await sidebarFrame(page);
  const button = frame.locator(`[data-tab="${tab}"]`);
  if (await button.count()) await button.click();
  await settle(page);
  return frame;
}

async function shot(
  page: Page,
  pg: Playground,
  target: Page | Locator,
  lang: Lang,
  name: string,
): Promise<void> {
  // A picture without passing toasts, and with the save finished.
  for (let i = 0; i < 100 && pg.state().saving; i++) await page.waitForTimeout(100);
  await page
    .locator('#save-status.busy')
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
  await page.evaluate(() => document.querySelectorAll('.toast').forEach((t) => t.remove()));
  const file = path.join(OUT, lang, `${name}.png`);
  await target.screenshot({ path: file });
  console.log(`  ${path.relative(ROOT, file)}`);
}

async function forLanguage(browser: Browser, lang: Lang): Promise<void> {
  console.log(`${lang}:`);
  mkdirSync(path.join(OUT, lang), { recursive: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), `rop-shots-${lang}-`));
  const pg = await Playground.open({ workbook: path.join(dir, 'workbook.xlsx'), now: START, lang });
  const server = await startServer({ playground: pg, port: 0 });
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
  });
  try {
    await page.goto(`${server.url}?lang=${lang}`);
    await page.locator('#grid-table').waitFor();
    const sheets = SHEETS[lang];

    // The head of sales: the whole playground, then each of their screens.
    await signInAs(page, pg, 'head');
    await showSheet(page, sheets.deals);
    await sidebarFrame(page);
    await settle(page);
    await shot(page, pg, page, lang, 'playground');
    const side = page.locator('aside.side');
    const sheet = page.locator('main.sheet');
    await openTab(page, 'team');
    await shot(page, pg, side, lang, 'head-team');
    await pictureShots(page, pg, lang, 'team');
    await openTab(page, 'settings');
    await shot(page, pg, side, lang, 'head-settings');
    await openTab(page, 'import');
    await shot(page, pg, side, lang, 'head-import');
    await showSheet(page, sheets.plans);
    await shot(page, pg, sheet, lang, 'head-plans');
    await page.locator('#menu-button').click();
    await settle(page);
    await shot(page, pg, page, lang, 'menu');
    await page.locator('.menu-item[data-fn="menuRefreshDashboard"]').click();
    await settle(page);
    await showSheet(page, sheets.dashboard);
    await shot(page, pg, sheet, lang, 'head-dashboard');
    // The native charts sit to the right of the tables, where the dashboard anchors them.
    await page.locator('#chart-layer .chart').first().scrollIntoViewIfNeeded();
    await settle(page);
    await shot(page, pg, sheet, lang, 'head-dashboard-charts');

    // The manager: today's list, a new lead, logging a call.
    const manager = busiestManager(pg);
    await signInAs(page, pg, 'manager', manager);
    let frame = await openTab(page, 'today');
    await shot(page, pg, side, lang, 'manager-today');
    await pictureShots(page, pg, lang, 'today');
    const log = frame.locator('[data-action="log"]').first();
    if (await log.count()) {
      await log.click();
      const form = frame.locator('.card form').first();
      await form
        .locator('[name="summary"]')
        .fill(
          lang === 'ru'
            ? 'Обсудили КП, клиент согласен на пилот'
            : 'Went through the offer; the client agrees to a pilot',
        );
      await form
        .locator('[name="nextStep"]')
        .fill(lang === 'ru' ? 'Выставить счёт' : 'Send the invoice');
      await settle(page);
      await log.scrollIntoViewIfNeeded();
      await shot(page, pg, side, lang, 'manager-log-call');
    }
    frame = await openTab(page, 'lead');
    const lead = frame.locator('.lead-form');
    const ru = lang === 'ru';
    await lead.locator('[name="clientName"]').fill(ru ? 'ООО «Северный ветер»' : 'North Wind LLC');
    await lead.locator('[name="contactName"]').fill(ru ? 'Анна Смирнова' : 'Anna Smirnova');
    await lead.locator('[name="phone"]').fill('8 (921) 555-12-34');
    await lead.locator('[name="email"]').fill('anna@north-wind.example');
    await lead
      .locator('[name="need"]')
      .fill(
        ru
          ? 'CRM для отдела из 6 человек, срок — до конца года'
          : 'A CRM for a team of 6, by the end of the year',
      );
    await lead.locator('[name="dealTitle"]').fill(ru ? 'Внедрение ROP Desk' : 'ROP Desk roll-out');
    await lead.locator('[name="amount"]').fill('240 000');
    await settle(page);
    await shot(page, pg, side, lang, 'manager-new-lead');
    // The deal card, opened from the first deal of Today.
    frame = await openTab(page, 'today');
    const title = frame.locator('.today .card-title.link').first();
    if (await title.count()) {
      await title.click();
      await frame.locator('.deal-card h2.card-title').waitFor();
      await settle(page);
      await shot(page, pg, side, lang, 'manager-deal-card');
      await frame.locator('.deal-card > button').first().click();
    }

    // Reminders: on from the menu, a week later the daily trigger, the digest in the outbox.
    await signInAs(page, pg, 'head');
    await page.locator('#menu-button').click();
    await page.locator('.menu-item[data-fn="menuRemindersOn"]').click();
    await settle(page);
    await page.locator('#triggers-button').click();
    const trigger = page.locator('[data-trigger]').first();
    if (await trigger.count()) await trigger.click();
    else await page.locator('#run-daily').click();
    await settle(page);
    await page.locator('#tab-outbox').click();
    const managerMail = page.locator('#mail-list li', { hasText: manager }).first();
    if (await managerMail.count()) await managerMail.click();
    await page.locator('#panel-toggle').click();
    await settle(page);
    await shot(page, pg, page.locator('section.panel'), lang, 'digest');
    await page.locator('#panel-toggle').click();
    await showSheet(page, sheets.clients, true);
    await shot(page, pg, page, lang, 'playground-outbox');

    // The next months' forecast: its block and line chart (fact, forecast, band) on the dashboard.
    await showSheet(page, sheets.dashboard);
    const forecastTitle =
      lang === 'ru' ? 'Прогноз на следующие месяцы' : 'Forecast for the next months';
    // The block's title at the top of the view, so its rows and notes are in the picture.
    await page
      .locator('#grid-table td', { hasText: forecastTitle })
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await settle(page);
    await shot(page, pg, sheet, lang, 'head-dashboard-forecast');
    await page.locator('#chart-layer .chart[data-type="LINE"]').first().scrollIntoViewIfNeeded();
    await settle(page);
    await shot(page, pg, sheet, lang, 'head-dashboard-forecast-chart');
    // Tasks (issue #14): the head's Tasks screen, then the manager's tasks in Today.
    await signInAs(page, pg, 'head');
    frame = await openTab(page, 'team');
    await frame.locator('[data-screen="tasks"]').click();
    await frame.locator('[data-section="tasks"]').waitFor();
    await settle(page);
    await shot(page, pg, side, lang, 'head-tasks');
    await signInAs(page, pg, 'manager', manager);
    frame = await openTab(page, 'today');
    await shot(page, pg, frame.locator('[data-section="tasks"]'), lang, 'manager-tasks');
    // People: the head's People screen (under Team), and the new hire's onboarding in Today.
    await signInAs(page, pg, 'head');
    frame = await openTab(page, 'team');
    await frame.locator('[data-screen="people"]').click();
    await frame.locator('[data-testid="people"]').waitFor();
    await settle(page);
    await shot(page, pg, side, lang, 'head-people');
    // The growth ladder sits below onboarding and training: its own picture.
    const ladder = frame.locator('[data-section="grades"]');
    await ladder.scrollIntoViewIfNeeded();
    await settle(page);
    await shot(page, pg, ladder, lang, 'head-grades');
    const hire = newHire(pg);
    if (hire) {
      await signInAs(page, pg, 'manager', hire);
      frame = await openTab(page, 'today');
      await frame.locator('[data-section="myOnboarding"]').waitFor();
      await shot(page, pg, side, lang, 'manager-onboarding');
    }
    // The plan builder: next year's plan previewed, written, then the plan defence sheet.
    await signInAs(page, pg, 'head');
    frame = await openTab(page, 'team');
    await frame.locator('[data-screen="plans"]').click();
    await frame.locator('input[name="period"]').fill('2027');
    await frame.locator('input[name="growth"]').fill('15');
    await frame.locator('select[name="spread"]').selectOption('seasonal');
    await frame.locator('[data-screen-body="plans"] button.btn.primary').first().click();
    await frame.locator('.plan-preview svg').waitFor();
    await settle(page);
    await shot(page, pg, side, lang, 'head-plans-builder');
    await frame.locator('.plan-preview button.btn.primary').click();
    await frame.locator('.notice').first().waitFor();
    await frame.locator('.plans .team-actions button').click();
    await frame.locator('.plans .team-actions .notice').waitFor();
    await settle(page);
    await shot(page, pg, side, lang, 'head-plans-written');
    await showSheet(page, lang === 'ru' ? 'Защита плана' : 'Plan defence');
    await shot(page, pg, sheet, lang, 'head-plan-defence');
    // Money (docs/money.md): the head's Money screen under the Team tab.
    await signInAs(page, pg, 'head');
    const money = await openTab(page, 'team');
    await money.locator('[data-screen="money"]').click();
    await money.locator('.money-lines li').first().waitFor();
    await settle(page);
    await shot(page, pg, side, lang, 'head-money');
    // Stage playbooks (issue #14): compliance in Team, and the instructions sheet its button writes.
    await signInAs(page, pg, 'head');
    frame = await openTab(page, 'team');
    // The Team tab remembers the last work screen (Money): back to the team's own figures.
    await frame.locator('[data-screen="team"]').click();
    const compliance = frame.locator('[data-section="compliance"]');
    await compliance.locator('button').click();
    await compliance.locator('p.card-meta').waitFor();
    await shot(page, pg, compliance, lang, 'head-compliance');
    await showSheet(
      page,
      lang === 'ru' ? 'Инструкции для менеджеров' : 'Instructions for managers',
    );
    await settle(page);
    await shot(page, pg, page, lang, 'playbook-instructions');

    // Deal lines (docs/money.md): the deal card's products; a line from the price list if none.
    await signInAs(page, pg, 'manager', manager);
    frame = await openTab(page, 'today');
    const dealTitle = frame.locator('.today .card-title.link').first();
    if (await dealTitle.count()) {
      await dealTitle.click();
      const lines = frame.locator('.deal-card .money.rows');
      await lines.locator('h2').waitFor();
      if (!(await lines.locator('li.row-edit').count())) {
        await lines.locator('input[list="price-list"]').fill('SP-200');
        await lines.locator('button.primary').click();
        await lines.locator('li.row-edit').first().waitFor();
      }
      await settle(page);
      await shot(page, pg, side, lang, 'manager-deal-lines');
    }
    // People: My growth in Today of a manager past onboarding (grade criteria, process figure).
    const grower = growingManager(pg);
    if (grower) {
      await signInAs(page, pg, 'manager', grower);
      frame = await openTab(page, 'today');
      // The deal card of the shot above stays open when it was the same manager.
      const back = frame.locator('.deal-card > button');
      if (await back.count()) await back.first().click();
      const growth = frame.locator('[data-section="growth"]');
      await growth.locator('button').click();
      await growth.locator('h2').waitFor();
      await growth.scrollIntoViewIfNeeded();
      await settle(page);
      await shot(page, pg, growth, lang, 'manager-growth');
    }
    // The new-lead form with a line from the price list (found by SKU), the amount from it.
    frame = await openTab(page, 'lead');
    const leadLines = frame.locator('.lead-form .money.rows');
    await frame
      .locator('.lead-form [name="clientName"]')
      .fill(ru ? 'ООО «Склад-Логистик»' : 'Warehouse Logistics LLC');
    await frame
      .locator('.lead-form [name="need"]')
      .fill(ru ? 'Стеллажи на новый склад к марту' : 'Racks for the new warehouse by March');
    await leadLines.locator('input[list="price-list"]').fill('SP-1000');
    await leadLines.locator('input[list="price-list"]').press('Enter');
    await leadLines.locator('li.row-edit').first().waitFor();
    await leadLines.locator('li.row-edit input[type="number"]').fill('40');
    await leadLines.locator('li.row-edit input:not([type])').fill('3 %');
    await leadLines.locator('li.row-edit input:not([type])').press('Tab');
    await leadLines.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await settle(page);
    await shot(page, pg, side, lang, 'manager-new-lead-lines');
    // The head's approval queue in Today: the demo's two discounts over the manager's limit.
    await signInAs(page, pg, 'head');
    frame = await openTab(page, 'today');
    const queue = frame.locator('section.money-queue');
    await queue.locator('li.card').first().waitFor();
    await settle(page);
    await shot(page, pg, queue, lang, 'head-approvals');
    // The dashboard's price realisation: managers, products, win rate by band and the answer.
    await showSheet(page, sheets.dashboard);
    await page
      .locator('#grid-table td', {
        hasText: ru ? 'Конверсия по глубине скидки' : 'Win rate by discount depth',
      })
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settle(page);
    await shot(page, pg, sheet, lang, 'head-dashboard-discounts');
  } finally {
    await page.close();
    await pg.flush();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The sidebar's pictures up close: the Team screen's funnel and receivables by age (the head), and
 * the manager's plan card with the pace marker and the forgotten deals by week.
 */
async function pictureShots(page: Page, pg: Playground, lang: Lang, tab: 'team' | 'today') {
  const frame = await sidebarFrame(page);
  if (tab === 'today') {
    await shot(page, pg, frame.locator('[data-section="myPlan"]'), lang, 'manager-today-pictures');
    return;
  }
  await frame.locator('svg[data-chart="funnel"]').scrollIntoViewIfNeeded();
  await settle(page);
  await shot(page, pg, page.locator('aside.side'), lang, 'head-team-pictures');
  await frame.locator('.team').evaluate((e) => e.scrollIntoView());
}

async function main(): Promise<void> {
  const langs = process.argv.slice(2).filter((a): a is Lang => a === 'ru' || a === 'en');
  const browser = await launchChromium();
  try {
    for (const lang of langs.length ? langs : (['ru', 'en'] as Lang[])) {
      await forLanguage(browser, lang);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
