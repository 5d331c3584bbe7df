/**
 * Custom functions that don't freeze: Sheets recomputes a custom-function cell only when its
 * arguments' values change, so a result that depends on the clock alone stays stale forever,
 * while one that takes ROP_TODAY as asOf moves on when the daily trigger, "Refresh dashboard" or
 * "Recalculate ROP Desk formulas" rewrites that cell.
 */
import { createEmulator } from '../../../local/emulator';
import { loadProject, type Project } from '../../../local/harness';
import { CustomFunctionCells } from '../../../local/harness/custom-cells';

const DAY = 86_400_000;

function demo(): { p: Project; cells: CustomFunctionCells; invoices: string } {
  const p = loadProject({ emulator: createEmulator({ activeUser: 'head@firm.ru' }) });
  p.run('menuSetupDemo');
  const book = p.emulator.spreadsheet;
  book.insertSheet('Формулы');
  const invoices = `Счета!${book.getSheetByName('Счета')!.getDataRange().getA1Notation()}`;
  const cells = new CustomFunctionCells(p);
  // The same aging table twice: once on the clock alone, once as of ROP_TODAY.
  cells.place('Формулы', 'A1', 'SALES_AGING', [{ ref: invoices }]);
  cells.place('Формулы', 'A40', 'SALES_AGING', [{ ref: invoices }, { ref: 'ROP_TODAY' }]);
  expect(cells.recalculate()).toEqual(['Формулы!A1', 'Формулы!A40']);
  return { p, cells, invoices };
}

function today(p: Project): unknown {
  return p.emulator.spreadsheet.getRangeByName('ROP_TODAY')!.getValue();
}

describe('ROP_TODAY', () => {
  it('is set up on the Settings sheet as today’s date in the spreadsheet’s zone', () => {
    const p = loadProject({
      emulator: createEmulator({
        activeUser: 'head@firm.ru',
        now: Date.parse('2026-11-27T11:00:00Z'),
        spreadsheetTimeZone: 'Pacific/Kiritimati',
      }),
    });
    p.run('menuSetupWorkbook');
    const range = p.emulator.spreadsheet.getRangeByName('ROP_TODAY')!;
    expect(range.getSheet().getName()).toBe('Настройки');
    // Midnight of 28 November in UTC+14 (it is already the 28th there).
    expect((range.getValue() as Date).getTime()).toBe(Date.parse('2026-11-27T10:00:00Z'));
    expect(range.getDisplayValue()).toBe('28.11.2026');
  });
});

describe('custom functions and Sheets’ cache', () => {
  it('a clock-only result stays stale; the ROP_TODAY one moves with the daily trigger', () => {
    const { p, cells } = demo();
    const before = { clock: cells.result('Формулы', 'A1'), asOf: cells.result('Формулы', 'A40') };
    p.run('menuRemindersOn');
    const uid = p.emulator.triggers.list().find((t) => t.handler === 'runScheduledJob')!.uid;

    p.emulator.clock.advance(45 * DAY);
    // Nothing an argument holds changed: Sheets recomputes nothing, both show day-one figures.
    expect(cells.recalculate()).toEqual([]);

    p.fireTrigger(uid);
    expect(cells.recalculate()).toEqual(['Формулы!A40']);
    // The clock-only cell still shows what it showed 45 days ago, though the figures moved on.
    expect(cells.result('Формулы', 'A1')).toEqual(before.clock);
    expect(cells.fresh('Формулы', 'A1')).not.toEqual(before.clock);
    // The ROP_TODAY cell shows today's figures.
    expect(cells.result('Формулы', 'A40')).not.toEqual(before.asOf);
    expect(cells.result('Формулы', 'A40')).toEqual(cells.fresh('Формулы', 'A40'));
  });

  it('"Refresh dashboard" moves ROP_TODAY to a new day, and only then', () => {
    const { p, cells } = demo();
    p.run('menuRefreshDashboard');
    expect(cells.recalculate()).toEqual([]);
    p.emulator.clock.advance(DAY);
    p.run('menuRefreshDashboard');
    expect(cells.recalculate()).toEqual(['Формулы!A40']);
  });

  it('"Recalculate ROP Desk formulas" forces a recalculation on the same day', () => {
    const { p, cells } = demo();
    const day = (today(p) as Date).getTime();
    p.emulator.clock.advance(60_000);
    p.run('menuRecalculateFormulas');
    expect(cells.recalculate()).toEqual(['Формулы!A40']);
    // Still the same day for every function: only the time of day moved.
    expect((today(p) as Date).getTime() - day).toBeLessThan(DAY);
    expect(p.emulator.toasts.at(-1)).toMatchObject({
      message: expect.stringContaining('ROP_TODAY'),
    });
  });
});
