/**
 * The bundle's spreadsheet calls do not grow with the rows: the same calls for a workbook of 10
 * and of 1,000 clients and deals (project.lastCalls of one execution).
 */
import type { Project } from '../../../local/harness';
import { setUpProject, sheet, values } from './helpers';

function seeded(n: number): Project {
  const p = setUpProject();
  const clients = sheet(p, 'Клиенты');
  const deals = sheet(p, 'Сделки');
  clients.insertRowsAfter(clients.getMaxRows(), n + 100);
  deals.insertRowsAfter(deals.getMaxRows(), n + 100);
  const ch = values(p, 'Клиенты')[0].map(String);
  const dh = values(p, 'Сделки')[0].map(String);
  const row = (h: string[], o: Record<string, unknown>) => h.map((k) => o[k] ?? '');
  clients.getRange(2, 1, n, ch.length).setValues(
    Array.from({ length: n }, (_, i) =>
      row(ch, {
        ID: `C-${String(i + 1).padStart(6, '0')}`,
        Клиент: `Клиент ${i}`,
        Телефон: `+7495${String(i).padStart(7, '0')}`,
        Менеджер: 'ivan@firm.ru',
      }),
    ),
  );
  deals.getRange(2, 1, n, dh.length).setValues(
    Array.from({ length: n }, (_, i) =>
      row(dh, {
        ID: `D-${String(i + 1).padStart(6, '0')}`,
        'ID клиента': `C-${String(i + 1).padStart(6, '0')}`,
        Сделка: 'Сделка',
        Менеджер: 'ivan@firm.ru',
        Этап: 'Квалификация',
        Сумма: 1000,
      }),
    ),
  );
  p.emulator.calls.reset();
  return p;
}

const col = (p: Project, name: string, header: string, r: number) =>
  `${String.fromCharCode(65 + values(p, name)[0].indexOf(header))}${r}`;

const cases: Array<[string, (p: Project) => void]> = [
  [
    'onEdit of a stage',
    (p) =>
      p.edit('Сделки', col(p, 'Сделки', 'Этап', 6), 'Встреча / презентация', {
        user: 'ivan@firm.ru',
      }),
  ],
  [
    'onEdit of an activity row',
    (p) => {
      const ah = values(p, 'Активности')[0].map(String);
      const act = ah.map(
        (k) =>
          (
            ({ Тип: 'Звонок', 'ID сделки': 'D-000005', Итог: 'Созвонились' }) as Record<
              string,
              string
            >
          )[k] ?? '',
      );
      p.edit('Активности', `A2:${String.fromCharCode(64 + ah.length)}2`, [act], {
        user: 'ivan@firm.ru',
      });
    },
  ],
  [
    'form response',
    (p) =>
      p.submitForm('Ответы', {
        Компания: 'Новая',
        Телефон: '+7 999 111 22 33',
        Комментарий: 'Перезвоните',
      }),
  ],
  [
    'sidebar addLead',
    (p) => {
      const reply = p.rpc(
        'rpc',
        [
          'addLead',
          {
            lead: {
              clientName: 'Новая',
              inn: '',
              contactName: '',
              phone: '+7 999 111 22 33',
              email: '',
              source: '',
              need: 'x',
              dealTitle: '',
              amount: '',
              summary: 's',
              nextStep: 'n',
              nextStepDate: '01.12.2026',
            },
            force: false,
          },
        ],
        { user: 'ivan@firm.ru' },
      ) as { ok: boolean };
      expect(reply.ok).toBe(true);
    },
  ],
];

describe('spreadsheet calls of one execution', () => {
  it.each(cases)('%s: the same for 10 and 1,000 rows', (_name, op) => {
    const counts = [10, 1000].map((n) => {
      const p = seeded(n);
      op(p);
      return p.lastCalls;
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]['Range.getValues'] ?? 0).toBeGreaterThan(0);
  });
});
