// setValues parses strings as if a person typed them (USER_ENTERED): text led by + or - that
// reads as a formula becomes one, and a cell holds at most 50,000 characters.
import { createEmulator, MSG } from '../../local/emulator';

function sheet() {
  const emulator = createEmulator();
  return emulator.spreadsheet.getSheets()[0];
}

describe('formula-like text written with setValues', () => {
  it('turns + and - led expressions into formulas with their values', () => {
    const sh = sheet();
    const typed = ['+7+7', '-2+3', '-abc', '+SUM(A1:A2)', '=1/0', '+2*(3+4)'];
    sh.getRange('A1:A6').setValues(typed.map((t) => [t]));
    expect(
      sh
        .getRange('A1:A6')
        .getFormulas()
        .map((r) => r[0]),
    ).toEqual(['=+7+7', '=-2+3', '=-abc', '=+SUM(A1:A2)', '=1/0', '=+2*(3+4)']);
    const values = sh
      .getRange('A1:A6')
      .getValues()
      .map((r) => r[0]);
    // Number-only arithmetic is computed; an unknown name is #NAME?; other formulas are stored
    // but not calculated by the emulator (''), as the README says.
    expect(values).toEqual([14, 1, '#NAME?', '', '', 14]);
  });

  it('keeps text that is no valid expression, numbers, @-led text and plain-text cells', () => {
    const sh = sheet();
    sh.getRange('B1:B3').setNumberFormat('@');
    const typed = [
      '- call back tomorrow',
      '+7 (495) 100-00-00',
      '@SUM(A1:A2)',
      '-',
      '+79991234567',
    ];
    sh.getRange('A1:A5').setValues(typed.map((t) => [t]));
    expect(sh.getRange('A1:A5').getFormulas().flat()).toEqual(['', '', '', '', '']);
    expect(sh.getRange('A1:A5').getValues().flat()).toEqual([
      '- call back tomorrow',
      '+7 (495) 100-00-00',
      '@SUM(A1:A2)',
      '-',
      79991234567,
    ]);
    sh.getRange('B1:B3').setValues([['+7+7'], ['-abc'], ["'+7+7"]]);
    expect(sh.getRange('B1:B3').getValues().flat()).toEqual(['+7+7', '-abc', "'+7+7"]);
    // The apostrophe keeps any text as it is, which is what the product's sanitizer relies on.
    sh.getRange('C1:C2').setValues([["'+7+7"], ["'-abc"]]);
    expect(sh.getRange('C1:C2').getValues().flat()).toEqual(['+7+7', '-abc']);
    expect(sh.getRange('C1:C2').getFormulas().flat()).toEqual(['', '']);
  });
});

describe('50,000 characters per cell', () => {
  it("refuses a longer cell with Google's text and writes nothing", () => {
    const sh = sheet();
    const ok = 'x'.repeat(50_000);
    sh.getRange('A1').setValue(ok);
    expect((sh.getRange('A1').getValue() as string).length).toBe(50_000);
    expect(MSG.cellTooLong).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(() => sh.getRange('A2:B2').setValues([['fine', `${ok}y`]])).toThrow(MSG.cellTooLong);
    expect(() => sh.getRange('A3').setValue(`'${ok}`)).toThrow(MSG.cellTooLong);
    sh.getRange('C1').setNumberFormat('@');
    expect(() => sh.getRange('C1').setValue(`${ok}z`)).toThrow(MSG.cellTooLong);
    expect(sh.getRange('A2').getValue()).toBe('');
  });
});
