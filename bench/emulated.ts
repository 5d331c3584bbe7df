/**
 * The bench workbook inside the Apps Script emulator, so that a job runs through the built
 * bundle (dist/Code.js loaded into a fresh context per execution, as Apps Script does) and its
 * service calls can be counted.
 */
import { createEmulator } from '../local/emulator';
import { loadProject, type Project } from '../local/harness';
import { SETTINGS_VALUES, sheetDef } from '../src/core/workbook/schema';
import { TABLES, type Grids } from './workbook';

export function loadIntoEmulator(
  g: Grids,
  now: number,
  // ROP_BUNDLE=path measures another build (a before/after comparison) with the same bench.
  bundlePath = process.env.ROP_BUNDLE,
): Project {
  const emulator = createEmulator({ now });
  const project = loadProject({ emulator, bundlePath });
  project.run('menuSetupWorkbook');
  const ss = emulator.spreadsheet;
  const put = (name: string, values: unknown[][]): void => {
    const sheet = ss.getSheetByName(name)!;
    sheet.clear();
    if (sheet.getMaxRows() < values.length)
      sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
    if (sheet.getMaxColumns() < values[0].length)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), values[0].length - sheet.getMaxColumns());
    sheet.getRange(1, 1, values.length, values[0].length).setValues(values);
  };
  for (const k of TABLES) put(sheetDef(k).ru, g.written[k]);
  put(SETTINGS_VALUES.ru, g.written.settings);
  emulator.calls.reset();
  return project;
}

/** Spreadsheet service calls only (Utilities, Lock, Properties, Cache are not the sheet). */
export function sheetCalls(calls: Record<string, number>): number {
  return Object.entries(calls)
    .filter(([k]) =>
      /^(SpreadsheetApp|Spreadsheet|Sheet|Range|EmbeddedChart|DeveloperMetadata)\b/.test(k),
    )
    .reduce((s, [, n]) => s + n, 0);
}
