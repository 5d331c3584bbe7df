/**
 * The Settings sheet during setup: created with every table and its defaults side by side, or, on
 * an existing sheet, only the missing tables (placed to the right of what is there) and the missing
 * key/value rows are added. Nothing the user typed is changed. Named ranges ROP_STAGES,
 * ROP_CALENDAR, ROP_BONUS, ROP_RATES (and ROP_LISTS) point at the tables for formulas. The sheet
 * is read here (one getValues, a second after writing) and written through src/gas/setup-sheets.
 */
import { t } from '../../core/i18n';
import { SETTINGS_VALUES } from '../../core/workbook/schema';
import { startOfDay, type Zone } from '../../core/time';
import type { Lang, Settings } from '../../core/types';
import {
  columnLetter,
  DATE_FORMAT,
  settingsBlocks,
  TEXT_FORMAT,
  type TableCell,
} from '../../core/workbook/layout';
import { parseDateText } from '../../core/workbook/normalize';
import {
  locateSettingsTables,
  parseSettings,
  SETTING_ROWS,
  type LocatedTable,
  type SettingsTableKey,
} from '../../core/workbook/settings';
import { normalizeHeader } from '../../core/workbook/headers';
import { ensureMaxRows, readDataRange, sheetName, writeValues } from '../../gas/sheets/blocks';
import { findSheet } from '../../gas/sheets/table';
import {
  ensureMaxColumns,
  insertSheet,
  namedRange,
  setFrozenRows,
  setNamedRange,
  setNumberFormat,
  shadeHeader,
} from '../../gas/setup-sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const NAMED_RANGES: Partial<Record<SettingsTableKey, string>> = {
  stages: 'ROP_STAGES',
  calendar: 'ROP_CALENDAR',
  bonus: 'ROP_BONUS',
  rates: 'ROP_RATES',
  lists: 'ROP_LISTS',
};

/** Rows a named range spans below its header, so rows users add stay inside it. */
const NAMED_RANGE_ROWS = 100;

export interface SettingsSetup {
  sheet: Sheet;
  /** The sheet's data range as it is after setup (what a writer of the sheet starts from). */
  values: unknown[][];
  settings: Settings;
  tables: Partial<Record<SettingsTableKey, LocatedTable>>;
}

/** Per-column number formats inside a table block: percent and date columns, text values. */
function blockFormats(key: SettingsTableKey): Record<number, string> {
  switch (key) {
    case 'values':
      return { 1: TEXT_FORMAT };
    case 'stages':
      return { 1: '0%', 2: '0' };
    case 'calendar':
      return { 0: DATE_FORMAT };
    case 'bonus':
      return { 2: '0%', 3: '0%', 4: '0%', 5: '0.##' };
    case 'rates':
      return { 1: '#,##0.####' };
    case 'grades':
      return { 2: '0%', 3: '0%', 4: '0%' };
    default:
      return {};
  }
}

function writeBlock(
  sheet: Sheet,
  row: number,
  col: number,
  key: SettingsTableKey,
  rows: TableCell[][],
  zone: Zone,
): void {
  const width = rows[0].length;
  for (const [offset, format] of Object.entries(blockFormats(key))) {
    setNumberFormat(sheet, row + 1, col + Number(offset), NAMED_RANGE_ROWS, 1, format);
  }
  const cells: Array<Array<TableCell | Date>> = rows.map((r, i) =>
    r.map((v, j) => {
      if (key === 'calendar' && i > 0 && j === 0 && typeof v === 'string') {
        const p = parseDateText(v);
        return p ? new Date(startOfDay(p.day, zone)) : v;
      }
      return v;
    }),
  );
  writeValues(sheet, row, col, cells);
  shadeHeader(sheet, row, col, width, false);
}

