/**
 * The playground draws what Sheets would draw over the values: the Dashboard's charts from their
 * ranges (and again when those cells change), the conditional formats on the cells their rules
 * paint, a 50,000-row sheet that scrolls to its end, and a paste sent as ONE onEdit.
 * Needs `npm run build` first (`npm test` does it).
 */
import type { Browser, Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../../local/harness/chromium';
import { Playground } from '../../local/playground/playground';
import { startServer, type RunningServer } from '../../local/playground/server';

// Friday 27.11.2026 09:00 in Moscow.
const START = Date.parse('2026-11-27T09:00:00+03:00');
const SHOTS = path.join(__dirname, '../../artifacts/playground');

jest.setTimeout(120_000);

let dir: string;
let browser: Browser;
let pg: Playground;
let server: RunningServer;
const pageErrors: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'rop-drawings-'));
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
  pg = await Playground.open({ workbook: path.join(dir, 'workbook.xlsx'), now: START });
  server = await startServer({ playground: pg, port: 0 });
}, 120_000);

afterEach(() => {
  expect(pageErrors).toEqual([]);
  pageErrors.length = 0;
});

afterAll(async () => {
  await browser?.close();
  if (server) {
    await pg.flush();
    await server.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${server.url}?lang=ru`);
  await page.locator('#grid-table').waitFor();
  return page;
}

async function showSheet(page: Page, name: string): Promise<void> {
  await page.locator(`.tab[data-sheet="${name}"]`).click();
  await page.locator(`#grid-table[data-sheet="${name}"]`).waitFor();
}

function sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const s = pg.bridge.emulator.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

interface Drawn {
  labels: string[];
  datasets: Array<{ label: string; data: Array<number | null> }>;
}

test('the Dashboard charts are drawn where Sheets anchors them, from their ranges, and follow the cells', async () => {
  const head = pg.users().find((u) => u.role === 'head')!;
  await pg.setUser(head.email);
  expect(await pg.runMenu('menuRefreshDashboard')).toBe(true);
  const dash = sheet('Дашборд');
  const specs = dash.getCharts();
  expect(specs.length).toBeGreaterThanOrEqual(3);

  const page = await openPage();
  await showSheet(page, 'Дашборд');
  await page
    .locator('.chart[data-chart-id]')
    .nth(specs.length - 1)
    .waitFor();
  for (const spec of specs) {
    const el = page.locator(`.chart[data-chart-id="${spec.getChartId()}"]`);
    const drawn = JSON.parse((await el.getAttribute('data-drawn'))!) as Drawn;
    // The range as Sheets reads it: header row, labels in the first column, one series a column.
    const values = (spec.getRanges()[0] as GoogleAppsScript.Spreadsheet.Range).getValues();
    const [header, ...body] = values;
    expect(drawn.labels).toEqual(body.map((r) => String(r[0])));
    expect(drawn.datasets.map((d) => d.label)).toEqual(header.slice(1).map(String));
    // A blank cell is no point (a gap in the forecast's line chart), as in Sheets.
    drawn.datasets.forEach((d, i) =>
      expect(d.data).toEqual(body.map((r) => (r[i + 1] === '' ? null : Number(r[i + 1])))),
    );
    expect(drawn.datasets.flatMap((d) => d.data).some((v) => v !== null && v > 0)).toBe(true);
    // Placed at its anchor cell, while that cell is drawn.
    const info = spec.getContainerInfo();
    const td = page.locator(
      `td[data-r="${info.getAnchorRow()}"][data-c="${info.getAnchorColumn()}"]`,
    );
    const [a, b] = [await el.boundingBox(), await td.boundingBox()];
    expect(Math.abs(a!.x - b!.x)).toBeLessThanOrEqual(2);
    expect(Math.abs(a!.y - b!.y)).toBeLessThanOrEqual(2);
    // chart.js painted bars: the canvas holds Sheets' first series colour.
    const blue = await el.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4)
        if (
          Math.abs(d[i] - 0x42) < 8 &&
          Math.abs(d[i + 1] - 0x85) < 8 &&
          Math.abs(d[i + 2] - 0xf4) < 8
        )
          n++;
      return n;
    });
    expect(blue).toBeGreaterThan(100);
  }
  await page.screenshot({ path: path.join(SHOTS, 'drawings-dashboard.png') });

  // A cell of the first chart's range changes: the chart is redrawn with the new number.
  const first = specs[0];
  const range = first.getRanges()[0] as GoogleAppsScript.Spreadsheet.Range;
  const row = range.getRow() + 1;
  const col = range.getColumn() + 1;
  await pg.edit('Дашборд', row, col, '1234567');
  const el = page.locator(`.chart[data-chart-id="${first.getChartId()}"]`);
  await page.waitForFunction((id) => {
    const d = document.querySelector<HTMLElement>(`.chart[data-chart-id="${id}"]`)?.dataset.drawn;
    return !!d && (JSON.parse(d) as Drawn).datasets[0].data[0] === 1234567;
  }, first.getChartId());
  expect((JSON.parse((await el.getAttribute('data-drawn'))!) as Drawn).datasets[0].data[0]).toBe(
    1234567,
  );
  await page.close();
});

