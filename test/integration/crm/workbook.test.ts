/**
 * The Workbook (src/gas/workbook.ts) run directly against the emulator's services: the published
 * contract other parts rely on, and its call count (one getValues per sheet, whatever the rows).
 */
import { createEmulator, type Emulator } from '../../../local/emulator';
import { Workbook, type DataSheetKey } from '../../../src/gas/workbook';

const readWorkbook = (ss: GoogleAppsScript.Spreadsheet.Spreadsheet, which?: DataSheetKey[]) =>
  new Workbook(ss).data(which);
import { dayFromYmd } from '../../../src/core/time';
import { isUserError } from '../../../src/core/errors';

function withServices<T>(em: Emulator, fn: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const installed = em.globals();
  const saved: Record<string, unknown> = {};
  for (const k of Object.keys(installed)) {
    if (k === 'Date' || k === 'console' || k === 'Math' || k === 'JSON') continue;
    saved[k] = g[k];
    g[k] = installed[k];
  }
  try {
    return fn();
  } finally {
    for (const k of Object.keys(saved)) g[k] = saved[k];
  }
}

const MSK = 3 * 3_600_000;
const msk = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h) - MSK);

function seed(em: Emulator, deals: number): void {
  const ss = em.spreadsheet;
  const put = (name: string, rows: unknown[][]) => {
    const sh = ss.insertSheet(name);
    if (rows.length > sh.getMaxRows())
      sh.insertRowsAfter(sh.getMaxRows(), rows.length - sh.getMaxRows());
    sh.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
  };
  put('Менеджеры', [
    ['Имя', 'Email', 'Команда', 'Роль', 'Активен'],
    ['Иван Петров', 'Ivan@Firm.ru', 'Север', 'Менеджер', true],
    ['Ольга РОП', 'head@firm.ru', '', 'РОП', true],
  ]);
  put('Клиенты', [
    ['ID', 'Клиент', 'ИНН', 'Телефон', 'Email', 'Менеджер', 'Создан'],
    [
      'C-000001',
      'ООО «Ромашка»',
      '7707083893',
      '+79161234567',
      'A@B.RU',
      'ivan@firm.ru',
      msk(2026, 11, 1, 10),
    ],
  ]);
  const dealRows: unknown[][] = [
    [
      'Этап',
      'ID',
      'ID клиента',
      'Менеджер',
      'Сумма',
      'Вероятность',
      'Ожидаемое закрытие',
      'Моё поле',
    ],
  ];
  for (let i = 1; i <= deals; i++) {
    dealRows.push([
      'Квалификация',
      `D-${String(i).padStart(6, '0')}`,
      'C-000001',
      'ivan@firm.ru',
      1234.5,
      0.25,
      msk(2026, 12, 15),
      'x',
    ]);
    if (i === 1) dealRows.push(['', '', '', '', '', '', '', '']); // a blank row in the middle
  }
  put('Сделки', dealRows);
  put('Активности', [['ID', 'Когда', 'Менеджер', 'Тип']]);
  put('История этапов', [['ID сделки', 'Из этапа', 'В этап', 'Когда']]);
  put('Планы', [
    ['Уровень', 'Кто', 'Период', 'Показатель', 'План'],
    ['Компания', '', '2026-11', 'Выручка', 1_000_000],
  ]);
  put('Счета', [['ID', 'ID клиента', 'Выставлен', 'Срок оплаты', 'Сумма', 'Оплачено']]);
  em.calls.reset();
}

describe('readWorkbook', () => {
  it('parses every sheet into core types, in the spreadsheet zone', () => {
    const em = createEmulator();
    seed(em, 3);
    const data = withServices(em, () => readWorkbook(em.spreadsheet));
    expect(data.settings.lang).toBe('ru');
    expect(data.settings.stages).toHaveLength(8);
    expect(data.managers[0]).toMatchObject({
      email: 'ivan@firm.ru',
      role: 'manager',
      active: true,
      row: 2,
    });
    expect(data.managers[1].role).toBe('head');
    expect(data.clients[0]).toMatchObject({
      email: 'a@b.ru',
      inn: '7707083893',
      createdAt: msk(2026, 11, 1, 10).getTime(),
    });
    expect(data.deals).toHaveLength(3);
    expect(data.deals.map((d) => d.row)).toEqual([2, 4, 5]);
    expect(data.deals[0]).toMatchObject({
      amount: 123450,
      probability: 0.25,
      expectedClose: dayFromYmd(2026, 12, 15),
      closeDatePushes: 0,
    });
    expect(data.plans[0]).toMatchObject({
      level: 'company',
      period: '2026-11',
      metric: 'revenue',
      value: 100_000_000,
    });
  });

  it('reads only the sheets asked for, settings always', () => {
    const em = createEmulator();
    seed(em, 3);
    const data = withServices(em, () => readWorkbook(em.spreadsheet, ['deals']));
    expect(data.deals).toHaveLength(3);
    expect(data.clients).toEqual([]);
    expect(data.managers).toEqual([]);
  });

  it('makes the same spreadsheet calls for 10 and 1,000 rows', () => {
    const counts = [10, 1000].map((n) => {
      const em = createEmulator();
      seed(em, n);
      withServices(em, () => readWorkbook(em.spreadsheet));
      return em.calls.byMethod();
    });
    expect(counts[1]).toEqual(counts[0]);
    // One per data sheet; there is no Settings sheet here, so its defaults cost nothing.
    expect(counts[0]['Range.getValues']).toBe(7);
  });

  it('names a missing required column and sheet', () => {
    const em = createEmulator();
    seed(em, 1);
    em.spreadsheet.getSheetByName('Сделки')?.getRange(1, 4).setValue('Кто-то');
    let err: unknown;
    withServices(em, () => {
      try {
        readWorkbook(em.spreadsheet);
      } catch (e) {
        err = e;
      }
    });
    expect(isUserError(err)).toBe(true);
    expect(err).toMatchObject({
      key: 'error.missingColumn',
      params: { sheet: 'Сделки', column: 'Менеджер' },
    });
  });
});
