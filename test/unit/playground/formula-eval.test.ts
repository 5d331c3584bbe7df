/**
 * The playground paints conditional formats by evaluating their custom formulas: the product's
 * own rules (forgotten deal, overdue step, overdue invoice) must read as Sheets reads them.
 */
import {
  evaluate,
  satisfied,
  variesByColumn,
  type Scalar,
} from '../../../local/playground/formula-eval';
import { parseTsv } from '../../../local/playground/page/paste';

const MARK = 'N("ROPDESK")=0';
const TODAY = 46353; // 27.11.2026

function ctx(rows: Scalar[][], other: Record<string, Scalar[][]> = {}) {
  return {
    today: TODAY,
    cell: (r: number, c: number) => rows[r - 1]?.[c - 1] ?? '',
    column: (sheet: string, c: number) => {
      const s = other[sheet];
      return s ? { size: s.length, column: (i: number) => s[i - 1]?.[c - 1] ?? '' } : null;
    },
  };
}

const A2 = { row: 2, col: 1 };

test('an overdue next step: relative rows, absolute columns, TODAY() from the clock', () => {
  const f = `=AND(${MARK},$B2<>"",$C2="",$B2<TODAY())`;
  const c = ctx([
    ['h', 'next', 'closed'],
    ['a', TODAY - 1, ''],
    ['b', TODAY, ''],
    ['c', TODAY - 5, TODAY - 2],
    ['d', '', ''],
  ]);
  const painted = [2, 3, 4, 5].map((row) => satisfied(evaluate(f, A2, { row, col: 2 }, c)));
  expect(painted).toEqual([true, false, false, false]);
  expect(variesByColumn(f)).toBe(false);
  expect(variesByColumn('=B2>0')).toBe(true);
});

test('a forgotten deal: the stage limit comes from the settings sheet through INDIRECT/MATCH', () => {
  const limit = `IFERROR(INDEX(INDIRECT("'Настройки'!B:B"),MATCH($A2,INDIRECT("'Настройки'!A:A"),0)),"")`;
  const f = `=AND(${MARK},$A2<>"",ISNUMBER(${limit}),TODAY()-INT(IF($B2<>"",$B2,$C2))>${limit})`;
  const settings: Scalar[][] = [
    ['Этап', 'Дней'],
    ['Новая', 3],
    ['КП', 7],
    ['Успех', ''],
  ];
  const c = ctx(
    [
      ['stage', 'last', 'created'],
      ['новая', TODAY - 4.5, ''], // 4 days > 3: forgotten (case-insensitive match, INT)
      ['КП', '', TODAY - 7], // exactly 7: not yet
      ['КП', '', TODAY - 8],
      ['Успех', TODAY - 100, ''], // no limit: never
      ['Другой', TODAY - 100, ''], // unknown stage: IFERROR gives "", not a number
    ],
    { Настройки: settings },
  );
  const painted = [2, 3, 4, 5, 6].map((row) => satisfied(evaluate(f, A2, { row, col: 1 }, c)));
  expect(painted).toEqual([true, false, true, false, false]);
});

test('errors and unknown functions paint nothing; arithmetic and text follow Sheets', () => {
  const c = ctx([['x', 2, 'abc']]);
  const at = { row: 1, col: 1 };
  expect(satisfied(evaluate('=FOO(1)', at, at, c))).toBe(false);
  expect(satisfied(evaluate('=C1+1>0', at, at, c))).toBe(false); // #VALUE!
  expect(evaluate('=B1*3-1', at, at, c)).toBe(5);
  expect(evaluate('=-B1/4', at, at, c)).toBe(-0.5);
  expect(evaluate('=C1&"!"', at, at, c)).toBe('abc!');
  expect(evaluate('=N(C1)+N(TRUE)', at, at, c)).toBe(1);
  expect(evaluate('=D1=0', at, at, c)).toBe(true); // empty equals 0
  expect(satisfied(evaluate('=OR(FALSE,NOT(B1<1))', at, at, c))).toBe(true);
  expect(satisfied(evaluate('=AND(1,', at, at, c))).toBe(false);
});

test('a paste is read as Sheets reads the clipboard: tabs, lines, quoted cells', () => {
  expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
    ['a', 'b'],
    ['c', 'd'],
  ]);
  expect(parseTsv('x')).toEqual([['x']]);
  expect(parseTsv('"two\nlines"\t"say ""hi"""\n1\t')).toEqual([
    ['two\nlines', 'say "hi"'],
    ['1', ''],
  ]);
});
