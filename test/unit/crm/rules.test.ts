import { safeCellText, looksLikeFormula } from '../../../src/core/workbook/sanitize';
import { readCell, writeCell, updateRuns, recordToRow } from '../../../src/core/workbook/cells';
import { DuplicateIndex, findDuplicates } from '../../../src/core/crm/duplicates';
import { IdAllocator, formatId, maxIdNumber } from '../../../src/core/workbook/ids';
import { assignLead, nextAssignee } from '../../../src/core/crm/assign';
import { ACTIVITY_TYPES, ROLES, STAGE_KINDS } from '../../../src/core/workbook/enums';
import { normalizePeriod } from '../../../src/core/workbook/plan-period';
import { columnLetter, formatOf, settingsBlocks } from '../../../src/core/workbook/layout';
import { defaultSettings, parseSettings } from '../../../src/core/workbook/settings';
import { amountRequired, Checker, requiredDealFields } from '../../../src/core/crm/validate';
import { CLIENTS, DEALS } from '../../../src/core/workbook/schema';
import { t } from '../../../src/core/i18n';
import { dayFromYmd, fixedZone } from '../../../src/core/time';
import type { Manager } from '../../../src/core/types';

const zone = fixedZone('Europe/Moscow', 180);

describe('formula-injection sanitiser', () => {
  it.each([
    '=1+1',
    '+1',
    '-1',
    '@x',
    '\tx',
    '\rx',
    "'x",
    '01.02.2026',
    '1 234',
    '12%',
    'TRUE',
    'ложь',
    '10:30',
    '$5',
  ])('quotes %p so Sheets keeps it as text', (text) => {
    expect(safeCellText(text)).toBe(`'${text}`);
  });
  it.each(['Ромашка', 'ООО «Ромашка»', 'a=b', 'звонок в 10:30', 'Q4 2026', ''])(
    'leaves %p alone',
    (text) => {
      expect(safeCellText(text)).toBe(text);
    },
  );
  it('recognises formula starts', () => {
    expect(looksLikeFormula('=A1')).toBe(true);
    expect(looksLikeFormula('A1')).toBe(false);
  });
});

describe('cells', () => {
  it('reads by kind and writes back what setValues needs', () => {
    expect(readCell('id', ' c-000001 ', zone)).toBe('C-000001');
    expect(readCell('email', 'A@B.RU', zone)).toBe('a@b.ru');
    expect(readCell('phone', '8 916 123 45 67', zone)).toBe('+79161234567');
    expect(readCell('phone', 'позвонить', zone)).toBe('позвонить');
    expect(readCell('inn', 7707083893, zone)).toBe('7707083893');
    expect(readCell('money', '1 234,5', zone)).toBe(123450);
    expect(readCell('money', '', zone)).toBeNull();
    expect(readCell('bool', 'да', zone)).toBe(true);
    expect(writeCell('money', 123450, zone)).toBe(1234.5);
    expect(writeCell('text', '=evil()', zone)).toBe("'=evil()");
    expect(writeCell('phone', '+79161234567', zone)).toBe('+79161234567');
    expect(writeCell('date', dayFromYmd(2026, 11, 27), zone)).toEqual(
      new Date(Date.UTC(2026, 10, 26, 21)),
    );
    expect(writeCell('datetime', null, zone)).toBe('');
  });

  it('writes only the changed columns, in runs of adjacent cells', () => {
    const index = { id: 0, name: 1, phone: 4, email: 5 };
    const runs = updateRuns(
      { name: 'X', phone: '+79161234567', email: 'a@b.ru' },
      CLIENTS.columns,
      index,
      zone,
    );
    expect(runs).toEqual([
      { start: 1, values: ['X'] },
      { start: 4, values: ['+79161234567', 'a@b.ru'] },
    ]);
    expect(recordToRow({ id: 'C-1', name: '-5' }, CLIENTS.columns, index, 7, zone)).toEqual([
      'C-1',
      "'-5",
      '',
      '',
      '',
      '',
      '',
    ]);
  });
});

const clients = [
  {
    id: 'C-000001',
    name: 'ООО «Ромашка»',
    inn: '7707083893',
    phone: '+79161234567',
    email: 'a@r.ru',
    manager: 'm@x.ru',
    row: 2,
  },
  {
    id: 'C-000002',
    name: 'Вектор',
    inn: '',
    phone: '+74950000000',
    email: 'a@r.ru',
    manager: 'm@x.ru',
    row: 3,
  },
];

describe('duplicates', () => {
  it('matches on phone, email, INN and company name, most matches first', () => {
    const hits = findDuplicates(
      { name: 'Ромашка ООО', phone: '8 916 123-45-67', email: 'A@R.RU' },
      clients,
    );
    expect(hits.map((h) => [h.clientId, h.matchedOn])).toEqual([
      ['C-000001', ['phone', 'email', 'name']],
      ['C-000002', ['email']],
    ]);
    expect(findDuplicates({ name: 'Новая', phone: '+7 495 111 11 11' }, clients)).toEqual([]);
    expect(findDuplicates({ inn: '7707 083 893' }, clients)[0].matchedOn).toEqual(['inn']);
  });
  it('grows as rows are added', () => {
    const index = new DuplicateIndex([]);
    index.add(clients[1]);
    expect(index.find({ name: 'вектор' })).toHaveLength(1);
  });
});

