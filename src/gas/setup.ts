/**
 * "Set up workbook": creates or repairs every sheet of src/core/schema.ts. Safe on a workbook in
 * use: it adds missing sheets, columns (at the right end of the header row) and Settings tables,
 * re-applies formats, dropdowns, conditional formatting and header protection, and never deletes,
 * moves or rewrites user data. Running it twice changes nothing the second time; the report lists
 * what it changed. The schema version lives in document properties; an older workbook is brought
 * forward by the same additive repair plus the version steps in MIGRATIONS.
 */
import { UserError } from '../core/errors';
import { t } from '../core/i18n';
import {
  ACTIVITIES,
  CLIENTS,
  DASHBOARD,
  DEALS,
  INVOICES,
  LOG,
  MANAGERS,
  PLANS,
  SCHEMA_VERSION,
  SENT_LOG,
  STAGE_HISTORY,
  type ColumnDef,
  type SheetDef,
} from '../core/schema';
import { mapHeaders, type HeaderMap } from '../core/table';
import type { Lang } from '../core/types';
import { ACTIVITY_TYPES, PLAN_LEVELS, PLAN_METRICS, ROLES } from '../core/crm/enums';
import { columnLetter, formatOf, quoteSheet } from '../core/crm/layout';
import type { LocatedTable, SettingsTableKey } from '../core/crm/settings';
import { storedLang, storeLang, LANG_KEY } from './settings-lang';
import { ensureSettingsSheet } from './setup-settings';
import { findSheet } from './sheets/table';
import { zoneOf } from './zone';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export const SCHEMA_VERSION_KEY = 'ropdesk.schemaVersion';
export const SPREADSHEET_ID_KEY = 'ropdesk.spreadsheetId';
const PROTECTION_NOTE = 'ROP Desk: header';
/** Marks our conditional-format formulas so a rerun replaces only ours, never the user's. */
const CF_MARK = 'N("ROPDESK")=0';

/**
 * Version steps beyond the additive repair (renamed columns, moved data...). Each runs once,
 * in order, for a workbook whose stored version is below `to`. Version 1 is the first layout.
 */
const MIGRATIONS: ReadonlyArray<{ to: number; run(ss: Spreadsheet): string[] }> = [];

/** Data sheets in the order setup creates them (Settings comes first, see setupWorkbook). */
const SHEET_ORDER: readonly SheetDef[] = [
  MANAGERS,
  CLIENTS,
  DEALS,
  ACTIVITIES,
  STAGE_HISTORY,
  PLANS,
  INVOICES,
  DASHBOARD,
  LOG,
  SENT_LOG,
];

export interface SetupReport {
  lang: Lang;
  schemaVersion: number;
  /** What changed, in the workbook's language; empty when nothing did. */
  changes: string[];
  /** Problems found but left alone (a sheet whose header cannot be recognised). */
  warnings: string[];
}

interface PlacedTable {
  def: SheetDef;
  sheet: Sheet;
  headerRow: number;
  index: Record<string, number>;
  width: number;
}

export function setupWorkbook(ss: Spreadsheet, opts: { lang?: Lang } = {}): SetupReport {
  const props = PropertiesService.getDocumentProperties();
  const stored = Number(props.getProperty(SCHEMA_VERSION_KEY) || '0');
  if (stored > SCHEMA_VERSION) {
    throw new UserError('crm.setup.newerSchema', { found: stored, known: SCHEMA_VERSION });
  }
  const zone = zoneOf(ss.getSpreadsheetTimeZone());
  const changes: string[] = [];
  const warnings: string[] = [];
  const requested = opts.lang ?? storedLang();
  const settings = ensureSettingsSheet(ss, zone, requested, changes);
  const lang = settings.settings.lang;
  const existingSheets = ss.getSheets();

  const placed: Partial<Record<SheetDef['key'], PlacedTable>> = {};
  for (const def of SHEET_ORDER) {
    const table = ensureTable(ss, def, lang, changes, warnings);
    if (table) placed[def.key] = table;
  }
  const managerEmails = placed.managers ? columnRange(placed.managers, 'email') : null;
  const lists = validationSources(settings.sheet, settings.tables);
  for (const table of Object.values(placed)) {
    if (!table || !table.def.columns.length) continue;
    decorate(table, lang, { ...lists, manager: managerEmails });
  }
  conditionalFormats(placed, settings.sheet, settings.tables);

  for (const m of MIGRATIONS) {
    if (stored < m.to) changes.push(...m.run(ss));
  }
  if (stored !== SCHEMA_VERSION) {
    props.setProperty(SCHEMA_VERSION_KEY, String(SCHEMA_VERSION));
    if (stored > 0) {
      changes.push(t(lang, 'crm.setup.migrated', { from: stored, to: SCHEMA_VERSION }));
    }
  }
  ensureFormTrigger(ss, lang, changes, warnings);
  removeBlankDefaultSheet(ss, existingSheets);
  if (props.getProperty(LANG_KEY) !== lang) storeLang(lang);
  if (props.getProperty(SPREADSHEET_ID_KEY) !== ss.getId()) {
    props.setProperty(SPREADSHEET_ID_KEY, ss.getId());
  }
  return { lang, schemaVersion: SCHEMA_VERSION, changes, warnings };
}

