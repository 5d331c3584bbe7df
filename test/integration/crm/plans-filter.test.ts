/**
 * The Plans sheet is a long list keyed by email: Setup gives its header a basic filter (the
 * drop-downs of "Data -> Create a filter"), so the head shows one period at a time; the manager's
 * name stands beside the email. Through the built bundle in the emulator.
 */
import { createEmulator } from '../../../local/emulator';
import { loadProject } from '../../../local/harness';
import { PLANS } from '../../../src/core/workbook/schema';
import { HEAD, seedDemo } from '../rpc/seed';

test('Setup puts a filter over the whole Plans table, and a rerun keeps it', () => {
  const emulator = createEmulator({ activeUser: HEAD });
  const project = loadProject({ emulator });
  project.run('menuSetupWorkbook', [], { user: HEAD });
  const sheet = emulator.spreadsheet.getSheetByName(PLANS.ru)!;
  const filter = sheet.getFilter();
  expect(filter).not.toBeNull();
  const range = filter!.getRange();
  expect([range.getRow(), range.getColumn(), range.getNumColumns()]).toEqual([
    1,
    1,
    PLANS.columns.length,
  ]);
  expect(range.getLastRow()).toBe(sheet.getMaxRows());
  // A second setup (and a filter the head set up with criteria) is left as it is.
  // What the head picked in the drop-down (the emulator keeps criteria as given).
  const criteria = {
    visibleValues: ['2026-11'],
  } as unknown as GoogleAppsScript.Spreadsheet.FilterCriteria;
  filter!.setColumnFilterCriteria(4, criteria);
  project.run('menuSetupWorkbook', [], { user: HEAD });
  expect(sheet.getFilter()?.getColumnFilterCriteria(4)).toBe(criteria);
  // Google allows one filter a sheet.
  expect(() => sheet.getRange('A1:B2').createFilter()).toThrow(
    "You can't create a filter in a sheet that already has a filter.",
  );
});

test('the demo’s plans are named and all inside the filter', () => {
  const demo = seedDemo();
  const sheet = demo.project.emulator.spreadsheet.getSheetByName(PLANS.ru)!;
  const values = sheet.getDataRange().getValues();
  expect(values[0].slice(0, 4)).toEqual(['Уровень', 'Кто', 'Имя', 'Период']);
  const managerRows = values.filter((r) => r[0] === 'Менеджер');
  expect(managerRows.length).toBeGreaterThan(0);
  expect(managerRows.every((r) => String(r[1]).includes('@') && String(r[2]).trim() !== '')).toBe(
    true,
  );
  expect(sheet.getFilter()!.getRange().getLastRow()).toBeGreaterThanOrEqual(sheet.getLastRow());
});
