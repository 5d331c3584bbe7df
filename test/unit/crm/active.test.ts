import { readCell } from '../../../src/core/workbook/cells';
import { isActiveCell } from '../../../src/core/workbook/enums';

/** The Active cell as the Managers sheet gives it, read as the records parser reads it. */
const active = (raw: unknown) => isActiveCell(readCell('bool', raw, 'Europe/Moscow' as never));

describe('who is active (SECURITY.md: a typo locks out, never lets in)', () => {
  it.each(['', null, true, 'да', 'Да', 'yes', 'TRUE', 'true', '1', 1, '✓'])('%p is active', (v) => {
    expect(active(v)).toBe(true);
  });

  it.each(['уволен', 'неактивен', 'fired', 0, '0', 'нет', 'no', false, 'FALSE', 2, 'в отпуске'])(
    '%p is not',
    (v) => {
      expect(active(v)).toBe(false);
    },
  );
});
