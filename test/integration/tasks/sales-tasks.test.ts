/** SALES_TASKS through the bundle on the demo workbook, in custom-function mode. */
import { demoProject, forbiddenCalls, range } from '../analytics/helpers';

describe('SALES_TASKS', () => {
  const p = demoProject();
  const tasks = range(p, 'Задачи');

  const call = (args: unknown[]): unknown[][] => {
    const out = p.customFunction('SALES_TASKS', args) as unknown[][];
    expect(forbiddenCalls(p.lastCalls)).toEqual([]);
    expect(p.lastCalls['Range.getValues'] ?? 0).toBeLessThanOrEqual(3);
    return out;
  };

  it('gives each manager the tasks due in the period and the share done on time', () => {
    const t = call([tasks, '2026-11']);
    expect(t[0]).toEqual([
      'Менеджер',
      'Со сроком в периоде',
      'В срок',
      'С опозданием',
      'Просрочены',
      'Доля в срок',
    ]);
    const rows = t.slice(1);
    expect(rows.length).toBeGreaterThan(3);
    for (const [, due, onTime, late, overdue, share] of rows as number[][]) {
      expect(onTime + late + overdue).toBeLessThanOrEqual(due);
      expect(share).toBeCloseTo((onTime / due) * 100, 6);
    }
    expect(rows.some((r) => (r[3] as number) > 0)).toBe(true);
  });

  it('narrows to one manager by name, and names a missing column', () => {
    const all = call([tasks, '2026-11']);
    const one = call([tasks, '2026-11', all[1][0]]);
    expect(one).toEqual([all[0], all[1]]);
    const broken = tasks.map((r) => r.filter((_, i) => i !== 5));
    expect(() => p.customFunction('SALES_TASKS', [broken, '2026-11'])).toThrow(/Срок/);
  });
});
