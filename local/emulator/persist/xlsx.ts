/**
 * The workbook <-> .xlsx (exceljs). Values, formulas, number formats, dropdowns (inline lists and
 * lists from a range), conditional formats, named ranges, frozen panes, tab colours, hidden
 * sheets and sheet order go into the file, so it opens in Excel, LibreOffice and Google Sheets
 * (see xlsx-rules.ts for what the format can carry). Date cells are written as serials of their wall time in the
 * spreadsheet's zone (exceljs turns a Date into a serial through UTC, so the Date handed to it
 * is shifted by the zone offset), and shifted back on reading.
 */
import ExcelJS from 'exceljs';
import { types } from 'node:util';
import { columnLetter, parseA1 } from '../spreadsheet/a1';
import type { Sheet } from '../spreadsheet/sheet';
import type { Spreadsheet } from '../spreadsheet/spreadsheet';
import type { ValidationSpec } from '../spreadsheet/validation';
import type { Cell } from '../spreadsheet/values';
import type { ZoneInfo } from '../zone';
import { writeConditional, writeNames, xlsxValidation } from './xlsx-rules';

export class WorkbookFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookFormatError';
  }
}

export async function writeXlsx(book: Spreadsheet, file: string): Promise<void> {
  // The streaming writer uses native zlib and keeps no cell objects around: several times
  // faster than Workbook.xlsx.writeFile on a workbook of tens of thousands of rows.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  wb.creator = 'ROP Desk emulator';
  const zone = book._zone();
  for (const sheet of book._sheets) {
    const ws = wb.addWorksheet(sheet._name, {
      state: sheet._hidden ? 'hidden' : 'visible',
      properties: sheet._tabColor ? { tabColor: { argb: argb(sheet._tabColor) } } : {},
      views:
        sheet._frozenRows || sheet._frozenCols
          ? [{ state: 'frozen', ySplit: sheet._frozenRows, xSplit: sheet._frozenCols }]
          : [],
    });
    writeLists(sheet, ws);
    writeConditional(sheet, ws);
    writeCells(sheet, ws, zone);
    ws.commit();
  }
  writeNames(book, wb);
  await wb.commit();
}

function argb(color: string): string {
  const hex = color.replace('#', '');
  return hex.length === 6 ? `FF${hex.toUpperCase()}` : 'FF000000';
}

function writeCells(sheet: Sheet, ws: ExcelJS.Worksheet, zone: ZoneInfo): void {
  const rows = Math.max(
    sheet._values.length,
    sheet._formulas.length,
    sheet._formats.length,
    sheet._validations.length,
  );
  for (let r = 0; r < rows; r++) {
    const vals = sheet._values[r];
    const fx = sheet._formulas[r];
    const fm = sheet._formats[r];
    const width = Math.max(vals?.length ?? 0, fx?.length ?? 0, fm?.length ?? 0);
    let row: ExcelJS.Row | undefined;
    for (let c = 0; c < width; c++) {
      const v: Cell | undefined = vals?.[c];
      const f = fx?.[c];
      const fmt = fm?.[c];
      // Formats of empty cells stay in the sidecar only: styling empty cells costs exceljs time.
      if ((v === undefined || v === '') && !f) continue;
      const cell = (row ??= ws.getRow(r + 1)).getCell(c + 1);
      const value = v === undefined || v === '' ? null : typeof v === 'object' ? shift(v, zone) : v;
      if (f)
        cell.value = {
          formula: f.slice(1),
          result: value ?? undefined,
        } as ExcelJS.CellFormulaValue;
      else if (value !== null) cell.value = value;
      if (fmt) cell.numFmt = fmt;
      else if (typeof v === 'object') cell.numFmt = 'dd.mm.yyyy hh:mm:ss';
    }
    if (row) row.commit();
  }
}

/**
 * List validations as one entry per column run (exceljs would otherwise compare every cell with
 * every other while "optimising" them, which takes seconds for a few thousand cells).
 */
function writeLists(sheet: Sheet, ws: ExcelJS.Worksheet): void {
  const grid = sheet._validations;
  let width = 0;
  for (const row of grid) if (row && row.length > width) width = row.length;
  for (let c = 0; c < width; c++) {
    let start = -1;
    let cur: ValidationSpec | undefined;
    for (let r = 0; r <= grid.length; r++) {
      const spec = r < grid.length ? grid[r]?.[c] : undefined;
      if (spec === cur) continue;
      if (cur) addList(ws, cur, c + 1, start + 1, r);
      start = r;
      cur = spec;
    }
  }
}