/** Creates or completes the Settings sheet. `changes` receives what was done, in `lang`. */
export function ensureSettingsSheet(
  ss: Spreadsheet,
  zone: Zone,
  lang: Lang,
  changes: string[],
): SettingsSetup {
  const found = findSheet(ss, SETTINGS_VALUES);
  let sheet: Sheet;
  let values: unknown[][];
  if (!found) {
    sheet = insertSheet(ss, SETTINGS_VALUES[lang]);
    changes.push(t(lang, 'crm.setup.created', { sheet: SETTINGS_VALUES[lang] }));
    values = [];
  } else {
    sheet = found.sheet;
    values = readDataRange(sheet);
  }
  const current = parseSettings(values, zone, lang);
  const tables = locateSettingsTables(values);
  const blocks = settingsBlocks({ ...current, lang: found ? current.lang : lang });
  // New tables go to the right of everything on the sheet, one blank column apart.
  let nextCol = values.length ? values[0].length + 2 : 1;
  if (values.length === 1 && values[0].every((v) => v === '')) nextCol = 1;
  let wrote = false;
  // Side by side, the tables outgrow a new sheet's 26 columns: widen it once, before writing.
  const missingWidth = blocks
    .filter((b) => !tables[b.key])
    .reduce((n, b) => n + b.rows[0].length + 1, 0);
  if (missingWidth) ensureMaxColumns(sheet, nextCol + missingWidth);
  for (const block of blocks) {
    if (tables[block.key]) continue;
    writeBlock(sheet, 1, nextCol, block.key, block.rows, zone);
    if (found) {
      changes.push(
        t(lang, 'crm.setup.settingsAdded', {
          sheet: sheetName(sheet),
          table: block.rows[0].join(' / '),
        }),
      );
    }
    nextCol += block.rows[0].length + 1;
    wrote = true;
  }
  // Missing key/value rows go right below the values table when those cells are free.
  const vt = tables.values;
  if (vt) {
    const have = new Set<string>();
    for (let r = vt.headerRow + 1; r <= vt.lastRow; r++) {
      have.add(normalizeHeader(values[r][vt.startCol + vt.map.index.key]));
    }
    const missing = SETTING_ROWS.filter(
      (r) => ![r.key, r.ru, r.en].some((n) => have.has(normalizeHeader(n))),
    );
    if (missing.length) {
      const valuesBlock = blocks[0].rows.slice(1);
      const rows = missing.map((m) => {
        const full = valuesBlock[SETTING_ROWS.indexOf(m)];
        const out: TableCell[] = new Array(vt.endCol - vt.startCol + 1).fill('');
        out[vt.map.index.key] = full[0];
        out[vt.map.index.value] = full[1];
        if (vt.map.index.hint !== undefined) out[vt.map.index.hint] = full[2];
        return out;
      });
      const start = vt.lastRow + 1; // 0-based row index
      const free = values
        .slice(start, start + rows.length)
        .every((r) => r.slice(vt.startCol, vt.endCol + 1).every((v) => v === ''));
      if (free) {
        setNumberFormat(
          sheet,
          start + 1,
          vt.startCol + 1 + vt.map.index.value,
          rows.length,
          1,
          TEXT_FORMAT,
        );
        writeValues(sheet, start + 1, vt.startCol + 1, rows);
        changes.push(
          t(lang, 'crm.setup.settingsAdded', {
            sheet: sheetName(sheet),
            table: missing.map((m) => m[lang]).join(', '),
          }),
        );
        wrote = true;
      }
    }
  }
  if (wrote) {
    values = readDataRange(sheet);
  }
  const located = locateSettingsTables(values);
  if (!found) setFrozenRows(sheet, 1);
  ensureNamedRanges(ss, sheet, located, changes);
  return { sheet, values, settings: parseSettings(values, zone, lang), tables: located };
}

function ensureNamedRanges(
  ss: Spreadsheet,
  sheet: Sheet,
  tables: Partial<Record<SettingsTableKey, LocatedTable>>,
  changes: string[],
): void {
  for (const [key, name] of Object.entries(NAMED_RANGES) as Array<[SettingsTableKey, string]>) {
    const table = tables[key];
    if (!table) continue;
    const rows = Math.max(table.lastRow - table.headerRow + 1, NAMED_RANGE_ROWS + 1);
    const a1 = `${columnLetter(table.startCol + 1)}${table.headerRow + 1}:${columnLetter(
      table.endCol + 1,
    )}${table.headerRow + rows}`;
    const existing = namedRange(ss, name);
    if (existing && existing.sheetName === sheetName(sheet) && existing.a1 === a1) continue;
    ensureMaxRows(sheet, table.headerRow + rows);
    setNamedRange(ss, name, sheet, a1, existing !== null);
    changes.push(`${name} → ${sheetName(sheet)}!${a1}`);
  }
}
