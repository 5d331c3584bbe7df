/**
 * Migration as a head of sales does it in `npm start`'s page: an amoCRM export (Windows-1251,
 * `;`, quoted) and an Excel file go through the real sidebar's Import tab, "Check" then "Import",
 * and the rows land in Clients and Deals. The file crosses as base64 in an ordinary call: the
 * playground, like some Google domains, cannot carry a form's Blob.
 * Needs `npm run build` first (`npm test` does it).
 */
import ExcelJS from 'exceljs';
import type { Browser, Frame, Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../local/harness/chromium';
import { Playground } from '../../local/playground/playground';
import { startServer, type RunningServer } from '../../local/playground/server';

const START = Date.parse('2026-11-30T09:00:00+03:00');

jest.setTimeout(120_000);

let dir: string;
let browser: Browser;
let pg: Playground;
let server: RunningServer;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rop-import-'));
  browser = await launchChromium();
  pg = await Playground.open({ workbook: path.join(dir, 'workbook.xlsx'), now: START });
  server = await startServer({ playground: pg, port: 0 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) {
    await pg.flush();
    await server.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Windows-1251, as amoCRM and Excel on a Russian Windows save CSV (Cyrillic and «»№ only). */
function cp1251(text: string): Buffer {
  const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '«': 0xab, '»': 0xbb, '№': 0xb9 };
  return Buffer.from(
    Array.from(text, (ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) return code;
      if (ch in special) return special[ch];
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`not in Windows-1251: ${ch}`);
    }),
  );
}

/** Every row of a sheet as the grid shows it (display text). */
function rows(sheet: string): string[][] {
  return pg.sheetPage(sheet, null, 1000).cells;
}

async function importTab(page: Page): Promise<Frame> {
  const head = pg.users().find((u) => u.role === 'head')!;
  if (pg.state().user !== head.email) await page.selectOption('#user', head.email);
  const end = Date.now() + 10_000;
  while (pg.state().user !== head.email && Date.now() < end) await page.waitForTimeout(100);
  // Switching user reloads the sidebar: take the frame once the new one shows its tabs.
  await page.waitForTimeout(300);
  const frame = (await (await page.locator('#sidebar').elementHandle())!.contentFrame())!;
  await frame.locator('[data-tab="import"]').click({ timeout: 20_000 });
  await frame.locator('.import input[type="file"]').waitFor();
  return frame;
}

async function checkAndImport(
  frame: Frame,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<{ preview: string; result: string }> {
  await frame.setInputFiles('.import input[type="file"]', file);
  await frame.locator('.import >> text=Проверить').click();
  await frame.locator('.import-report[data-mode="preview"]').waitFor({ timeout: 20_000 });
  const preview = (await frame.locator('.import-report .notice').textContent()) ?? '';
  await frame.locator('.import >> text=Импортировать').click();
  await frame.locator('.import-report[data-mode="import"]').waitFor({ timeout: 20_000 });
  const result = (await frame.locator('.import-report .notice').textContent()) ?? '';
  return { preview, result };
}

test('an amoCRM CSV in Windows-1251 and an .xlsx import through the sidebar and land in the sheets', async () => {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}?lang=ru`);
  await page.locator('#grid-table').waitFor();
  const manager = pg.users().find((u) => u.role === 'manager')!;
  const frame = await importTab(page);

  // A server-side refusal says what went wrong; "no connection" is only for a call that never got
  // through.
  await frame.setInputFiles('.import input[type="file"]', {
    name: 'notes.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4'),
  });
  await frame.locator('.import >> text=Проверить').click();
  const refusal = (await frame.locator('.import .error-box').textContent({ timeout: 20_000 }))!;
  expect(refusal).toContain('notes.pdf');
  expect(refusal).not.toMatch(/связи/);

  // amoCRM's export: quoted fields, `;`, its own headers, the owner by name, a budget with spaces.
  const csv = [
    'Название сделки;Бюджет;Ответственный;Компания;Полное имя контакта;Рабочий телефон;Рабочий email',
    `"Стеллажи для склада №2";"250 000";"${manager.name}";"ООО «Ёлка-Импорт»";"Пётр Сёмин";"+7 (383) 291-47-15";"semin@elka-import.ru"`,
    `"Мезонин";"1 200 000";"";"АО «Берёзовый край»";"Анна Ли";"8 383 291-47-16";""`,
    `"";"";"";"";"";"abc";""`,
  ].join('\r\n');
  const fromCsv = await checkAndImport(frame, {
    name: 'amocrm_export.csv',
    mimeType: 'text/csv',
    buffer: cp1251(csv),
  });
  expect(fromCsv.preview).toBe(
    'Строк: 3. Будет добавлено: 2, объединено с дублями: 0, отклонено: 1.',
  );
  expect(fromCsv.result).toBe('Готово. Добавлено: 2, объединено с дублями: 0, отклонено: 1.');

  const book = new ExcelJS.Workbook();
  book.addWorksheet('Лиды').addRows([
    ['Компания', 'Телефон', 'Email', 'Потребность', 'Сумма'],
    ['ИП Кедров', '+7 383 291-47-17', 'kedrov@example.ru', 'Паллетные стеллажи', 480000],
  ]);
  const fromXlsx = await checkAndImport(frame, {
    name: 'leads.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  });
  expect(fromXlsx.result).toBe('Готово. Добавлено: 1, объединено с дублями: 0, отклонено: 0.');

  // What landed: the Cyrillic decoded, the phone normalised, the owner kept, the amount in roubles.
  const clients = rows('Клиенты').map((r) => r.join(' | '));
  const elka = clients.find((r) => r.includes('ООО «Ёлка-Импорт»'));
  expect(elka).toContain('Пётр Сёмин');
  expect(elka).toContain('+73832914715');
  expect(elka).toContain(manager.email);
  expect(clients.some((r) => r.includes('АО «Берёзовый край»'))).toBe(true);
  expect(clients.some((r) => r.includes('ИП Кедров') && r.includes('kedrov@example.ru'))).toBe(
    true,
  );
  const deals = rows('Сделки').map((r) => r.join(' | '));
  const shelves = deals.find((r) => r.includes('Стеллажи для склада №2'));
  expect(shelves).toMatch(/250[\s\u00a0]000,00[\s\u00a0]₽/);
  expect(shelves).toContain(manager.email);
  expect(deals.find((r) => r.includes('Мезонин'))).toMatch(/1[\s\u00a0]200[\s\u00a0]000,00/);
  expect(deals.some((r) => r.includes('ИП Кедров') && /480[\s\u00a0]000,00/.test(r))).toBe(true);

  expect(await frame.locator('.error-box').count()).toBe(0);
  expect(pageErrors).toEqual([]);
  await page.close();
});