function addList(
  ws: ExcelJS.Worksheet,
  rule: ValidationSpec,
  col: number,
  first: number,
  last: number,
): void {
  const dv = xlsxValidation(rule);
  if (!dv) return;
  const letter = columnLetter(col);
  const address = first === last ? `${letter}${first}` : `${letter}${first}:${letter}${last}`;
  (
    ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(address, dv);
}

/** A Date whose UTC fields are the wall time in the zone (what exceljs serialises). */
function shift(d: Date, zone: ZoneInfo): Date {
  const t = d.getTime();
  return new Date(t + zone.offsetMs(t));
}

export interface XlsxSheet {
  name: string;
  hidden: boolean;
  tabColor: string | null;
  frozenRows: number;
  frozenCols: number;
  maxRows: number;
  maxCols: number;
  values: Cell[][];
  formulas: Array<Array<string | undefined> | undefined>;
  formats: Array<Array<string | undefined> | undefined>;
  lists: Array<{
    r: number;
    c: number;
    values: string[];
    allowInvalid: boolean;
    helpText: string | null;
  }>;
  /** Dropdowns whose items come from a range ('Sheet'!$A$2:$A$9). */
  rangeLists: Array<{
    r: number;
    c: number;
    source: { sheet: string; a1: string };
    allowInvalid: boolean;
    helpText: string | null;
  }>;
}

/** 'Sheet name'!$A$1:$B$2 (or Sheet!A1) -> { sheet, a1 }, or null. */
export function splitRef(ref: string): { sheet: string; a1: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(
    ref.trim(),
  );
  if (!m) return null;
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), a1: m[3].replace(/\$/g, '') };
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** Workbook-level defined names that point at one range. */
  names: Record<string, { sheet: string; a1: string }>;
}

export async function readXlsx(file: string, zone: ZoneInfo): Promise<XlsxSheet[]> {
  return (await readWorkbook(file, zone)).sheets;
}

export async function readWorkbook(file: string, zone: ZoneInfo): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new WorkbookFormatError(
      `${file} is not a readable .xlsx workbook (${(e as Error).message})`,
    );
  }
  if (wb.worksheets.length === 0) throw new WorkbookFormatError(`${file} has no sheets`);
  const names: XlsxWorkbook['names'] = {};
  const model = (
    wb.definedNames as unknown as { model?: Array<{ name: string; ranges: string[] }> }
  ).model;
  for (const d of model ?? []) {
    const ref = d.ranges.length === 1 ? splitRef(d.ranges[0]) : null;
    if (ref) names[d.name] = ref;
  }
  return { sheets: wb.worksheets.map((ws) => readSheet(ws, zone)), names };
}

function cellValue(raw: ExcelJS.CellValue, zone: ZoneInfo): { value: Cell; formula?: string } {
  if (raw === null || raw === undefined) return { value: '' };
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean')
    return { value: raw };
  if (types.isDate(raw)) return { value: new Date(zone.fromLocal((raw as Date).getTime())) };
  const o = raw as unknown as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    const inner = cellValue((o.result ?? null) as ExcelJS.CellValue, zone);
    return {
      value: inner.value,
      formula: typeof o.formula === 'string' ? `=${o.formula}` : undefined,
    };
  }
  if (Array.isArray(o.richText))
    return { value: (o.richText as Array<{ text: string }>).map((t) => t.text).join('') };
  if ('text' in o) return { value: String(o.text) };
  if ('error' in o) return { value: String(o.error) };
  return { value: String(raw) };
}

/** List validations live in the sheet's validation table, also for empty cells. */
function readLists(
  ws: ExcelJS.Worksheet,
  lists: XlsxSheet['lists'],
  rangeLists: XlsxSheet['rangeLists'],
): void {
  const model = (
    ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation> } }
  ).dataValidations?.model;
  if (!model) return;
  for (const [key, dv] of Object.entries(model)) {
    if (dv.type !== 'list' || !dv.formulae?.[0]) continue;
    const text = String(dv.formulae[0]);
    const source = text.startsWith('"') ? null : splitRef(text);
    if (!text.startsWith('"') && !source) continue;
    const values = source ? [] : text.slice(1, -1).replace(/""/g, '"').split(',');
    const common = { allowInvalid: !dv.showErrorMessage, helpText: dv.prompt ?? null };
    for (const ref of key.replace(/^range:/, '').split(/\s+/)) {
      const a = parseA1(ref);
      if (!a || a.row === null || a.col === null) continue;
      for (let r = a.row; r <= (a.lastRow ?? a.row); r++)
        for (let c = a.col; c <= (a.lastCol ?? a.col); c++)
          if (source) rangeLists.push({ r, c, source, ...common });
          else lists.push({ r, c, values, ...common });
    }
  }
}

function readSheet(ws: ExcelJS.Worksheet, zone: ZoneInfo): XlsxSheet {
  const values: Cell[][] = [];
  const formulas: XlsxSheet['formulas'] = [];
  const formats: XlsxSheet['formats'] = [];
  const lists: XlsxSheet['lists'] = [];
  const rangeLists: XlsxSheet['rangeLists'] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vals: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const { value, formula } = cellValue(cell.value, zone);
      vals[c - 1] = value;
      if (formula) (formulas[r - 1] ??= [])[c - 1] = formula;
      if (cell.numFmt) (formats[r - 1] ??= [])[c - 1] = cell.numFmt;
    });
    for (let i = 0; i < vals.length; i++) if (vals[i] === undefined) vals[i] = '';
    values[r - 1] = vals;
  });
  for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = [];
  readLists(ws, lists, rangeLists);
  const view = ws.views?.[0] as { state?: string; ySplit?: number; xSplit?: number } | undefined;
  const tab = (ws.properties as { tabColor?: { argb?: string } }).tabColor?.argb;
  return {
    name: ws.name,
    hidden: ws.state !== 'visible',
    tabColor: tab ? `#${tab.slice(-6).toLowerCase()}` : null,
    frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
    frozenCols: view?.state === 'frozen' ? (view.xSplit ?? 0) : 0,
    maxRows: Math.max(1000, ws.rowCount),
    maxCols: Math.max(26, ws.columnCount),
    values,
    formulas,
    formats,
    lists,
    rangeLists,
  };
}
