/** The Money screen's method through the bundle, on the demo: figures, roles, reads. */
import { ok, rpc, seedDemo } from '../rpc/seed';

describe('moneyView', () => {
  const demo = seedDemo();
  const { project } = demo;

  it("shows this month's budget lines, the hot one flagged, and each source's cost", () => {
    const v = ok(rpc(project, demo.head, 'moneyView', { period: '' }));
    expect(v.period).toBe('2026-11');
    // The screen's title says the month as people do, not the sheet's label.
    expect(v.title).toBe('ноябрь 2026');
    // A line named after its source is not named twice («Реклама · Реклама»); others show both.
    const ads = v.budget.find((l) => l.name === 'Реклама');
    expect(v.budget.map((l) => l.name)).toContain('Реклама · Сайт');
    expect(ads).toMatchObject({ plan: 18_000_000, status: 'atRisk' });
    expect(v.total.actual).toBe(v.budget.reduce((s, l) => s + l.actual, 0));
    const sources = v.sources.map((s) => s.source);
    expect(sources).toContain('Реклама');
    expect(sources[sources.length - 1]).toBe('');
    expect(v.notes.some((n) => n.startsWith('Без источника:'))).toBe(true);
    for (const s of v.sources) if (s.cac !== null) expect(s.cac).toBe(Math.round(s.spend / s.won));
    const over = Object.entries(project.lastReads).filter(([, n]) => n > 1);
    expect(over).toEqual([]);
    expect(project.lastCalls['Range.setValues'] ?? 0).toBe(0);
  });

  it('a past period is read as typed; the director sees it, a manager does not', () => {
    expect(ok(rpc(project, demo.director, 'moneyView', { period: '2026-09' })).period).toBe(
      '2026-09',
    );
    expect(ok(rpc(project, demo.head, 'moneyView', { period: '2026-Q3' })).title).toBe(
      'III квартал 2026',
    );
    const refused = rpc(project, demo.managers[0], 'moneyView', { period: '' });
    expect(refused.ok).toBe(false);
    const bad = rpc(project, demo.head, 'moneyView', { period: 'вчера' });
    expect(bad.ok).toBe(false);
  });
});
