/**
 * Writing the Settings sheet from the sidebar. The sheet is the CRM area's layout (side-by-side
 * tables found by their headers); setup's `ensureSettingsSheet` first adds any missing table, then
 * this writes in place: the key/value table's value column as one block (rows it does not know are
 * left as they are), and the stages, calendar and bonus tables' bodies, one block each (rows left
 * over from a longer old table are blanked). Only the table's own columns are touched; free text
 * goes through the formula-injection guard. The caller holds the document lock.
 */
import { BONUS_KINDS, STAGE_KINDS } from '../../core/workbook/enums';
import { safeCellText } from '../../core/workbook/sanitize';
import {
  locateSettingsTables,
  SETTING_ROWS,
  settingValueText,
  type LocatedTable,
  type SettingsTableKey,
} from '../../core/workbook/settings';
import { normalizeHeader } from '../../core/workbook/headers';
import type { Zone } from '../../core/time';
import type { Settings } from '../../core/types';
import { dateOfDay } from '../../gas/zone';
import { ensureSettingsSheet } from '../setup/settings';
import { ensureMaxRows, writeValues } from '../../gas/sheets/blocks';

type Cell = string | number | boolean | Date;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function writeSettings(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  zone: Zone,
  s: Settings,
): void {
  // Setup reads the sheet (again after adding anything): its values are the current ones.
  const { sheet, values } = ensureSettingsSheet(ss, zone, s.lang, []);
  const tables = locateSettingsTables(values);
  const yes = s.lang === 'ru' ? 'Да' : 'Yes';
  const no = s.lang === 'ru' ? 'Нет' : 'No';

  const vt = tables.values;
  if (vt && vt.lastRow > vt.headerRow) {
    const valueCol = vt.startCol + vt.map.index.value;
    const column: Cell[][] = [];
    for (let r = vt.headerRow + 1; r <= vt.lastRow; r++) {
      const name = normalizeHeader(values[r][vt.startCol + vt.map.index.key]);
      const def = SETTING_ROWS.find((d) =>
        [d.key, d.ru, d.en].some((n) => normalizeHeader(n) === name),
      );
      column.push([
        def ? safeCellText(settingValueText(def.key, s)) : (values[r][valueCol] as Cell),
      ]);
    }
    writeValues(sheet, vt.headerRow + 2, valueCol + 1, column);
  }

  writeBody(
    sheet,
    tables,
    'stages',
    values,
    s.stages.map((st) => ({
      stage: safeCellText(st.name),
      probability: st.probability,
      rottingDays: st.kind === 'open' && st.rottingDays !== null ? st.rottingDays : '',
      kind: STAGE_KINDS.label(st.kind, s.lang),
    })),
  );
  writeBody(
    sheet,
    tables,
    'calendar',
    values,
    s.calendar.map((c) => ({
      day: dateOfDay(c.day, zone),
      dayOff: c.dayOff ? yes : no,
      note: safeCellText(c.note),
    })),
  );
  writeBody(
    sheet,
    tables,
    'bonus',
    values,
    s.bonus.map((b) => ({
      scheme: safeCellText(b.scheme),
      kind: BONUS_KINDS.label(b.kind, s.lang),
      from: b.from,
      to: b.to ?? '',
      rate: b.rate,
      multiplier: b.multiplier,
      reduceByOverdue: b.reduceByOverdue ? yes : no,
    })),
  );
}

/** Rewrites a table's body with `rows` (by column key), blanking rows the old body had beyond. */
function writeBody(
  sheet: Sheet,
  tables: Partial<Record<SettingsTableKey, LocatedTable>>,
  key: SettingsTableKey,
  values: unknown[][],
  rows: Array<Record<string, Cell>>,
): void {
  const t = tables[key];
  if (!t) return;
  const width = t.endCol - t.startCol + 1;
  const height = Math.max(rows.length, t.lastRow - t.headerRow);
  if (!height) return;
  const block: Cell[][] = [];
  for (let i = 0; i < height; i++) {
    const old = values[t.headerRow + 1 + i] ?? [];
    // Columns the table has but ROP Desk does not know stay as they were (blank past the end).
    const row: Cell[] = [];
    for (let c = 0; c < width; c++)
      row.push(i < rows.length ? ((old[t.startCol + c] as Cell) ?? '') : '');
    const rec = rows[i];
    for (const [field, col] of Object.entries(t.map.index))
      row[col] = rec ? (rec[field] ?? '') : '';
    block.push(row);
  }
  const lastNeeded = t.headerRow + 1 + height;
  ensureMaxRows(sheet, lastNeeded);
  writeValues(sheet, t.headerRow + 2, t.startCol + 1, block);
}