// ---- Sheets and headers -------------------------------------------------------------------------

function ensureTable(
  ss: Spreadsheet,
  def: SheetDef,
  lang: Lang,
  changes: string[],
  warnings: string[],
): PlacedTable | null {
  const found = findSheet(ss, def);
  const headers = def.columns.map((c) => c[found ? found.lang : lang]);
  if (!found) {
    const sheet = ss.insertSheet(def[lang], ss.getSheets().length);
    changes.push(t(lang, 'crm.setup.created', { sheet: def[lang] }));
    if (!def.columns.length) return null;
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
    return placedAt(def, sheet, 1, headers.length);
  }
  const sheet = found.sheet;
  if (!def.columns.length) return null;
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow === 0) {
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
    changes.push(t(lang, 'crm.setup.headerAdded', { sheet: sheet.getName() }));
    return placedAt(def, sheet, 1, headers.length);
  }
  const head = sheet.getRange(1, 1, Math.min(lastRow, 20), lastCol).getValues();
  let best: { row: number; map: HeaderMap; hits: number } | null = null;
  head.forEach((row, r) => {
    const map = mapHeaders(row, def.columns);
    const hits = Object.keys(map.index).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { row: r, map, hits };
  });
  if (!best) {
    warnings.push(t(lang, 'crm.setup.unrecognised', { sheet: sheet.getName() }));
    return null;
  }
  const { row, map } = best as { row: number; map: HeaderMap };
  const index = { ...map.index };
  const missing: ColumnDef[] = def.columns.filter((c) => index[c.key] === undefined);
  let width = lastCol;
  if (missing.length) {
    const maxCols = sheet.getMaxColumns();
    if (lastCol + missing.length > maxCols) {
      sheet.insertColumnsAfter(maxCols, lastCol + missing.length - maxCols);
    }
    const names = missing.map((c) => c[found.lang]);
    sheet.getRange(row + 1, lastCol + 1, 1, names.length).setValues([names]);
    missing.forEach((c, i) => (index[c.key] = lastCol + i));
    width = lastCol + missing.length;
    changes.push(
      t(lang, 'crm.setup.columnsAdded', {
        sheet: sheet.getName(),
        columns: names.map((n) => `«${n}»`).join(', '),
      }),
    );
  }
  return { def, sheet, headerRow: row + 1, index, width };
}

function placedAt(def: SheetDef, sheet: Sheet, headerRow: number, width: number): PlacedTable {
  const index: Record<string, number> = {};
  def.columns.forEach((c, i) => (index[c.key] = i));
  return { def, sheet, headerRow, index, width };
}

/** The data cells of one column (below the header to the sheet's last row). */
function columnRange(table: PlacedTable, key: string): Range | null {
  const col = table.index[key];
  if (col === undefined) return null;
  const rows = dataRows(table.sheet, table.headerRow);
  return table.sheet.getRange(table.headerRow + 1, col + 1, rows, 1);
}

function dataRows(sheet: Sheet, headerRow: number): number {
  const max = sheet.getMaxRows();
  if (max - headerRow < 1) {
    sheet.insertRowsAfter(max, 999);
    return max + 999 - headerRow;
  }
  return max - headerRow;
}

function removeBlankDefaultSheet(ss: Spreadsheet, before: Sheet[]): void {
  // A new spreadsheet comes with an empty "Sheet1"/"Лист1": drop it only when it is still empty.
  for (const sheet of before) {
    if (
      /^(Sheet|Лист)\s?1$/.test(sheet.getName()) &&
      sheet.getLastRow() === 0 &&
      sheet.getLastColumn() === 0
    ) {
      if (ss.getSheets().length > 1) ss.deleteSheet(sheet);
    }
  }
}

