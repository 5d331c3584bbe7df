/**
 * The workbook's rules that an .xlsx can carry, so that a workbook from the playground keeps
 * its dropdowns, highlights and named ranges when opened in Excel or uploaded to Drive and
 * opened as a Google Sheet: list validations from a range (`ROP_STAGES`-backed stage lists,
 * manager lists), custom-formula and number/text conditional formats with a background colour,
 * and named ranges as workbook-level defined names. Checkboxes have no xlsx form (Google exports
 * them as plain TRUE/FALSE); "Set up workbook" recreates them in Google.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../spreadsheet/a1';
import type { ConditionalRuleSpec } from '../spreadsheet/conditional';
import type { Sheet } from '../spreadsheet/sheet';
import type { Spreadsheet } from '../spreadsheet/spreadsheet';
import type { ValidationSpec } from '../spreadsheet/validation';

/** 'Sheet name'!$A$1:$B$2, quoted as Excel and Sheets both read it. */
export function absoluteRef(
  sheet: string,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): string {
  const a = `$${columnLetter(col)}$${row}`;
  const b = `$${columnLetter(col + numCols - 1)}$${row + numRows - 1}`;
  return `'${sheet.replace(/'/g, "''")}'!${numRows === 1 && numCols === 1 ? a : `${a}:${b}`}`;
}

interface RangeLike {
  _sheet: { _name: string };
  _r: number;
  _c: number;
  _nr: number;
  _nc: number;
}

function isRangeLike(v: unknown): v is RangeLike {
  return typeof v === 'object' && v !== null && '_sheet' in v && '_r' in v && '_nr' in v;
}

/** The xlsx form of a validation rule, or null when the format has none. */
export function xlsxValidation(rule: ValidationSpec): ExcelJS.DataValidation | null {
  let formula: string | null = null;
  if (rule.criteria === 'VALUE_IN_LIST') {
    const list = (rule.args[0] as string[]).join(',');
    if (list.length > 255) return null; // Excel's limit for an inline list
    formula = `"${list.replace(/"/g, '""')}"`;
  } else if (rule.criteria === 'VALUE_IN_RANGE' && isRangeLike(rule.args[0])) {
    const r = rule.args[0];
    formula = absoluteRef(r._sheet._name, r._r, r._c, r._nr, r._nc);
  }
  if (formula === null) return null;
  const dv: ExcelJS.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: !rule.allowInvalid,
  };
  if (rule.helpText) Object.assign(dv, { prompt: rule.helpText, showInputMessage: true });
  return dv;
}

const CELL_IS: Record<string, ExcelJS.CellIsRuleType['operator']> = {
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual' as ExcelJS.CellIsRuleType['operator'],
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual' as ExcelJS.CellIsRuleType['operator'],
  NUMBER_EQUAL_TO: 'equal',
  TEXT_EQUAL_TO: 'equal',
};

function argbOf(color: unknown): string | null {
  const hex = String(color ?? '').replace('#', '');
  return /^[0-9a-fA-F]{6}$/.test(hex) ? `FF${hex.toUpperCase()}` : null;
}

function literal(v: unknown): string {
  return typeof v === 'number' ? String(v) : `"${String(v).replace(/"/g, '""')}"`;
}

/** Conditional formats of a sheet, one xlsx entry per rule (its ranges joined). */
export function writeConditional(sheet: Sheet, ws: ExcelJS.Worksheet): void {
  sheet._conditional.forEach((spec: ConditionalRuleSpec, i) => {
    const c = spec.condition;
    const bg = argbOf(spec.format.background);
    if (!c || !bg || spec.ranges.length === 0) return;
    const style: Partial<ExcelJS.Style> = {
      fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: bg } },
    };
    const fontColor = argbOf(spec.format.fontColor);
    if (fontColor) style.font = { color: { argb: fontColor } };
    // Rules listed first win in Sheets; in Excel the lowest priority number wins.
    const priority = i + 1;
    let rule: ExcelJS.ConditionalFormattingRule | null = null;
    if (c.type === 'CUSTOM_FORMULA')
      rule = {
        type: 'expression',
        priority,
        formulae: [String(c.args[0]).replace(/^=/, '')],
        style,
      };
    else if (CELL_IS[c.type])
      rule = {
        type: 'cellIs',
        priority,
        operator: CELL_IS[c.type],
        formulae: [literal(c.args[0])],
        style,
      };
    if (!rule) return;
    ws.addConditionalFormatting({
      ref: spec.ranges.map((r) => r.a1).join(' '),
      rules: [rule],
    });
  });
}

/** Named ranges as workbook-level defined names. */
export function writeNames(book: Spreadsheet, wb: { definedNames: unknown }): void {
  const names = wb.definedNames as { add(location: string, name: string): void };
  for (const [name, rec] of book._named) {
    const sheet = book._sheets.find((s) => s._id === rec.sheetId);
    if (sheet)
      names.add(absoluteRef(sheet._name, rec.row, rec.col, rec.numRows, rec.numCols), name);
  }
}
