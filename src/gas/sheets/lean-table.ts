/**
 * A sheet looked up by id without reading it whole: the header, the id column (one getValues),
 * then only the rows asked for. An edit trigger must stay fast on a 50,000-row Deals sheet.
 */
import { readCell, updateRuns } from '../../core/workbook/cells';
import { locateHeader } from '../../core/workbook/tables';
import type { SheetDef } from '../../core/workbook/schema';
import type { Zone } from '../../core/time';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class LeanTable {
  private readonly sheet: Sheet;
  private readonly index: Record<string, number>;
  private readonly headerRow: number;
  private ids: Map<string, number> | null = null;
  private readonly width: number;

  constructor(
    ss: Spreadsheet,
    private readonly def: SheetDef,
    private readonly zone: Zone,
  ) {
    const sheet = ss.getSheetByName(def.ru) ?? ss.getSheetByName(def.en);
    if (!sheet) throw new Error(`no sheet ${def.en}`);
    this.sheet = sheet;
    this.width = sheet.getLastColumn();
    const head = sheet
      .getRange(1, 1, Math.min(20, Math.max(sheet.getLastRow(), 1)), this.width)
      .getValues();
    const found = locateHeader(head, def.columns);
    if ('missing' in found) throw new Error(`no header on ${def.en}`);
    this.index = found.map.index;
    this.headerRow = found.headerRow + 1;
  }

  /** The record's sheet row and core values, or null. */
  find(id: string): { row: number; cells: Record<string, unknown> } | null {
    if (!this.ids) {
      this.ids = new Map();
      const last = this.sheet.getLastRow();
      if (last > this.headerRow) {
        const col = this.sheet
          .getRange(this.headerRow + 1, this.index.id + 1, last - this.headerRow, 1)
          .getValues();
        col.forEach((r, i) => {
          const key = String(r[0] ?? '')
            .trim()
            .toUpperCase();
          if (key && !this.ids?.has(key)) this.ids?.set(key, this.headerRow + 1 + i);
        });
      }
    }
    const row = this.ids.get(id);
    if (row === undefined) return null;
    const values = this.sheet.getRange(row, 1, 1, this.width).getValues()[0];
    const cells: Record<string, unknown> = {};
    for (const c of this.def.columns) {
      const i = this.index[c.key];
      if (i !== undefined) cells[c.key] = readCell(c.kind, values[i], this.zone);
    }
    return { row, cells };
  }

  /** One setValues per run of adjacent changed cells of the row. */
  update(row: number, changes: Record<string, unknown>): void {
    for (const run of updateRuns(changes, this.def.columns, this.index, this.zone)) {
      this.sheet.getRange(row, run.start + 1, 1, run.values.length).setValues([run.values]);
    }
  }
}
