import { KEEP_DAYS, oldBlock } from '../../../src/app/reminders/sent-log';
import type { Located } from '../../../src/gas/sent-log-sheet';
import { isoDay, parseIsoDay } from '../../../src/core/time';

const today = parseIsoDay('2026-11-30') as number;

function row(r: number, day: number): Located {
  return {
    row: r,
    entry: {
      day: isoDay(day),
      recipient: 'a@x.ru',
      kind: 'digest',
      status: 'sent',
      at: 0,
      note: '',
    },
  };
}

describe('oldBlock', () => {
  it('counts the contiguous rows under the header older than the kept days', () => {
    const rows = [row(2, today - KEEP_DAYS - 3), row(3, today - KEEP_DAYS - 1), row(4, today - 1)];
    expect(oldBlock(rows, today)).toBe(2);
  });

  it('stops at a gap in sheet rows (a row the snapshot skipped) and at a fresh row', () => {
    expect(oldBlock([row(2, today - 90), row(4, today - 90)], today)).toBe(1);
    expect(oldBlock([row(2, today - KEEP_DAYS), row(3, today - 90)], today)).toBe(0);
  });
});