// ---- Formats, dropdowns, protection ---------------------------------------------------------------

interface ValidationSources {
  stage: Range | null;
  source: Range | null;
  lostReason: Range | null;
  manager: Range | null;
}

function validationSources(
  settingsSheet: Sheet,
  tables: Partial<Record<SettingsTableKey, LocatedTable>>,
): Omit<ValidationSources, 'manager'> {
  const col = (key: SettingsTableKey, field: string): Range | null => {
    const table = tables[key];
    if (!table || table.map.index[field] === undefined) return null;
    return settingsSheet.getRange(
      table.headerRow + 2,
      table.startCol + table.map.index[field] + 1,
      100,
      1,
    );
  };
  return {
    stage: col('stages', 'stage'),
    source: col('lists', 'source'),
    lostReason: col('lists', 'lostReason'),
  };
}

function listRule(values: string[]): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList(values, true)
    .setAllowInvalid(true)
    .build();
}

function rangeRule(range: Range): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInRange(range, true)
    .setAllowInvalid(true)
    .build();
}

function ruleFor(
  sheetKey: SheetDef['key'],
  c: ColumnDef,
  lang: Lang,
  src: ValidationSources,
): GoogleAppsScript.Spreadsheet.DataValidation | null {
  if (c.kind === 'bool') return SpreadsheetApp.newDataValidation().requireCheckbox().build();
  if (c.key === 'manager' && src.manager) return rangeRule(src.manager);
  switch (`${sheetKey}.${c.key}`) {
    case 'managers.role':
      return listRule(ROLES.labels(lang));
    case 'deals.stage':
      return src.stage ? rangeRule(src.stage) : null;
    case 'clients.source':
    case 'deals.source':
      return src.source ? rangeRule(src.source) : null;
    case 'deals.lostReason':
      return src.lostReason ? rangeRule(src.lostReason) : null;
    case 'activities.type':
      return listRule(ACTIVITY_TYPES.labels(lang));
    case 'plans.level':
      return listRule(PLAN_LEVELS.labels(lang));
    case 'plans.metric':
      return listRule(PLAN_METRICS.labels(lang));
    default:
      return null;
  }
}

function decorate(table: PlacedTable, lang: Lang, src: ValidationSources): void {
  const { sheet, headerRow, def } = table;
  const rows = dataRows(sheet, headerRow);
  sheet
    .getRange(headerRow, 1, 1, table.width)
    .setFontWeight('bold')
    .setBackground('#e8eaed')
    .setWrap(true);
  if (sheet.getFrozenRows() !== headerRow) sheet.setFrozenRows(headerRow);
  for (const c of def.columns) {
    const col = table.index[c.key];
    if (col === undefined) continue;
    const range = sheet.getRange(headerRow + 1, col + 1, rows, 1);
    const format = formatOf(c.kind, c.key);
    if (format) range.setNumberFormat(format);
    const rule = ruleFor(def.key, c, lang, src);
    if (rule) range.setDataValidation(rule);
  }
  const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  if (!protections.some((p) => p.getDescription() === PROTECTION_NOTE)) {
    sheet
      .getRange(headerRow, 1, 1, table.width)
      .protect()
      .setDescription(PROTECTION_NOTE)
      .setWarningOnly(true);
  }
}

// ---- Conditional formatting -----------------------------------------------------------------

