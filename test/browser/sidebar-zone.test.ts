/**
 * Times on the page are the spreadsheet's (Moscow), whatever the browser's zone: the Log and the
 * emails say 09:05, so the panel must not say 06:05 on a laptop set to UTC.
 */
import type { Browser } from 'playwright-core';
import { seedDemo } from '../integration/rpc/seed';
import { launch, openSidebar, openTab } from './sidebar-support';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the last reminders run shows in the spreadsheet’s zone on a UTC laptop', async () => {
  const demo = seedDemo();
  const at = Date.parse('2026-11-27T09:05:00+03:00');
  demo.project.emulator.properties.document.set(
    'ropdesk.reminders',
    JSON.stringify({ enabled: false, lastRunAt: at, lastSuccessAt: at, lastError: '' }),
  );
  const s = await openSidebar(browser, demo.project, demo.head, 'UTC');
  try {
    await openTab(s.page, 'settings');
    await s.page.waitForSelector('.reminders');
    const text = (await s.page.locator('.reminders').textContent()) ?? '';
    expect(text).toContain('27.11.2026');
    expect(text).toContain('09:05');
    expect(text).not.toContain('06:05');
  } finally {
    await s.close();
  }
});
