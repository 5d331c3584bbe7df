/**
 * The demo tells a story a head of sales would believe: on the demo "today" most managers have a
 * handful of forgotten deals, overdue steps and quiet clients, a few are in trouble (many of
 * each, and more overdue debt); new business follows the seasons; the newest hire ramps up.
 */
import { generateDemo } from '../../../src/core/demo/generate';
import { defaultSettings } from '../../../src/core/workbook/settings';
import {
  forgottenClients,
  forgottenDeals,
  overdueNextSteps,
} from '../../../src/core/analytics/forgotten';
import { overdueByManager } from '../../../src/core/analytics/receivables';
import { dayFromYmd, dayOfInstant, fixedZone, ymdFromDay } from '../../../src/core/time';
import { localToInstant } from '../../../src/core/workbook/normalize';
import type { WorkbookData } from '../../../src/core/types';

const zone = fixedZone('Europe/Moscow', 180);
const today = dayFromYmd(2026, 11, 27);
const demo = generateDemo({ today, zone });
const data: WorkbookData = { settings: { ...defaultSettings('ru'), stages: demo.stages }, ...demo };
const asOf = { day: today, now: localToInstant(today, 9 * 60, zone), zone };
const sales = demo.managers.filter((m) => m.role === 'manager');

function perManager(items: ReadonlyArray<{ manager: string }>): Map<string, number> {
  const out = new Map<string, number>(sales.map((m) => [m.email, 0]));
  for (const i of items) out.set(i.manager, (out.get(i.manager) ?? 0) + 1);
  return out;
}

const deals = perManager(forgottenDeals(data, asOf).items);
const steps = perManager(overdueNextSteps(data, asOf).items);
const clients = perManager(forgottenClients(data, asOf).items);
const debt = overdueByManager(data, today);
const load = (email: string) =>
  (deals.get(email) ?? 0) + (steps.get(email) ?? 0) + (clients.get(email) ?? 0);

test('most managers have a handful to do today, a few are in trouble', () => {
  const fine = sales.filter((m) => load(m.email) <= 20);
  const troubled = sales.filter((m) => load(m.email) >= 40);
  expect(fine.length).toBeGreaterThanOrEqual(5);
  expect(troubled.length).toBeGreaterThanOrEqual(1);
  expect(troubled.length).toBeLessThanOrEqual(3);
  expect(fine.length + troubled.length).toBe(sales.length);
  for (const m of fine) {
    expect(deals.get(m.email)).toBeLessThanOrEqual(10);
    expect(steps.get(m.email)).toBeLessThanOrEqual(10);
    expect(clients.get(m.email)).toBeLessThanOrEqual(8);
  }
  expect(fine.filter((m) => load(m.email) >= 3).length).toBeGreaterThanOrEqual(4);
  for (const m of troubled) {
    // A deal with a next step still to come is not forgotten; a late one is an overdue step: the
    // two lists together are what a manager in trouble has let slip.
    expect((deals.get(m.email) ?? 0) + (steps.get(m.email) ?? 0)).toBeGreaterThanOrEqual(15);
    expect(clients.get(m.email)).toBeGreaterThanOrEqual(20);
  }
  // Trouble shows in the money too: each troubled manager owes more overdue debt than the
  // median manager who keeps up.
  const fineDebts = fine.map((m) => debt.get(m.email) ?? 0).sort((a, b) => a - b);
  const median = fineDebts[Math.floor(fineDebts.length / 2)];
  for (const m of troubled) expect(debt.get(m.email) ?? 0).toBeGreaterThan(median);
});

test('new business follows the seasons: a quiet January, a busy autumn', () => {
  const byMonth = new Map<string, number>();
  for (const d of demo.deals) {
    const { year, month } = ymdFromDay(dayOfInstant(d.createdAt as number, zone));
    const k = `${year}-${month}`;
    byMonth.set(k, (byMonth.get(k) ?? 0) + 1);
  }
  const jan = byMonth.get('2026-1') ?? 0;
  const oct = byMonth.get('2026-10') ?? 0;
  const mar = byMonth.get('2026-3') ?? 0;
  expect(jan).toBeGreaterThan(0);
  expect(oct).toBeGreaterThan(jan * 1.5);
  expect(mar).toBeGreaterThan(jan);
});

test('the newest hire ramps up: no clients before joining, and wins come later', () => {
  const rookie = sales.reduce((a, m) => ((m.hiredAt ?? 0) > (a.hiredAt ?? 0) ? m : a));
  expect(today - (rookie.hiredAt ?? 0)).toBeLessThan(130);
  const mine = demo.deals.filter((d) => d.manager === rookie.email);
  expect(mine.length).toBeGreaterThan(10);
  for (const d of mine)
    expect(dayOfInstant(d.createdAt as number, zone)).toBeGreaterThanOrEqual(rookie.hiredAt ?? 0);
  const won = demo.stages.find((s) => s.kind === 'won')!.name;
  const closed = mine.filter((d) => d.closedAt !== null);
  const rate = (xs: typeof closed) =>
    xs.length ? xs.filter((d) => d.stage === won).length / xs.length : 0;
  const teamRate = rate(
    demo.deals.filter((d) => d.closedAt !== null && d.manager !== rookie.email),
  );
  expect(rate(closed)).toBeLessThan(teamRate);
});