function conditionalFormats(
  placed: Partial<Record<SheetDef['key'], PlacedTable>>,
  settingsSheet: Sheet,
  tables: Partial<Record<SettingsTableKey, LocatedTable>>,
): void {
  const stages = tables.stages;
  const deals = placed.deals;
  if (deals) {
    const rules: Array<{ formula: string; range: Range; color: string }> = [];
    const cell = (key: string) =>
      deals.index[key] === undefined
        ? null
        : `$${columnLetter(deals.index[key] + 1)}${deals.headerRow + 1}`;
    const [stage, last, created, snoozed, closed, next] = [
      cell('stage'),
      cell('lastActivityAt'),
      cell('createdAt'),
      cell('snoozedUntil'),
      cell('closedAt'),
      cell('nextStepDate'),
    ];
    const rows = dataRows(deals.sheet, deals.headerRow);
    if (
      stages &&
      stage &&
      last &&
      created &&
      closed &&
      stages.map.index.rottingDays !== undefined
    ) {
      const s = quoteSheet(settingsSheet.getName());
      const stageCol = columnLetter(stages.startCol + stages.map.index.stage + 1);
      const rotCol = columnLetter(stages.startCol + stages.map.index.rottingDays + 1);
      const limit = `IFERROR(INDEX(INDIRECT("${s.replace(/"/g, '""')}!${rotCol}:${rotCol}"),MATCH(${stage},INDIRECT("${s.replace(/"/g, '""')}!${stageCol}:${stageCol}"),0)),"")`;
      const notSnoozed = snoozed ? `OR(${snoozed}="",${snoozed}<TODAY()),` : '';
      rules.push({
        formula: `=AND(${CF_MARK},${stage}<>"",${closed}="",${notSnoozed}ISNUMBER(${limit}),TODAY()-INT(IF(${last}<>"",${last},${created}))>${limit})`,
        range: deals.sheet.getRange(deals.headerRow + 1, 1, rows, deals.width),
        color: '#fce8e6',
      });
    }
    if (next && closed) {
      rules.push({
        formula: `=AND(${CF_MARK},${next}<>"",${closed}="",${next}<TODAY())`,
        range: deals.sheet.getRange(deals.headerRow + 1, deals.index.nextStepDate + 1, rows, 1),
        color: '#f4c7c3',
      });
    }
    applyRules(deals.sheet, rules);
  }
  const inv = placed.invoices;
  if (inv) {
    const cell = (key: string) =>
      inv.index[key] === undefined
        ? null
        : `$${columnLetter(inv.index[key] + 1)}${inv.headerRow + 1}`;
    const [due, amount, paid] = [cell('dueDate'), cell('amount'), cell('paidAmount')];
    if (due && amount && paid) {
      applyRules(inv.sheet, [
        {
          formula: `=AND(${CF_MARK},${due}<>"",${due}<TODAY(),N(${paid})<N(${amount}))`,
          range: inv.sheet.getRange(
            inv.headerRow + 1,
            1,
            dataRows(inv.sheet, inv.headerRow),
            inv.width,
          ),
          color: '#fce8e6',
        },
      ]);
    }
  }
}

/** Replaces our rules on the sheet (marked by CF_MARK) and keeps the user's own. */
function applyRules(
  sheet: Sheet,
  ours: Array<{ formula: string; range: Range; color: string }>,
): void {
  const existing = sheet.getConditionalFormatRules();
  const formulaOf = (r: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string => {
    const c = r.getBooleanCondition();
    const v = c ? c.getCriteriaValues() : [];
    return typeof v[0] === 'string' ? v[0] : '';
  };
  const mine = existing.filter((r) => formulaOf(r).includes(CF_MARK));
  const same =
    mine.length === ours.length &&
    ours.every((o, i) => {
      const r = mine[i];
      const ranges = r.getRanges();
      return (
        formulaOf(r) === o.formula &&
        ranges.length === 1 &&
        ranges[0].getA1Notation() === o.range.getA1Notation()
      );
    });
  if (same) return;
  const kept = existing.filter((r) => !formulaOf(r).includes(CF_MARK));
  const built = ours.map((o) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(o.formula)
      .setBackground(o.color)
      .setRanges([o.range])
      .build(),
  );
  sheet.setConditionalFormatRules([...kept, ...built]);
}

// ---- Lead intake from a linked Google Form ------------------------------------------------------

/**
 * The installable form-submit trigger that turns responses into leads. Installed once per user and
 * document (creating it twice would make two); it fires only when a form is linked.
 */
function ensureFormTrigger(
  ss: Spreadsheet,
  lang: Lang,
  changes: string[],
  warnings: string[],
): void {
  try {
    const exists = ScriptApp.getUserTriggers(ss).some(
      (tr) =>
        tr.getHandlerFunction() === 'onFormSubmit' &&
        tr.getEventType() === ScriptApp.EventType.ON_FORM_SUBMIT,
    );
    if (exists) return;
    ScriptApp.newTrigger('onFormSubmit').forSpreadsheet(ss).onFormSubmit().create();
    changes.push(t(lang, 'crm.setup.formTrigger'));
  } catch (e) {
    warnings.push(
      t(lang, 'crm.setup.formTriggerFailed', { problem: String((e as Error)?.message ?? e) }),
    );
  }
}
