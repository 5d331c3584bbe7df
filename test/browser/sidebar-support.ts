/**
 * What every sidebar browser test needs: one Chromium per test file (Debian's, via CHROME_PATH),
 * a 300 px page in Russian locale on the local sidebar host bridged to the emulator running the
 * built dist/Code.js, screenshots under artifacts/screenshots/, and traps that fail the test if an
 * XSS payload ever runs (a dialog opens, or a flag the payload would set appears).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../local/harness/chromium';
import { startSidebarHost, type SidebarHost } from '../../local/harness/sidebar-host';
import type { Project } from '../../local/harness';

export const SHOTS = path.resolve(__dirname, '../../artifacts/screenshots');

export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return launchChromium();
}

export interface Sidebar {
  page: Page;
  host: SidebarHost;
  /** Messages of dialogs that opened (an XSS payload's alert would land here). */
  dialogs: string[];
  errors: string[];
  close(): Promise<void>;
}

/** Opens the sidebar as `user` and waits for the first screen. */
export async function openSidebar(
  browser: Browser,
  project: Project,
  user: string,
  /** The browser's own zone (the spreadsheet's is Moscow). */
  timezoneId = 'Europe/Moscow',
): Promise<Sidebar> {
  const host = await startSidebarHost({ project, user });
  const context = await browser.newContext({
    viewport: { width: 300, height: 720 },
    locale: 'ru-RU',
    timezoneId,
  });
  const page = await context.newPage();
  // A missing element fails fast with its selector, well inside the test's own timeout.
  page.setDefaultTimeout(8_000);
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  await page.waitForSelector('[role="tablist"]');
  return {
    page,
    host,
    dialogs,
    errors,
    async close() {
      await context.close();
      await host.close();
    },
  };
}

export async function openTab(page: Page, tab: string): Promise<void> {
  await page.click(`[data-tab="${tab}"]`);
  await page.waitForSelector(`#panel-${tab}:not([hidden])`);
}

/** A full-page screenshot: artifacts/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Fails when an injected script ran: a dialog opened or the payload's flag got set. */
export async function assertNoXss(s: Sidebar): Promise<void> {
  expect(s.dialogs).toEqual([]);
  expect(
    await s.page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
  ).toBeUndefined();
  // No element the payloads would have created exists in the app.
  expect(await s.page.locator('#app img, #app script, #app b[onmouseover]').count()).toBe(0);
}

/** The deal ids listed in a Today section. */
export async function sectionIds(page: Page, section: string): Promise<string[]> {
  return page.$$eval(`[data-section="${section}"] li.card`, (els) =>
    els.map((e) => e.getAttribute('data-id') ?? ''),
  );
}
