import { acquisition } from '../../../src/core/money/acquisition';
import type { SpendRow } from '../../../src/core/money/records';
import { parsePeriod, type Period } from '../../../src/core/workbook/period';
import { client, day, deal, moscow, msk, rub, settings } from '../analytics/fixtures';

const P = (label: string): Period => {
  const p = parsePeriod(label);
  if (!p) throw new Error(label);
  return p;
};
const s = (d: number, source: string, roubles: number): SpendRow => ({
  row: 0,
  day: d,
  line: 'Реклама',
  source,
  amount: rub(roubles),
  comment: '',
});
const lead = (source: string, m: number, extra: Parameters<typeof deal>[0] = {}) =>
  deal({ source, createdAt: msk(2026, m, 10, 12), ...extra });
const won = (m: number, roubles: number, currency = '') => ({
  stage: 'Успешно',
  closedAt: day(2026, m, 20),
  amount: rub(roubles),
  currency,
});

const deals = [
  lead('Яндекс', 1),
  lead('яндекс ', 1),
  lead('Яндекс', 1, won(2, 90_000)),
  // No source on the deal: the client's source counts.
  lead('', 1, { clientId: 'C-1' }),
  // Word of mouth: leads and a dollar deal, and no spend at all.
  lead('Сарафан', 2),
  lead('Сарафан', 2, won(3, 1_000, 'USD')),
  // The source was renamed in March: the name as typed is the source.
  lead('Директ', 1),
  lead('Яндекс Директ', 3),
  lead('', 3),
  lead('Выставка', 3, won(3, 5_000, 'EUR')),
];
const spend = [
  s(day(2026, 1, 15), 'Яндекс', 40_000),
  s(day(2026, 2, 5), 'Выставка', 50_000),
  s(day(2026, 3, 5), '', 7_000),
  s(day(2026, 4, 5), 'Яндекс', 1_000_000),
];
const input = {
  deals,
  spend,
  clients: [client({ id: 'C-1', source: 'Яндекс' })],
  settings: settings({ rates: [{ currency: 'USD', rate: 90 }] }),
  zone: moscow,
  period: P('2026-Q1'),
  byMonth: false,
};

describe('acquisition by source', () => {
  const r = acquisition(input);
  const row = (source: string) => r.rows.find((x) => x.source === source);

  it('pins spend, leads, won, revenue, cost per lead, CAC and ROMI', () => {
    expect(row('Яндекс')).toMatchObject({
      spend: rub(40_000),
      leads: 4,
      won: 1,
      revenue: rub(90_000),
      costPerLead: rub(10_000),
      cac: rub(40_000),
      romi: 2.25,
    });
  });

  it('spend with no leads: no cost per lead or CAC, ROMI of 0', () => {
    expect(row('Выставка')).toMatchObject({
      spend: rub(50_000),
      leads: 1,
      won: 1,
      revenue: 0,
      cac: rub(50_000),
      romi: 0,
    });
  });

  it('leads with no spend cost nothing and have no ROMI; dollars are converted', () => {
    expect(row('Сарафан')).toMatchObject({
      spend: 0,
      leads: 2,
      costPerLead: 0,
      won: 1,
      revenue: rub(90_000),
      cac: 0,
      romi: null,
    });
  });

  it('a renamed source is two sources, each with its own leads', () => {
    expect(row('Директ')?.leads).toBe(1);
    expect(row('Яндекс Директ')?.leads).toBe(1);
  });

  it('keeps what has no source in its own row, last, and counts it', () => {
    expect(r.rows[r.rows.length - 1]).toMatchObject({ source: '', leads: 1, spend: rub(7_000) });
    expect(r.unsourced).toEqual({ leads: 1, spend: rub(7_000) });
  });

  it('never adds euros without a rate: they are listed apart', () => {
    expect(r.unconverted).toEqual([{ currency: 'EUR', amount: rub(5_000), count: 1 }]);
    expect(r.total).toMatchObject({
      spend: rub(97_000),
      leads: 10,
      won: 3,
      revenue: rub(180_000),
    });
  });

  it('by month: a month with spend and no leads, and a month with revenue and no spend', () => {
    const m = acquisition({ ...input, byMonth: true });
    const at = (source: string, label: string) =>
      m.rows.find((x) => x.source === source && x.month?.label === label);
    expect(at('Выставка', '2026-02')).toMatchObject({
      spend: rub(50_000),
      leads: 0,
      costPerLead: null,
      cac: null,
    });
    expect(at('Яндекс', '2026-01')).toMatchObject({ spend: rub(40_000), leads: 4, won: 0 });
    expect(at('Яндекс', '2026-02')).toMatchObject({ spend: 0, won: 1, romi: null });
    expect(m.total).toEqual(r.total);
  });
});
