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

    // Money (docs/money.md): the head's Money screen under the Team tab.
    await signInAs(page, pg, 'head');
    const money = await openTab(page, 'team');
    await money.locator('[data-screen="money"]').click();
    await money.locator('.money-lines li').first().waitFor();
    await settle(page);
    await shot(page, pg, side, lang, 'head-money');

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
        await lines.locator('form button').click();
        await lines.locator('li.row-edit').first().waitFor();
      }
      await settle(page);
      await shot(page, pg, side, lang, 'manager-deal-lines');
    }
  } finally {
    await page.close();
    await pg.flush();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
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
