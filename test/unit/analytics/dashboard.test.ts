import {
  asOfInstant,
  blockFormats,
  blockValues,
  buildDashboard,
  FIRST_BLOCK_ROW,
  parsePeriod,
} from '../../../src/core/analytics';
import { deal, invoice, manager, moscow, msk, day, plan, rub, workbook } from './fixtures';

const nov = parsePeriod('2026-11')!;
const asOf = asOfInstant(msk(2026, 11, 27, 9), moscow);

describe('dashboard model', () => {
  it('lays blocks out top to bottom without overlap, charts to their right', () => {
    const data = workbook({
      managers: [manager({ email: 'ivan@example.com', name: 'Иван', team: 'Альфа' })],
      plans: [plan({ period: '2026-11', value: rub(100_000) })],
      deals: [
        deal({
          stage: 'Успешно',
          amount: rub(60_000),
          closedAt: day(2026, 11, 2),
          createdAt: msk(2026, 11, 1, 10),
        }),
      ],
      invoices: [
        invoice({ amount: rub(10_000), issuedAt: day(2026, 10, 1), dueDate: day(2026, 10, 15) }),
      ],
    });
    const m = buildDashboard(data, nov, asOf, 'ru', { updatedAt: '27.11.2026 09:00' });
    expect(m.blocks.map((b) => b.key)).toEqual([
      'planFact',
      'managers',
      'forecastNext',
      'kpi',
      'funnel',
      'agingBuckets',
      'debtors',
      'bonus',
      'discipline',
    ]);
    expect(m.blocks[0].row).toBe(FIRST_BLOCK_ROW);
    for (let i = 1; i < m.blocks.length; i++) {
      const prev = m.blocks[i - 1];
      expect(m.blocks[i].row).toBe(prev.row + blockValues(prev).length + 1);
    }
    expect(m.charts.every((c) => c.column === m.width + 2)).toBe(true);
    expect(m.status).toBe('Обновлено 27.11.2026 09:00; данные на 27.11.2026');
    expect(m.summary).toEqual({
      period: '2026-11',
      plan: rub(100_000),
      fact: rub(60_000),
      completion: 0.6,
      forecast: rub(60_000),
      overdue: rub(10_000),
      forgotten: 0,
      unprocessed: 0,
    });
    const pf = m.blocks[0];
    expect(blockValues(pf)[2].slice(0, 4)).toEqual(['Компания', 100_000, 60_000, 0.6]);
    expect(blockFormats(pf, 'RUB')[2].slice(0, 4)).toEqual([
      '@',
      '#,##0.00 "₽"',
      '#,##0.00 "₽"',
      '0.0%',
    ]);
    expect(blockFormats(pf, 'USD')[2][1]).toBe('#,##0.00 "USD"');
  });

  it('shows zeros and hints on an empty workbook, in English too', () => {
    const m = buildDashboard(workbook(), nov, asOf, 'en', { badPeriod: 'yesterday' });
    expect(m.hint).toBe('No data yet: add deals and plans, or choose "Set up with demo data".');
    expect(m.status).toBe(
      'Period "yesterday" was not understood; showing the current month 2026-11.',
    );
    const pf = blockValues(m.blocks[0]);
    expect(pf[2].slice(0, 3)).toEqual(['Company', 0, 0]);
    expect(pf.map((r) => r[0])).toContain('No plans for the period: add rows to the Plans sheet.');
    expect(blockValues(m.blocks.find((b) => b.key === 'managers')!)).toHaveLength(3); // title, header, one blank row
    for (const b of m.blocks) {
      const v = blockValues(b);
      expect(v.every((r) => r.length === b.header.length)).toBe(true);
      expect(blockFormats(b, 'RUB').every((r) => r.length === b.header.length)).toBe(true);
    }
  });
});

describe('dashboard formats', () => {
  it('formats the KPI list row by row: counts, money, numbers', () => {
    const m = buildDashboard(workbook(), nov, asOf, 'ru');
    const kpi = m.blocks.find((b) => b.key === 'kpi')!;
    const f = blockFormats(kpi, 'RUB');
    expect(f[0]).toEqual(['@', '@']);
    expect(f.slice(2, 12).map((r) => r[1])).toEqual([
      '0',
      '0',
      '0.0',
      '0.0',
      '#,##0.00 "₽"',
      '0.0',
      '0.0',
      '#,##0.00 "₽"',
      '0',
      '0.0',
    ]);
  });
});