describe('ids and assignment', () => {
  it('continues after the highest id', () => {
    expect(formatId('D', 42)).toBe('D-000042');
    expect(maxIdNumber('C', ['C-000009', 'c-000011', 'X-1', '', 'C-1234567'])).toBe(1234567);
    const ids = new IdAllocator('A', ['A-000002']);
    expect([ids.take(), ids.take()]).toEqual(['A-000003', 'A-000004']);
  });

  const m = (email: string, role: Manager['role'] = 'manager', active = true): Manager => ({
    row: 0,
    email,
    name: email,
    team: '',
    role,
    active,
    callsPerDay: null,
    meetingsPerWeek: null,
    hiredAt: null,
    lastDay: null,
    grade: '',
    mentor: '',
  });
  it('rotates among active managers and falls back to anyone active', () => {
    const team = [m('head@x', 'head'), m('a@x'), m('b@x', 'manager', false), m('c@x')];
    expect(nextAssignee(team, '')).toBe('a@x');
    expect(nextAssignee(team, 'a@x')).toBe('c@x');
    expect(nextAssignee(team, 'c@x')).toBe('a@x');
    expect(nextAssignee([m('head@x', 'head')], '')).toBe('head@x');
    expect(nextAssignee([], '')).toBe('');
    expect(assignLead('', 'c@x', team, { assignment: 'manual' }, '')).toBe('c@x');
    expect(assignLead('b@x', 'c@x', team, { assignment: 'roundRobin' }, '')).toBe('b@x');
  });
});

describe('enumerations and periods', () => {
  it('reads either language and synonyms', () => {
    expect(ROLES.parse('РОП')).toBe('head');
    expect(ROLES.parse('Head of sales')).toBe('head');
    expect(ACTIVITY_TYPES.parse('Telegram')).toBe('message');
    expect(ACTIVITY_TYPES.parse('факс')).toBeNull();
    expect(STAGE_KINDS.label('won', 'en')).toBe('Won');
  });
  it.each([
    ['2026-11', '2026-11'],
    ['11.2026', '2026-11'],
    ['ноябрь 2026', '2026-11'],
    ['Nov 2026', '2026-11'],
    ['Q4 2026', '2026-Q4'],
    ['4 кв. 2026', '2026-Q4'],
    ['2026Q4', '2026-Q4'],
    [2026, '2026'],
    ['13.2026', null],
    ['когда-нибудь', null],
  ])('period %p -> %p', (input, out) => {
    expect(normalizePeriod(input)).toBe(out);
  });
  it('reads a month typed as a date cell', () => {
    expect(normalizePeriod(new Date(Date.UTC(2026, 10, 30, 21)))).toBe('2026-12');
  });
});

describe('validation', () => {
  it('names fields by their header in the user language', () => {
    const ck = new Checker(CLIENTS, 'en');
    ck.text('name', '  ', true);
    ck.phone('phone', '12');
    ck.inn('inn', '123');
    expect(ck.problems.map((p) => t('en', p.key, p.params))).toEqual([
      'Field "Client" is required.',
      expect.stringContaining('Field "Phone": "12" does not look like a phone number'),
      expect.stringContaining('an INN has 10 (company) or 12 (individual) digits'),
    ]);
    expect(() => ck.done()).toThrow();
  });

  it('requires the amount from qualification on and lists required fields per stage', () => {
    const stages = defaultSettings('ru').stages;
    expect(stages.map((s) => amountRequired(s, stages))).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(requiredDealFields(stages[0], stages)).not.toContain('amount');
    expect(requiredDealFields(stages[2], stages)).toContain('amount');
    expect(requiredDealFields(stages[7], stages)).toContain('lostReason');
    const ck = new Checker(DEALS, 'ru');
    expect(ck.amount('amount', '-5')).toBeNull();
    expect(ck.day('nextStepDate', '2026-02-29')).toBeNull();
    expect(ck.probability('probability', '35%')).toBeCloseTo(0.35);
    expect(ck.problems.map((p) => p.field)).toEqual(['amount', 'nextStepDate']);
  });
});

describe('setup layout', () => {
  it('writes settings tables that read back as the defaults', () => {
    for (const lang of ['ru', 'en'] as const) {
      const s = defaultSettings(lang);
      const blocks = settingsBlocks(s);
      // Lay them side by side as setup does and read them back.
      const height = Math.max(...blocks.map((b) => b.rows.length));
      const grid: unknown[][] = Array.from({ length: height }, () => []);
      for (const b of blocks) {
        const width = b.rows[0].length;
        for (let r = 0; r < height; r++)
          grid[r].push(...(b.rows[r] ?? new Array(width).fill('')), '');
      }
      const back = parseSettings(grid, zone);
      expect({ ...back, calendar: [] }).toEqual({ ...s, calendar: [] });
      expect(back.calendar.map((c) => c.day)).toEqual([
        dayFromYmd(2026, 1, 9),
        dayFromYmd(2026, 12, 31),
      ]);
    }
  });
  it('formats columns by kind', () => {
    expect(formatOf('money', 'amount')).toBe('#,##0.00 "₽"');
    expect(formatOf('phone', 'phone')).toBe('@');
    expect(formatOf('text', 'name')).toBeNull();
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
