/**
 * The fast read path (a parser per column resolved once, cached normalisers, money without a
 * text round trip) must give exactly what the plain per-cell path gives.
 */
import vm from 'node:vm';
import { CellParsers, cellReader, readCell } from '../../../src/core/workbook/cells';
import { readDeals, readPlans, toDeal, toPlan } from '../../../src/core/workbook/records';
import { MissingColumns, readTable, readTyped } from '../../../src/core/workbook/tables';
import { toKopecks } from '../../../src/core/money';
import { DEALS, PLANS, type CellKind } from '../../../src/core/workbook/schema';
import { normalizeHeader } from '../../../src/core/workbook/headers';
import { fixedZone } from '../../../src/core/time';

const zone = fixedZone('Europe/Moscow', 180);
/** toKopecks as it was: every amount through toFixed(6). */
const viaText = (amount: number): number => Math.round(Number((amount * 100).toFixed(6)));

describe('toKopecks', () => {
  it('keeps the text round trip rounding on the awkward cases', () => {
    const cases = [
      0.1 + 0.2,
      1.005,
      -1.005,
      2.675,
      1.015,
      0.005,
      -0.005,
      0.125,
      1234.565,
      8.345,
      -0,
      0,
      -5,
      1e15 + 0.5,
      123456789.995,
      0.3 - 0.1,
      99999.999,
      4.35,
      -4.35,
      1e21,
      2 ** 60,
    ];
    for (const a of cases) expect(toKopecks(a)).toBe(viaText(a));
    expect(toKopecks(1.005)).toBe(101);
    expect(toKopecks(0.1 + 0.2)).toBe(30);
    expect(toKopecks(-1.005)).toBe(-100);
    expect(Object.is(toKopecks(-0), 0)).toBe(true);
  });

  it('agrees with it on a million amounts with up to four decimals', () => {
    let seed = 42;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 1_000_000; i++) {
      const digits = i % 5;
      const a = (Math.round((rnd() - 0.3) * 10 ** (3 + (i % 7)) * 10 ** digits) /
        10 ** digits) as number;
      if (toKopecks(a) !== viaText(a)) throw new Error(`differs at ${a}`);
    }
  });
});

describe('cellReader', () => {
  const samples: unknown[] = [
    '',
    null,
    undefined,
    ' ',
    'x',
    '  Ivan@Firm.RU ',
    'Иван <ivan@firm.ru>',
    'mailto:A@B.RU',
    'not mail',
    '8 (916) 123-45-67',
    '+7 916 1234567 доб. 5',
    79161234567,
    '7707083893',
    7707083893,
    '1 234,56',
    '1,234',
    '(1 200)',
    1234.565,
    0.1 + 0.2,
    -3,
    NaN,
    Infinity,
    '27.11.2026',
    '2026-11-27 10:30',
    46000,
    46000.5,
    new Date(Date.UTC(2026, 10, 26, 21)),
    true,
    false,
    'да',
    '25%',
    0.25,
    25,
    '-',
  ];
  const kinds: CellKind[] = [
    'id',
    'text',
    'longtext',
    'enum',
    'phone',
    'email',
    'inn',
    'money',
    'number',
    'percent',
    'date',
    'datetime',
    'bool',
  ];
  it.each(kinds)('reads %s cells as readCell does, twice over (cache)', (kind) => {
    for (const key of ['', 'from']) {
      const read = cellReader(kind, zone, key);
      for (const pass of [1, 2]) {
        for (const v of samples) {
          const want = readCell(kind, v, zone, key);
          const got = read(v);
          if (!Object.is(got, want) && !(Number.isNaN(got) && Number.isNaN(want)))
            throw new Error(`${kind} ${String(v)} pass ${pass}: ${String(got)} vs ${String(want)}`);
        }
      }
    }
  });
});

describe('CellParsers', () => {
  const otherRealm = vm.runInNewContext('[new Date(Date.UTC(2026, 10, 26, 21)), new Date(NaN)]');
  const samples: unknown[] = [
    '',
    null,
    undefined,
    ' x ',
    '  Ivan@Firm.RU ',
    'Иван <ivan@firm.ru>',
    'not mail',
    'd-0001 ',
    42,
    '1 234,56',
    1234.565,
    -3,
    NaN,
    Infinity,
    '27.11.2026',
    '2026-11-27 10:30',
    46000,
    46000.5,
    new Date(Date.UTC(2026, 10, 26, 21)),
    new Date(NaN),
    ...(otherRealm as unknown[]),
    new Date(Date.UTC(2025, 2, 1, 7, 30)),
    true,
    '25%',
    0.25,
    25,
  ];
  const methods: Array<[keyof CellParsers, CellKind]> = [
    ['id', 'id'],
    ['text', 'text'],
    ['email', 'email'],
    ['money', 'money'],
    ['percent', 'percent'],
    ['number', 'number'],
    ['day', 'date'],
    ['instant', 'datetime'],
  ];
  it.each(methods)(
    '%s reads cells as readCell(%s) does, before and after it has seen a Date',
    (m, kind) => {
      const p = new CellParsers(zone);
      for (const pass of [1, 2, 3]) {
        for (const v of pass === 3 ? [...samples].reverse() : samples) {
          const want = readCell(kind, v, zone);
          const got = p[m](v);
          if (!Object.is(got, want) && !(Number.isNaN(got) && Number.isNaN(want)))
            throw new Error(`${m} ${String(v)} pass ${pass}: ${String(got)} vs ${String(want)}`);
        }
      }
    },
  );
});

