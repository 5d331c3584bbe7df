import { createEmulator } from '../../local/emulator';

function sheet() {
  const em = createEmulator();
  const sh = em.spreadsheet.insertSheet('Data');
  return { em, sh };
}

describe('Range values', () => {
  it('reads empty cells as "", dates as Date, numbers, booleans and percent as a fraction', () => {
    const { sh } = sheet();
    sh.getRange('A1:E1').setValues([['text', '27.11.2026', 42, true, '25%']]);
    const [row] = sh.getRange('A1:F1').getValues();
    expect(row[0]).toBe('text');
    expect(row[1]).toBeInstanceOf(Date);
    // Midnight in the spreadsheet's zone (Moscow, UTC+3).
    expect((row[1] as Date).toISOString()).toBe('2026-11-26T21:00:00.000Z');
    expect(row[2]).toBe(42);
    expect(row[3]).toBe(true);
    expect(row[4]).toBe(0.25);
    expect(row[5]).toBe('');
    expect(sh.getRange('E1').getNumberFormat()).toBe('0%');
  });

  it('returns copies: mutating what getValues returned changes nothing', () => {
    const { sh } = sheet();
    sh.getRange('A1').setValue('x');
    const v = sh.getRange('A1').getValues();
    v[0][0] = 'changed';
    expect(sh.getRange('A1').getValue()).toBe('x');
  });

  it("refuses setValues of the wrong shape with Google's exact texts, writing nothing", () => {
    const { sh } = sheet();
    expect(() => sh.getRange('A1:B2').setValues([['a', 'b']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sh.getRange('A1:B2').setValues([['a', 'b'], ['c']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sh.getLastRow()).toBe(0);
  });

  it('throws for a range of 0 rows (the getLastRow() - 1 bug on an empty sheet)', () => {
    const { sh } = sheet();
    expect(() => sh.getRange(2, 1, sh.getLastRow() - 1, 3)).toThrow(
      'The number of rows in the range must be at least 1',
    );
  });

  it('throws outside the grid, and appendRow grows it', () => {
    const { sh } = sheet();
    expect(sh.getMaxRows()).toBe(1000);
    expect(() => sh.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    sh.getRange(1000, 1).setValue('last');
    sh.appendRow(['more', '=1+1']);
    expect(sh.getMaxRows()).toBe(1001);
    expect(sh.getRange(1001, 1, 1, 2).getValues()).toEqual([['more', '']]);
    expect(sh.getRange(1001, 2).getFormula()).toBe('=1+1');
  });

  it('parses writes as typed (USER_ENTERED) unless the format is plain text', () => {
    const { sh } = sheet();
    sh.getRange('B1:B6').setNumberFormat('@');
    const typed = [
      ['=SUM(A1:A2)'],
      ['0123'],
      ['+79991234567'],
      ['2026-11-27'],
      ["'=not a formula"],
      ['1,5'],
    ];
    sh.getRange('A1:A6').setValues(typed);
    sh.getRange('B1:B6').setValues(typed);
    const a = sh
      .getRange('A1:A6')
      .getValues()
      .map((r) => r[0]);
    expect(a[0]).toBe(''); // a formula, not its text
    expect(sh.getRange('A1').getFormula()).toBe('=SUM(A1:A2)');
    expect(a[1]).toBe(123);
    expect(a[2]).toBe(79991234567);
    expect((a[3] as Date).toISOString()).toBe('2026-11-26T21:00:00.000Z');
    expect(a[4]).toBe('=not a formula');
    expect(a[5]).toBe(1.5);
    const b = sh
      .getRange('B1:B6')
      .getValues()
      .map((r) => r[0]);
    expect(b).toEqual([
      '=SUM(A1:A2)',
      '0123',
      '+79991234567',
      '2026-11-27',
      "'=not a formula",
      '1,5',
    ]);
    expect(sh.getRange('B1').getFormula()).toBe('');
  });

  it('knows last row/column, the data range and A1 notation', () => {
    const { sh } = sheet();
    expect(sh.getLastRow()).toBe(0);
    expect(sh.getLastColumn()).toBe(0);
    sh.getRange('B2:C3').setValues([
      [1, 2],
      [3, ''],
    ]);
    expect(sh.getLastRow()).toBe(3);
    expect(sh.getLastColumn()).toBe(3);
    expect(sh.getDataRange().getA1Notation()).toBe('A1:C3');
    sh.getRange('B3').clearContent();
    expect(sh.getLastRow()).toBe(2);
    const r = sh.getRange(2, 2, 2, 2);
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 2, 2, 2]);
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(sh.getRange('A:B').getA1Notation()).toBe('A1:B1000');
  });

  it('shows display values by number format in the ru_RU locale', () => {
    const { sh } = sheet();
    sh.getRange('A1:D1').setValues([[1234.5, 0.256, '27.11.2026', 1234.5]]);
    sh.getRange('A1').setNumberFormat('#,##0.00 ₽');
    sh.getRange('B1').setNumberFormat('0.0%');
    sh.getRange('C1').setNumberFormat('yyyy-mm-dd');
    expect(sh.getRange('A1:D1').getDisplayValues()).toEqual([
      ['1\u00a0234,50 ₽', '25,6%', '2026-11-27', '1234,5'],
    ]);
  });

  it('keeps named ranges and row metadata attached when rows are inserted or deleted', () => {
    const { em, sh } = sheet();
    const ss = em.spreadsheet;
    sh.getRange('A1:A3').setValues([['h'], ['x'], ['y']]);
    ss.setNamedRange('ROP_Y', sh.getRange('A3'));
    sh.getRange('3:3').addDeveloperMetadata('row', 'y');
    sh.insertRowsBefore(2, 2);
    expect(ss.getRangeByName('ROP_Y')!.getA1Notation()).toBe('A5');
    expect(ss.getRangeByName('ROP_Y')!.getValue()).toBe('y');
    const found = ss.createDeveloperMetadataFinder().withKey('row').find();
    expect(found[0].getLocation().getRow()).toBe(5);
    sh.deleteRows(2, 2);
    expect(ss.getRangeByName('ROP_Y')!.getA1Notation()).toBe('A3');
    expect(sh.getMaxRows()).toBe(1000);
  });

  it('enforces rejecting list validations and records the rules', () => {
    const { em, sh } = sheet();
    const rule = em.app
      .newDataValidation()
      .requireValueInList(['new', 'won'])
      .setAllowInvalid(false)
      .build();
    sh.getRange('A2:A10').setDataValidation(rule);
    sh.getRange('A2').setValue('won');
    expect(() => sh.getRange('A3').setValue('lost')).toThrow(
      'The data you entered in cell A3 violates the data validation rules set on this cell.',
    );
    const dv = sh.getRange('A2:A3').getDataValidations();
    expect(dv[1][0]!.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(dv[1][0]!.getCriteriaValues()[0]).toEqual(['new', 'won']);
    expect(sh.getRange('B2').getDataValidation()).toBeNull();
  });

  it('records charts, conditional rules, frozen rows, tab colours and protections', () => {
    const { em, sh } = sheet();
    sh.setFrozenRows(1);
    sh.setTabColor('#ff0000');
    const chart = sh
      .newChart()
      .setChartType('PIE' as unknown as GoogleAppsScript.Charts.ChartType)
      .addRange(sh.getRange('A1:B5'))
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Funnel')
      .build();
    sh.insertChart(chart);
    const [stored] = sh.getCharts();
    expect(stored.getOptions().get('title')).toBe('Funnel');
    expect(stored.getRanges()[0].getA1Notation()).toBe('A1:B5');
    sh.updateChart(stored.modify().setOption('title', 'Воронка').build());
    expect(sh.getCharts()[0].getOptions().get('title')).toBe('Воронка');
    const cf = em.app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setBackground('#eeeeee')
      .setRanges([sh.getRange('A2:A9')])
      .build();
    sh.setConditionalFormatRules([cf]);
    expect(sh.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('A2:A9');
    const p = sh.protect().setDescription('Settings').setWarningOnly(true);
    expect(p.isWarningOnly()).toBe(true);
    expect(sh.getProtections(em.app.ProtectionType.SHEET)).toHaveLength(1);
    expect(sh.getFrozenRows()).toBe(1);
    expect(sh.getTabColor()).toBe('#ff0000');
  });

  it('counts every service call by method name', () => {
    const { em, sh } = sheet();
    em.calls.reset();
    sh.getRange('A1:B2').getValues();
    sh.getRange('A1').setValue(1);
    expect(em.calls.byMethod()).toEqual({
      'Sheet.getRange': 2,
      'Range.getValues': 1,
      'Range.setValue': 1,
    });
    expect(em.calls.count('Range')).toBe(2);
  });
});

describe('Range notes', () => {
  it('reads and writes a block of notes in one call each, shaped like setValues', () => {
    const em = createEmulator();
    const sheet = em.spreadsheet.insertSheet('N');
    sheet.getRange('B2').setNote('one');
    const block = sheet.getRange('A1:B2');
    expect(block.getNotes()).toEqual([
      ['', ''],
      ['', 'one'],
    ]);
    block.setNotes([
      ['a', null],
      ['', 'two'],
    ]);
    expect(sheet.getRange('A1').getNote()).toBe('a');
    expect(sheet.getRange('B2').getNote()).toBe('two');
    expect(() => block.setNotes([['x', 'y']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });
});

describe('dates are numbers with a date format, as in Sheets', () => {
  it('reads a serial written under a date format as a Date, and a date under a number format as its serial', () => {
    const em = createEmulator();
    const sh = em.spreadsheet.getSheets()[0];
    sh.getRange('A1:A2').setNumberFormat('dd.MM.yyyy');
    sh.getRange('A1').setValue(46353); // 2026-11-27
    expect((sh.getRange('A1').getValue() as Date).toISOString()).toBe('2026-11-26T21:00:00.000Z');
    expect(sh.getRange('A1').getDisplayValue()).toBe('27.11.2026');
    sh.getRange('A1').setNumberFormat('0');
    expect(sh.getRange('A1').getValue()).toBe(46353);
    sh.getRange('B1').setValue(46353);
    sh.getRange('B1').setNumberFormat('yyyy-mm-dd');
    expect(sh.getRange('B1').getDisplayValue()).toBe('2026-11-27');
    expect(sh.getRange('B1').getValue()).toBeInstanceOf(Date);
  });

  it('formats a written Date as a date, or date and time when it is not midnight', () => {
    const em = createEmulator();
    const sh = em.spreadsheet.getSheets()[0];
    sh.getRange('A1:A2').setValues([
      [new Date('2026-11-27T00:00:00+03:00')],
      [new Date('2026-11-27T09:30:00+03:00')],
    ]);
    expect(sh.getRange('A1:A2').getDisplayValues()).toEqual([
      ['27.11.2026'],
      ['27.11.2026 9:30:00'],
    ]);
    sh.getRange('B1').setNumberFormat('0.00');
    sh.getRange('B1').setValue(new Date('2026-11-27T00:00:00+03:00'));
    expect(sh.getRange('B1').getNumberFormat()).toBe('dd.MM.yyyy');
  });
});
