/**
 * Issue #12, "a manager written as a name": KPI, discipline and receivables resolve a manager cell
 * through the Managers sheet (email in any case, name in either word order, the email's local part)
 * exactly as plan-fact does; one not on the sheet keeps its own row under the text as written and
 * is named in a note, never split into a lower-case row. Figures below are computed by hand.
 */
import { asOfDay } from '../../../src/core/analytics/context';
import { activityNorms, crmCompleteness } from '../../../src/core/analytics/discipline';
import { dealKpis, winRatesByManager } from '../../../src/core/analytics/kpi';
import { periodContaining } from '../../../src/core/analytics/period';
import { receivables } from '../../../src/core/analytics/receivables';
import { teamDiscipline } from '../../../src/core/analytics/team-discipline';
import {
  activity,
  client,
  day,
  deal,
  invoice,
  manager,
  moscow,
  msk,
  rub,
  settings,
  workbook,
} from './fixtures';

const IVAN = 'ivan@example.com';
const managers = [
  manager({ email: IVAN, name: 'Иван Петров', callsPerDay: 2 }),
  manager({ email: 'maria@example.com', name: 'Мария Смирнова' }),
];
const UNKNOWN = 'Пётр Неизвестный';
const november = periodContaining(day(2026, 11, 1), 'month');
const won = (who: string, amount: number, d: number) =>
  deal({
    manager: who,
    stage: 'Успешно',
    amount: rub(amount),
    createdAt: msk(2026, 11, 1, 10),
    closedAt: day(2026, 11, d),
  });
const lost = (who: string, amount: number, d: number) =>
  deal({ manager: who, stage: 'Проиграна', amount: rub(amount), closedAt: day(2026, 11, d) });
const deals = [
  won('Иван Петров', 100_000, 11), // 10 days
  won('IVAN@example.com', 300_000, 21), // 20 days
  lost('петров иван', 50_000, 15),
  won('maria@example.com', 200_000, 6),
  lost(UNKNOWN, 80_000, 16),
];

describe('SALES_KPI figures', () => {
  it('counts a manager written as a name, an alias or an email in capitals as one person', () => {
    for (const who of ['Иван Петров', 'ivan', 'Ivan@Example.com']) {
      const k = dealKpis(deals, november, settings(), moscow, who, managers);
      expect([k.won, k.lost, k.wonAmount, k.averageDeal]).toEqual([
        2,
        1,
        rub(400_000),
        rub(200_000),
      ]);
      expect(k.winRate).toBeCloseTo(2 / 3, 12);
      expect(k.cycleMeanDays).toBe(15);
      expect(k.managers).toEqual({ unknown: [], ambiguous: [] });
    }
  });

  it('names a manager not on the Managers sheet in a note, as written', () => {
    const k = dealKpis(deals, november, settings(), moscow, '', managers);
    expect([k.won, k.lost]).toEqual([3, 2]);
    expect(k.managers.unknown).toEqual([UNKNOWN]);
    const alone = dealKpis(deals, november, settings(), moscow, UNKNOWN, managers);
    expect([alone.won, alone.lost, alone.lostAmount]).toEqual([0, 1, rub(80_000)]);
    expect(alone.managers.unknown).toEqual([UNKNOWN]);
  });

  it('keys win rates by the resolved email, and an unknown under its text', () => {
    const r = winRatesByManager(deals, day(2026, 11, 1), day(2026, 11, 30), settings(), managers);
    expect([...r.byManager.keys()].sort()).toEqual([IVAN, 'maria@example.com', UNKNOWN].sort());
    expect(r.byManager.get(IVAN)).toBeCloseTo(2 / 3, 12);
    expect(r.byManager.get(UNKNOWN)).toBe(0);
    expect(r.total).toBeCloseTo(3 / 5, 12);
  });
});

