/** The Plans sheet as the head reads it: grouped by period, each manager named beside the email. */
import { demoProject, range } from './helpers';

test('the demo Plans sheet is grouped by period and names each manager beside the email key', () => {
  const p = demoProject();
  const [header, ...rows] = range(p, 'Планы');
  const col = (name: string) => header.map(String).indexOf(name);
  expect(col('Имя')).toBe(col('Кто') + 1);
  const periods = rows.map((r) => String(r[col('Период')]));
  expect(periods).toEqual([...periods].sort());
  const managers = range(p, 'Менеджеры');
  const names = new Map(managers.slice(1).map((m) => [String(m[1]).toLowerCase(), String(m[0])]));
  const mine = rows.filter((r) => r[col('Уровень')] === 'Менеджер');
  expect(mine.length).toBeGreaterThan(0);
  for (const r of mine) expect(r[col('Имя')]).toBe(names.get(String(r[col('Кто')])));
});