test('conditional formats paint the cells their rules match, and frozen rows stay put', async () => {
  const page = await openPage();
  await showSheet(page, 'Счета');
  const inv = sheet('Счета');
  const header = inv.getRange(1, 1, 1, inv.getLastColumn()).getValues()[0].map(String);
  const [due, amount, paid] = ['Срок оплаты', 'Сумма', 'Оплачено'].map((h) => header.indexOf(h));
  expect(Math.min(due, amount, paid)).toBeGreaterThanOrEqual(0);
  const rows = await page.$$eval('#grid-table tbody tr[data-row]', (trs) =>
    trs
      .map((tr) => {
        const td = tr.querySelector<HTMLElement>('td[data-c="1"]')!;
        return {
          row: Number(tr.getAttribute('data-row')),
          bg: getComputedStyle(td).backgroundColor,
        };
      })
      .filter((r) => r.row <= 60),
  );
  const values = inv.getRange(1, 1, 60, inv.getLastColumn()).getValues();
  const today = new Date(START);
  today.setUTCHours(-3, 0, 0, 0); // midnight in Moscow
  let painted = 0;
  for (const r of rows.filter((x) => x.row >= 2)) {
    const v = values[r.row - 1];
    const d = v[due] as Date | '';
    const overdue =
      d !== '' && d.getTime() < today.getTime() && Number(v[paid] || 0) < Number(v[amount] || 0);
    expect([r.row, r.bg]).toEqual([r.row, overdue ? 'rgb(252, 232, 230)' : 'rgba(0, 0, 0, 0)']);
    if (overdue) painted++;
  }
  expect(painted).toBeGreaterThan(0);
  expect(painted).toBeLessThan(rows.length);

  // Deals: the overdue next step is painted in its own colour, on that cell only.
  await showSheet(page, 'Сделки');
  const marks = await page.$$eval('#grid-table td[data-cf]', (tds) =>
    tds.map((td) => (td as HTMLElement).dataset.cf),
  );
  expect(marks).toContain('background:#f4c7c3');
  expect(marks).toContain('background:#fce8e6');

  // Scrolling down: the header row stays on top.
  const headerBefore = await page.locator('thead tr.frozen').boundingBox();
  await page.locator('#grid').evaluate((g) => (g.scrollTop = 3000));
  await page.waitForTimeout(200);
  const headerAfter = await page.locator('thead tr.frozen').boundingBox();
  expect(headerAfter!.y).toBeCloseTo(headerBefore!.y, 0);
  await page.close();
});

test('a 50,000-row sheet scrolls to its end with a few hundred rows in the page', async () => {
  const ss = pg.bridge.emulator.spreadsheet;
  const big = ss.getSheetByName('Большой') ?? ss.insertSheet('Большой');
  if (big.getMaxRows() < 50_000) big.insertRowsAfter(big.getMaxRows(), 50_000 - big.getMaxRows());
  const values = Array.from({ length: 50_000 }, (_, i) => [
    i + 1,
    `строка ${i + 1}`,
    (i * 7) % 100,
  ]);
  big.getRange(1, 1, values.length, 3).setValues(values);
  const page = await openPage();
  await showSheet(page, 'Большой');
  const height = await page.locator('#grid').evaluate((g) => g.scrollHeight);
  expect(height).toBeGreaterThan(50_000 * 18);
  // Scroll in steps like a wheel, then jump to the end.
  for (const to of [10_000, 200_000, 600_000]) {
    await page.locator('#grid').evaluate((g, y) => (g.scrollTop = y), to);
    await page.waitForFunction((y) => {
      const t = document.getElementById('grid-table')!;
      const rowH = document.querySelector<HTMLElement>('tbody tr[data-row]')!.offsetHeight;
      const want = Math.floor(y / rowH);
      return Number(t.dataset.first) <= want && Number(t.dataset.last) >= want + 20;
    }, to);
  }
  await page.locator('#last').click();
  await page.locator('#grid-table[data-end="true"]').waitFor();
  const last = page.locator('td[data-r="50000"][data-c="2"]');
  await expect(last.textContent()).resolves.toBe('строка 50000');
  expect(await last.isVisible()).toBe(true);
  const box = await last.boundingBox();
  const grid = await page.locator('#grid').boundingBox();
  expect(box!.y).toBeLessThan(grid!.y + grid!.height);
  expect(box!.y).toBeGreaterThan(grid!.y);
  expect(await page.locator('#grid-table tr[data-row]').count()).toBeLessThan(600);
  await expect(page.locator('#pager-text').textContent()).resolves.toMatch(/из 50000$/);
  await page.close();
});

test('a multi-cell paste is written at the selected cell and sent as ONE onEdit with the pasted range', async () => {
  const page = await openPage();
  await showSheet(page, 'Большой');
  await page.locator('td[data-r="2"][data-c="2"]').click();
  const edits = jest.spyOn(pg.bridge.project, 'edit');
  const runs = pg.executions().length;
  try {
    await page.locator('#grid').evaluate((g) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', 'альфа\t1\r\nбета\t2\r\nгамма\t3\r\n');
      g.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    });
    await page.waitForFunction(
      () => document.querySelector('td[data-r="4"][data-c="2"]')?.textContent === 'гамма',
    );
    expect(edits).toHaveBeenCalledTimes(1);
    expect(edits.mock.calls[0].slice(0, 3)).toEqual([
      'Большой',
      'B2:C4',
      [
        ['альфа', '1'],
        ['бета', '2'],
        ['гамма', '3'],
      ],
    ]);
    const after = pg.executions().slice(runs);
    expect(after.map((x) => [x.fn, x.kind])).toEqual([['onEdit', 'edit']]);
    expect(sheet('Большой').getRange('B2:C4').getValues()).toEqual([
      ['альфа', 1],
      ['бета', 2],
      ['гамма', 3],
    ]);
  } finally {
    edits.mockRestore();
  }
  await page.close();
});