describe('readDeals in one pass', () => {
  const header = DEALS.columns.map((c) => c.ru);
  const cellFor = (kind: CellKind, i: number): unknown => {
    const pick = <T>(xs: T[]): T => xs[i % xs.length];
    switch (kind) {
      case 'id':
        return pick(['d-0001', ' D-0002 ', 17, '']);
      case 'email':
        return pick(['Ivan@Firm.RU', 'petr@firm.ru ', 'bad', '']);
      case 'money':
        return pick([1000, 1.005, '1 234,50', '', 'abc', NaN]);
      case 'percent':
        return pick([0.3, 30, '30%', '', 'x']);
      case 'number':
        return pick([2, '3', '', 'x']);
      case 'date':
        return pick([new Date(Date.UTC(2026, 10, 26, 21)), '27.11.2026', 46000, '', 'soon']);
      case 'datetime':
        return pick([new Date(Date.UTC(2026, 10, 27, 7)), '2026-11-27 10:30', '', 46000.5]);
      default:
        return pick(['  Квалификация ', 'usd', 12, true, '']);
    }
  };
  const values: unknown[][] = [['Сделки'], header];
  for (let i = 0; i < 40; i++)
    values.push(
      i % 9 === 4 ? header.map(() => '') : DEALS.columns.map((c, j) => cellFor(c.kind, i + j)),
    );
  values.push(header.map((_, j) => (j === header.length - 1 ? 'note' : '')));

  it('gives what readTyped and toDeal give, with and without keys', () => {
    for (const keys of [undefined, ['amount', 'closedAt'], ['title', 'createdAt', 'updatedAt']]) {
      const want = readTyped(values, DEALS, zone, toDeal, { keys, firstRow: 3 });
      expect(readDeals(values, zone, { keys, firstRow: 3 })).toEqual(want);
    }
  });

  it('with `only`, parses just the keys but keeps the same rows', () => {
    const keys = ['manager', 'stage', 'amount'];
    const all = readTyped(values, DEALS, zone, toDeal, { keys });
    const only = readDeals(values, zone, { keys, only: true });
    expect(only.map((d) => d.row)).toEqual(all.map((d) => d.row));
    expect(only).toEqual(all.map((d) => ({ ...d, id: '', clientId: '' })));
    expect(() => readDeals([['Что-то']], zone, { keys, only: true })).toThrow(MissingColumns);
  });
});

describe('readTyped', () => {
  const values = [
    ['Сделки', '', '', '', '', '', '', ''],
    [
      'Моя заметка',
      'Stage',
      'Сумма',
      'ID',
      'ID клиента',
      'Ответственный',
      'Дата закрытия',
      'Валюта',
    ],
    ['x', 'Квалификация', '1 234,50', 'd-000001', 'C-000001', 'Ivan@Firm.RU', '27.11.2026', 'usd'],
    ['note only', '', '', '', '', '', '', ''],
    ['y', 'Успешно', 5000, 'D-000002', 'C-000002', 'petr@firm.ru', 46000, ''],
    ['z', 'Успешно', 1.005, 'D-000003', 'C-000002', 'IVAN@firm.ru', '', 'RUB'],
  ];

  it('gives the records readTable and toDeal give', () => {
    const want = readTable(values, DEALS, zone).records.map(toDeal);
    expect(readDeals(values, zone)).toEqual(want);
    expect(readDeals(values, zone).map((d) => d.row)).toEqual([3, 5, 6]);
    expect(readDeals(values, zone, { firstRow: 10 }).map((d) => d.row)).toEqual([12, 14, 15]);
  });

  it('parses only the columns asked for (and the required ones)', () => {
    const [d] = readDeals(values, zone, { keys: ['amount'] });
    expect(d).toMatchObject({ id: 'D-000001', manager: 'ivan@firm.ru', amount: 123450 });
    expect(d.currency).toBe('');
    expect(d.closedAt).toBeNull();
  });

  it('drops what `to` refuses and names missing columns', () => {
    const plans = [
      ['Уровень', 'Цель', 'Период', 'Показатель', 'План'],
      ['Менеджер', 'Ivan@Firm.ru', '2026-11', 'Выручка', 1000.5],
      ['Никто', 'x', '2026-11', '', 5],
      ['Компания', '', 'ноябрь 2026', '', 7],
    ];
    const want = readTable(plans, PLANS, zone)
      .records.map(toPlan)
      .filter((p) => p !== null);
    expect(readPlans(plans, zone)).toEqual(want);
    expect(readPlans(plans, zone)).toHaveLength(want.length);
    expect(() => readTyped([['Что-то']], DEALS, zone, toDeal)).toThrow(MissingColumns);
  });
});

describe('normalizeHeader', () => {
  it('answers the same from its cache', () => {
    for (const t of ['Дата закрытия*:', '  ЁЛКА  ', 'Ёлка', 42, null]) {
      expect(normalizeHeader(t)).toBe(normalizeHeader(t));
    }
    expect(normalizeHeader('  Ёлка  Палка:')).toBe('елка палка');
  });
});
