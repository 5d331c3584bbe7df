import { generateDemo } from '../../../src/core/demo/generate';
import { normalizeInn, isRussianPhone } from '../../../src/core/workbook/normalize';
import { dayFromYmd, fixedZone } from '../../../src/core/time';

const zone = fixedZone('Europe/Moscow', 180);
const today = dayFromYmd(2026, 11, 27);

describe('demo data', () => {
  const demo = generateDemo({ today, zone });

  it('is reproducible from the seed and changes with it', () => {
    expect(generateDemo({ today, zone })).toEqual(demo);
    expect(generateDemo({ today, zone, seed: 7 }).clients[0]).not.toEqual(demo.clients[0]);
  });

  it('has a realistic company', () => {
    const roles = demo.managers.map((m) => m.role);
    expect(roles.filter((r) => r === 'manager')).toHaveLength(8);
    expect(roles.filter((r) => r === 'head')).toHaveLength(1);
    expect(roles.filter((r) => r === 'director')).toHaveLength(1);
    expect(new Set(demo.managers.filter((m) => m.role === 'manager').map((m) => m.team)).size).toBe(
      2,
    );
    expect(new Set(demo.managers.map((m) => m.email)).size).toBe(demo.managers.length);
    expect(demo.clients).toHaveLength(400);
    for (const c of demo.clients) {
      if (c.inn) expect(normalizeInn(c.inn)).toBe(c.inn);
      expect(isRussianPhone(c.phone)).toBe(true);
    }
    expect(new Set(demo.clients.map((c) => c.name)).size).toBe(400);
  });

  it('covers the whole funnel with consistent history, activities and invoices', () => {
    const stages = new Set(demo.deals.map((d) => d.stage));
    for (const s of demo.stages) expect(stages.has(s.name)).toBe(true);
    const clientIds = new Set(demo.clients.map((c) => c.id));
    const dealIds = new Set(demo.deals.map((d) => d.id));
    for (const d of demo.deals) {
      expect(clientIds.has(d.clientId)).toBe(true);
      const h = demo.stageHistory.filter((x) => x.dealId === d.id);
      expect(h[0].fromStage).toBe('');
      expect(h[h.length - 1].toStage).toBe(d.stage);
      if (d.lastActivityAt !== null)
        expect(d.lastActivityAt).toBeGreaterThanOrEqual(d.firstActivityAt as number);
      if (d.stage === 'Проиграна') expect(d.lostReason).not.toBe('');
    }
    for (const a of demo.activities) expect(dealIds.has(a.dealId)).toBe(true);
    expect(demo.activities.length).toBeGreaterThan(3000);
    expect(demo.activities.length).toBeLessThanOrEqual(4000);
    expect(demo.invoices).toHaveLength(350);
    const overdue = demo.invoices.filter(
      (i) => (i.dueDate as number) < today && i.paidAmount < i.amount,
    );
    expect(overdue.length).toBeGreaterThan(5);
    expect(demo.invoices.some((i) => i.paidAmount === i.amount)).toBe(true);
    // Forgotten deals and overdue next steps exist for the reminders to find.
    expect(
      demo.deals.some(
        (d) => d.closedAt === null && d.nextStepDate !== null && d.nextStepDate < today,
      ),
    ).toBe(true);
    const levels = new Set(demo.plans.map((p) => p.level));
    expect([...levels].sort()).toEqual(['company', 'manager', 'team']);
    expect(demo.plans.some((p) => /Q\d$/.test(p.period))).toBe(true);
    expect(demo.plans.some((p) => /^\d{4}$/.test(p.period))).toBe(true);
  });

  it('plans add up: the company equals the sum of its teams', () => {
    const month = '2026-11';
    const rev = demo.plans.filter((p) => p.period === month && p.metric === 'revenue');
    const company = rev.find((p) => p.level === 'company')?.value;
    const teams = rev.filter((p) => p.level === 'team').reduce((s, p) => s + p.value, 0);
    expect(company).toBe(teams);
  });

  it('scales to the benchmark size', () => {
    const big = generateDemo({
      today,
      zone,
      managers: 60,
      clients: 20_000,
      deals: 50_000,
      activities: 200_000,
      invoices: 20_000,
      months: 24,
    });
    expect(big.deals).toHaveLength(50_000);
    expect(big.invoices).toHaveLength(20_000);
    expect(big.activities.length).toBeGreaterThan(150_000);
  });
});