describe('discipline', () => {
  const data = workbook({
    managers,
    deals,
    clients: [client({ id: 'C-000001', manager: 'Петров Иван' })],
    activities: [
      ...[2, 3, 5].map((d) => activity({ manager: 'Иван Петров', at: msk(2026, 11, d, 11) })),
      activity({ manager: 'IVAN@EXAMPLE.COM', at: msk(2026, 11, 6, 11) }),
      activity({ manager: 'ivan', type: 'meeting', at: msk(2026, 11, 6, 15) }),
      activity({ manager: UNKNOWN, at: msk(2026, 11, 6, 12) }),
    ],
  });

  it('counts activities typed under a name against the norm of that manager', () => {
    // 2–6 November 2026: four working days (the 4th is a holiday); 2 calls a day = 8.
    const rows = activityNorms(data, november, day(2026, 11, 6), moscow);
    const ivan = rows.find((r) => r.manager === IVAN)!;
    expect([ivan.calls, ivan.meetings, ivan.callsNorm, ivan.callsCompliance]).toEqual([
      4, 1, 8, 0.5,
    ]);
  });

  it('keeps completeness rows by the resolved email; an unknown under its text', () => {
    const { rows } = crmCompleteness(data);
    expect(rows.map((r) => [r.manager, r.name, r.records])).toEqual([
      [IVAN, 'Иван Петров', 4], // three deals and the client
      ['maria@example.com', 'Мария Смирнова', 1],
      [UNKNOWN, UNKNOWN, 1],
    ]);
    expect(rows.some((r) => r.manager === UNKNOWN.toLowerCase())).toBe(false);
  });

  it("tallies the team's attention lists under the resolved email", () => {
    // Two open deals forgotten since October, one typed under a name, one under the alias.
    const open = (who: string) =>
      deal({ manager: who, stage: 'Квалификация', createdAt: msk(2026, 10, 1, 10) });
    const f = teamDiscipline(
      workbook({ managers, deals: [open('Иван Петров'), open('ivan'), open(UNKNOWN)] }),
      november,
      asOfDay(day(2026, 11, 27), moscow),
      [],
    );
    expect(f.forgotten.get(IVAN)).toBe(2);
    expect(f.forgotten.get(UNKNOWN)).toBe(1);
    expect([...f.forgotten.keys()].sort()).toEqual([IVAN, UNKNOWN].sort());
  });
});

describe('SALES_AGING figures', () => {
  it('gives a debt to the manager written as a name, and names an unknown one', () => {
    const data = workbook({
      managers,
      clients: [
        client({ id: 'C-000001', name: 'Альфа', manager: 'Иван Петров' }),
        client({ id: 'C-000002', name: 'Бета', manager: 'IVAN@EXAMPLE.COM' }),
        client({ id: 'C-000003', name: 'Гамма', manager: UNKNOWN }),
      ],
      invoices: [
        invoice({ clientId: 'C-000001', amount: rub(100_000), dueDate: day(2026, 11, 1) }),
        invoice({ clientId: 'C-000002', amount: rub(50_000), dueDate: day(2026, 12, 1) }),
        invoice({ clientId: 'C-000003', amount: rub(30_000), dueDate: day(2026, 10, 1) }),
      ],
    });
    const r = receivables(data, day(2026, 11, 20));
    expect(r.byManager.map((m) => [m.key, m.name, m.outstanding, m.overdue])).toEqual([
      [IVAN, 'Иван Петров', rub(150_000), rub(100_000)],
      [UNKNOWN, UNKNOWN, rub(30_000), rub(30_000)],
    ]);
    expect(r.byManager.find((m) => m.key === IVAN)!.buckets).toEqual({
      current: rub(50_000),
      d1_30: rub(100_000),
      d31_60: 0,
      d61_90: 0,
      d90plus: 0,
    });
    expect(r.managers).toEqual({ unknown: [UNKNOWN], ambiguous: [] });
    expect(r.total.outstanding).toBe(rub(180_000));
  });
});
