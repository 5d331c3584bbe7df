/**
 * The Dashboard's price realisation on the demo: the same figures as SALES_DISCOUNTS over the same
 * sheets (one set of figures), and the demo's story told by the computed answer line.
 */
import { demoProject, range } from '../analytics/helpers';

describe('price realisation on the Dashboard', () => {
  const p = demoProject();
  p.run('menuRefreshDashboard');
  const dash = range(p, 'Дашборд');
  const block = (title: string): unknown[][] => {
    const at = dash.findIndex((r) => r[0] === title);
    expect(at).toBeGreaterThan(0);
    const end = dash.findIndex((r, i) => i > at && r.every((c) => c === ''));
    return dash.slice(at + 1, end < 0 ? undefined : end);
  };
  const formula = (by: string): unknown[][] =>
    p.customFunction('SALES_DISCOUNTS', [
      range(p, 'Сделки'),
      range(p, 'Строки сделок'),
      '2026-11',
      by,
    ]) as unknown[][];
  const near = (a: unknown, b: unknown) => {
    if (b === '') expect(a).toBe('');
    else expect(a as number).toBeCloseTo(b as number, 9);
  };

  it.each([
    ['Реализация цены по менеджерам', 'менеджер'],
    ['Реализация цены по товарам', 'товар'],
  ])('%s: each row as SALES_DISCOUNTS gives it', (title, by) => {
    const rows = block(title).slice(1);
    const f = formula(by);
    const byKey = new Map(f.slice(1).map((r) => [r[0], r]));
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) {
      const x = byKey.get(r[0])!;
      expect(x).toBeDefined();
      // Dashboard: avg, given, win with, win without, closed with, closed without (fractions);
      // formula: lines, avg, given, win with, win without, closed with, closed without (percent).
      near(r[1], x[2] === '' ? '' : (x[2] as number) / 100);
      near(r[2], x[3]);
      near(r[3], x[4] === '' ? '' : (x[4] as number) / 100);
      near(r[4], x[5] === '' ? '' : (x[5] as number) / 100);
      expect(r.slice(5, 7)).toEqual(x.slice(6, 8));
    }
  });

  it('win rate by band as the formula gives it, and the answer computed from them', () => {
    const bands = block('Конверсия по глубине скидки');
    const f = formula('');
    const fb = f.slice(f.findIndex((r) => r[0] === 'Скидка сделки') + 1, -1);
    expect(bands.slice(1, 6).map((r) => [r[0], r[2], r[3]])).toEqual(
      fb.slice(0, 5).map((r) => [r[0], r[1], r[2]]),
    );
    // The demo's story: a small discount wins more often than list price, deeper ones do not.
    const note = dash.find((r) => String(r[0]).startsWith('Глубже скидка'))!;
    expect(note[0]).toMatch(
      /^Глубже скидка — выше конверсия\? Нет: без скидки — \d+ % из \d+; до 5 %/,
    );
    const rate = (label: string) => {
      const r = bands.find((x) => x[0] === label)!;
      return (r[3] as number) / (r[2] as number);
    };
    expect(rate('до 5 %')).toBeGreaterThan(rate('без скидки'));
    expect(rate('5–10 %')).toBeLessThan(rate('до 5 %'));
  });
});
