/** The demo's price list and lines: believable, summing to each deal's amount, two to approve. */
import { generateDemo } from '../../../src/core/demo/generate';
import { dayFromYmd, fixedZone } from '../../../src/core/time';
import { lineAmount, overLimit, lineDiscount, toDealLine } from '../../../src/core/money/lines';

describe('demo lines', () => {
  const demo = generateDemo({
    today: dayFromYmd(2026, 11, 27),
    zone: fixedZone('Europe/Moscow', 180),
  });
  const lines = demo.lines.lines.map((cells, i) => toDealLine({ row: i + 2, cells }));

  it('has a dozen products and lines on part of the deals', () => {
    expect(demo.lines.products).toHaveLength(12);
    const withLines = new Set(lines.map((l) => l.dealId));
    expect(withLines.size).toBeGreaterThan(10);
    expect(withLines.size).toBeLessThan(demo.deals.length * 0.6);
  });

  it("each deal's lines sum exactly to its amount", () => {
    for (const d of demo.deals) {
      const mine = lines.filter((l) => l.dealId === d.id);
      if (!mine.length) continue;
      expect(mine.reduce((s, l) => s + (lineAmount(l) ?? 0), 0)).toBe(d.amount);
    }
  });

  it('exactly two lines over the manager limit await approval, on open deals', () => {
    const over = lines.filter((l) => overLimit(lineDiscount(l), 0.05));
    const waiting = over.filter((l) => l.status !== 'Согласовано');
    expect(waiting.map((l) => l.status)).toEqual(['Ждёт согласования', 'Ждёт согласования']);
    const open = new Set(demo.stages.filter((s) => s.kind === 'open').map((s) => s.name));
    const stage = new Map(demo.deals.map((d) => [d.id, d.stage]));
    expect(waiting.every((l) => open.has(stage.get(l.dealId)!))).toBe(true);
  });

  it("the closed deals' deeper discounts were approved by the head, within the head's limit", () => {
    const head = demo.managers.find((m) => m.role === 'head')!.email;
    const approved = lines.filter((l) => l.status === 'Согласовано');
    expect(approved.length).toBeGreaterThan(10);
    for (const l of approved) {
      expect(l.approvedBy).toBe(head);
      expect(overLimit(lineDiscount(l), 0.05)).toBe(true);
      expect(overLimit(lineDiscount(l), 0.15)).toBe(false);
    }
  });
});
