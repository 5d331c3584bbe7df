/**
 * Who typed an activity: a simple trigger's `e.user` is '' for anyone outside the owner's
 * Workspace domain (consumer accounts included), so onEdit stamps the typist when Google names
 * them and otherwise falls back to the deal's manager.
 */
import { rows, setUpProject, sheet, values } from './helpers';

function rowOf(header: unknown[], cells: Record<string, string>): string[] {
  return header.map((h) => cells[String(h)] ?? '');
}

function typeActivity(sameDomain: boolean): Record<string, unknown> {
  const p = setUpProject({ sameDomain });
  const dh = values(p, 'Сделки')[0];
  sheet(p, 'Сделки')
    .getRange(2, 1, 1, dh.length)
    .setValues([
      rowOf(dh, {
        ID: 'D-000007',
        'ID клиента': 'C-000003',
        Менеджер: 'ivan@firm.ru',
        Этап: 'Квалификация',
      }),
    ]);
  const ah = values(p, 'Активности')[0];
  const act = rowOf(ah, { Тип: 'звонок', 'ID сделки': 'D-000007', Итог: 'Позвонила' });
  p.edit('Активности', `A2:${String.fromCharCode(64 + ah.length)}2`, [act], {
    user: 'anna@firm.ru',
  });
  return rows(p, 'Активности')[0];
}

describe('onEdit and the simple trigger user', () => {
  it('stamps the typist when they share the owner’s domain', () => {
    expect(typeActivity(true)).toMatchObject({ ID: 'A-000001', Менеджер: 'anna@firm.ru' });
  });

  it('falls back to the deal’s manager when Google hides the typist (consumer accounts)', () => {
    expect(typeActivity(false)).toMatchObject({ ID: 'A-000001', Менеджер: 'ivan@firm.ru' });
  });
});
