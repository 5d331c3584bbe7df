/** Sheets refuses a cell over 50,000 characters; the injection guard's apostrophe counts too. */
import { safeCellText } from '../../../src/core/workbook/sanitize';
import { Checker, MAX_TEXT } from '../../../src/core/crm/validate';
import { DEALS } from '../../../src/core/workbook/schema';

describe('text length with the injection guard', () => {
  it('refuses a 50,000-character text that the guard would lengthen to 50,001', () => {
    const text = `=${'x'.repeat(MAX_TEXT - 1)}`;
    expect(safeCellText(text)).toHaveLength(MAX_TEXT + 1);
    const ck = new Checker(DEALS, 'en');
    ck.text('need', text);
    expect(ck.problems.map((p) => p.key)).toEqual(['crm.field.tooLong']);
  });

  it('accepts 50,000 characters that are written as they are', () => {
    const ck = new Checker(DEALS, 'en');
    ck.text('need', 'x'.repeat(MAX_TEXT));
    ck.text('title', `=${'x'.repeat(MAX_TEXT - 2)}`);
    expect(ck.problems).toEqual([]);
  });
});
