import { historyWindow, salesCapacity } from '../../../src/core/plans/capacity';
import { parsePeriod } from '../../../src/core/workbook/period';
import { isoDay } from '../../../src/core/time';
import { day, deal, manager, moscow, msk, rub, workbook } from '../analytics/fixtures';

const anna = 'anna@example.com';
const won = (created: [number, number, number], closed: [number, number, number], amount: number) =>
  deal({
    manager: anna,
    stage: 'Успешно',
    createdAt: msk(...created, 10),
    closedAt: day(...closed),
    amount: rub(amount),
  });
const other = (created: [number, number, number], stage: string) =>
  deal({ manager: anna, stage, createdAt: msk(...created, 10) });

/**
 * Anna, Sep-Nov 2026: 6 leads (2 a month), 4 decided of which 2 won -> 50 %; won 100 000 and
 * 200 000 -> average 150 000, cycles 10 and 20 days -> median 15; rate 2 x 0.5 x 150 000 =
 * 150 000 a month, 12 staffed months in 2027 -> 1 800 000. Boris joins on 1 Feb 2027 without
 * history: Anna's rate, staffed 0.3 + 0.6 + 0.9 + 8 = 9.8 months -> 1 470 000. Team: 3 270 000.
 */
const data = workbook({
  managers: [
    manager({ email: anna, name: 'Anna', team: 'A' }),
    manager({ email: 'boris@example.com', name: 'Boris', team: 'A', hiredAt: day(2027, 2, 1) }),
    manager({ email: 'gone@example.com', team: 'A', lastDay: day(2026, 12, 31), active: false }),
    manager({ email: 'head@example.com', role: 'head' }),
  ],
  deals: [
    won([2026, 9, 1], [2026, 9, 11], 100_000),
    won([2026, 10, 1], [2026, 10, 21], 200_000),
    other([2026, 9, 15], 'Проиграна'),
    other([2026, 10, 15], 'Проиграна'),
    other([2026, 11, 1], 'Квалификация'),
    other([2026, 11, 15], 'Квалификация'),
    // Outside the window: created in August, and one in December (the current month).
    other([2026, 8, 20], 'Проиграна'),
    other([2026, 12, 2], 'Квалификация'),
  ],
});

const run = (target: number | null) =>
  salesCapacity(data, {
    period: parsePeriod('2027')!,
    historyMonths: 3,
    asOf: day(2026, 12, 15),
    zone: moscow,
    target,
  });

test('the window is the last whole months before the current one', () => {
  const w = historyWindow(parsePeriod('2027')!, day(2026, 12, 15), 3);
  expect([isoDay(w.from), isoDay(w.to)]).toEqual(['2026-09-01', '2026-11-30']);
  const past = historyWindow(parsePeriod('2026-03')!, day(2026, 12, 15), 12);
  expect([isoDay(past.from), isoDay(past.to)]).toEqual(['2025-03-01', '2026-02-28']);
});

test('a hand-computed team: rates, ramp-up, achievable', () => {
  const r = run(null);
  const a = r.rows.find((x) => x.key === anna)!;
  expect(a).toMatchObject({
    leadsPerMonth: 2,
    conversion: 0.5,
    averageDeal: rub(150_000),
    cycleDays: 15,
    monthlyRate: rub(150_000),
    staffedMonths: 12,
    achievable: rub(1_800_000),
    estimated: false,
    target: null,
    gap: null,
  });
  const b = r.rows.find((x) => x.key === 'boris@example.com')!;
  expect(b.estimated).toBe(true);
  expect(b.staffedMonths).toBeCloseTo(9.8, 10);
  expect(b.achievable).toBe(rub(1_470_000));
  expect(r.rows.map((x) => x.level)).toEqual(['manager', 'manager', 'team', 'company']);
  expect(r.rows[3].achievable).toBe(rub(3_270_000));
  expect(r.levers).toBeNull();
});

test('the gap and each lever alone; hires at the average rate with ramp-up', () => {
  const r = run(rub(4_905_000));
  const company = r.rows[3];
  expect(company.gap).toBe(rub(1_635_000));
  expect(r.levers!.leadsPerMonth).toBeCloseTo(3, 10);
  expect(r.levers!.conversion).toBeCloseTo(0.75, 10);
  expect(r.levers!.averageDeal).toBeCloseTo(rub(225_000), 4);
  // A hire from January carries 0.3 + 0.6 + 0.9 + 9 = 10.8 months x 150 000 = 1 620 000 < gap.
  expect(r.levers!.hires).toBe(2);
  expect(run(rub(3_000_000)).levers!.hires).toBe(0);
});
