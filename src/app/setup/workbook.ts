/**
 * "Set up workbook": creates or repairs every sheet of src/core/workbook/schema.ts. Safe on a workbook in
 * use: it adds missing sheets, columns (at the right end of the header row) and Settings tables,
 * re-applies formats, dropdowns, conditional formatting and header protection, and never deletes,
 * moves or rewrites user data. Running it twice changes nothing the second time; the report lists
 * what it changed. The schema version lives in document properties; an older workbook is brought
 * forward by the same additive repair plus the version steps in MIGRATIONS. This decides what to
 * create or repair; src/gas/setup-sheets.ts makes each change on the spreadsheet.
 */
import { UserError } from '../../core/errors';
import { t } from '../../core/i18n';
import {
  SCHEMA_VERSION,
  SETTINGS_VALUES,
  SHEETS,
  type ColumnDef,
  type SheetDef,
} from '../../core/workbook/schema';
import { mapHeaders, type HeaderMap } from '../../core/workbook/headers';
import type { Lang } from '../../core/types';
import { ACTIVITY_TYPES, PLAN_LEVELS, PLAN_METRICS, ROLES } from '../../core/workbook/enums';
import { columnLetter, formatOf, quoteSheet } from '../../core/workbook/layout';
import type { LocatedTable, SettingsTableKey } from '../../core/workbook/settings';
import { documentStore } from '../../gas/properties';
import { storedLang, storeLang, LANG_KEY } from '../../gas/settings-lang';
import {
  appendSheet,
  dataRowCount as dataRows,
  deleteSheet,
  ensureMaxColumns,
  formatColumn,
  frozenRows,
  protectHeaderOnce,
  rangeOf,
  replaceConditionalRules,
  setFrozenRows,
  shadeHeader,
  sheetCount,
  sheetsOf,
  type ConditionalRule,
  type Range,
  type ValidationSpec,
} from '../../gas/setup-sheets';
import { readValues, sheetExtent, sheetName, writeValues } from '../../gas/sheets/blocks';
import { findSheet } from '../../gas/sheets/table';
import { spreadsheetId, spreadsheetTimeZone } from '../../gas/spreadsheet';
import { effectiveUserEmail } from '../../gas/session';
import { zoneOf } from '../../gas/zone';
import { missingPermissionText } from '../permissions';
import { ensureFormIntake } from './form-intake';
import { ensureFilter } from '../../gas/sheets/filter';
import { protectSheets } from './protect';
import { ensureSettingsSheet } from './settings';
import { ensureTodayCell } from './today';
import { TASK_PRIORITIES, TASK_STATUSES } from '../../core/tasks/read';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
const SHEET_ORDER: readonly SheetDef[] = SHEETS.filter((d) => d !== SETTINGS_VALUES);

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
  const props = documentStore();
  const stored = Number(props.get(SCHEMA_VERSION_KEY) || '0');
  if (stored > SCHEMA_VERSION) {
    throw new UserError('crm.setup.newerSchema', { found: stored, known: SCHEMA_VERSION });
  }
  const zone = zoneOf(spreadsheetTimeZone(ss));
  const changes: string[] = [];
  const warnings: string[] = [];
  const requested = opts.lang ?? storedLang();
  const settings = ensureSettingsSheet(ss, zone, requested, changes);
  const lang = settings.settings.lang;
  ensureTodayCell(
    ss,
    settings.sheet,
    settings.values[0]?.length ?? 0,
    zone,
    lang,
    Date.now(),
    changes,
  );
  const existingSheets = sheetsOf(ss);

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
  // The head shows one period of the Plans sheet with the header's filter drop-downs.
  if (placed.plans) ensureFilter(placed.plans.sheet, placed.plans.headerRow, placed.plans.width);

  for (const m of MIGRATIONS) {
    if (stored < m.to) changes.push(...m.run(ss));
  }
  if (stored !== SCHEMA_VERSION) {
    props.set(SCHEMA_VERSION_KEY, String(SCHEMA_VERSION));
    if (stored > 0) {
      changes.push(t(lang, 'crm.setup.migrated', { from: stored, to: SCHEMA_VERSION }));
    }
  }
  ensureFormTrigger(ss, lang, changes, warnings);
  protectSheets(ss, zone, lang, changes);
  removeBlankDefaultSheet(ss, existingSheets);
  if (props.get(LANG_KEY) !== lang) storeLang(lang);
  const id = spreadsheetId(ss);
  if (props.get(SPREADSHEET_ID_KEY) !== id) props.set(SPREADSHEET_ID_KEY, id);
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
    const sheet = appendSheet(ss, def[lang]);
    changes.push(t(lang, 'crm.setup.created', { sheet: def[lang] }));
    if (!def.columns.length) return null;
    writeValues(sheet, 1, 1, [headers]);
    return placedAt(def, sheet, 1, headers.length);
  }
  const sheet = found.sheet;
  if (!def.columns.length) return null;
  const { lastRow, lastCol } = sheetExtent(sheet);
  if (lastRow === 0) {
    writeValues(sheet, 1, 1, [headers]);
    changes.push(t(lang, 'crm.setup.headerAdded', { sheet: sheetName(sheet) }));
    return placedAt(def, sheet, 1, headers.length);
  }
  const head = readValues(sheet, 1, 1, Math.min(lastRow, 20), lastCol);
  let best: { row: number; map: HeaderMap; hits: number } | null = null;
  head.forEach((row, r) => {
    const map = mapHeaders(row, def.columns);
    const hits = Object.keys(map.index).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { row: r, map, hits };
  });
  if (!best) {
    warnings.push(t(lang, 'crm.setup.unrecognised', { sheet: sheetName(sheet) }));
    return null;
  }
  const { row, map } = best as { row: number; map: HeaderMap };
  const index = { ...map.index };
  const missing: ColumnDef[] = def.columns.filter((c) => index[c.key] === undefined);
  let width = lastCol;
  if (missing.length) {
    ensureMaxColumns(sheet, lastCol + missing.length);
    const names = missing.map((c) => c[found.lang]);
    writeValues(sheet, row + 1, lastCol + 1, [names]);
    missing.forEach((c, i) => (index[c.key] = lastCol + i));
    width = lastCol + missing.length;
    changes.push(
      t(lang, 'crm.setup.columnsAdded', {
        sheet: sheetName(sheet),
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
  return rangeOf(table.sheet, table.headerRow + 1, col + 1, rows, 1);
}

function removeBlankDefaultSheet(ss: Spreadsheet, before: Sheet[]): void {
  // A new spreadsheet comes with an empty "Sheet1"/"Лист1": drop it only when it is still empty.
  for (const sheet of before) {
    if (!/^(Sheet|Лист)\s?1$/.test(sheetName(sheet))) continue;
    const { lastRow, lastCol } = sheetExtent(sheet);
    if (lastRow === 0 && lastCol === 0 && sheetCount(ss) > 1) deleteSheet(ss, sheet);
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
    return rangeOf(
      settingsSheet,
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

function listRule(values: string[]): ValidationSpec {
  return { kind: 'list', values };
}

function rangeRule(range: Range): ValidationSpec {
  return { kind: 'range', range };
}

function ruleFor(
  sheetKey: SheetDef['key'],
  c: ColumnDef,
  lang: Lang,
  src: ValidationSources,
): ValidationSpec | null {
  if (c.kind === 'bool') return { kind: 'checkbox' };
  if (c.key === 'manager' && src.manager) return rangeRule(src.manager);
  switch (`${sheetKey}.${c.key}`) {
    case 'managers.role':
      return listRule(ROLES.labels(lang));
    case 'deals.stage':
      return src.stage ? rangeRule(src.stage) : null;
    case 'clients.source':
    case 'deals.source':
    case 'budget.source':
    case 'spend.source':
      return src.source ? rangeRule(src.source) : null;
    case 'deals.lostReason':
      return src.lostReason ? rangeRule(src.lostReason) : null;
    case 'activities.type':
      return listRule(ACTIVITY_TYPES.labels(lang));
    case 'plans.level':
      return listRule(PLAN_LEVELS.labels(lang));
    case 'plans.metric':
      return listRule(PLAN_METRICS.labels(lang));
    case 'tasks.status':
      return listRule(TASK_STATUSES.labels(lang));
    case 'tasks.priority':
      return listRule(TASK_PRIORITIES.labels(lang));
    default:
      return null;
  }
}

function decorate(table: PlacedTable, lang: Lang, src: ValidationSources): void {
  const { sheet, headerRow, def } = table;
  const rows = dataRows(sheet, headerRow);
  shadeHeader(sheet, headerRow, 1, table.width, true);
  if (frozenRows(sheet) !== headerRow) setFrozenRows(sheet, headerRow);
  for (const c of def.columns) {
    const col = table.index[c.key];
    if (col === undefined) continue;
    const format = formatOf(c.kind, c.key);
    formatColumn(
      sheet,
      headerRow + 1,
      col + 1,
      rows,
      format || null,
      ruleFor(def.key, c, lang, src),
    );
  }
  protectHeaderOnce(sheet, headerRow, table.width, PROTECTION_NOTE);
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
    const rules: ConditionalRule[] = [];
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
      const s = quoteSheet(sheetName(settingsSheet));
      const stageCol = columnLetter(stages.startCol + stages.map.index.stage + 1);
      const rotCol = columnLetter(stages.startCol + stages.map.index.rottingDays + 1);
      const limit = `IFERROR(INDEX(INDIRECT("${s.replace(/"/g, '""')}!${rotCol}:${rotCol}"),MATCH(${stage},INDIRECT("${s.replace(/"/g, '""')}!${stageCol}:${stageCol}"),0)),"")`;
      const notSnoozed = snoozed ? `OR(${snoozed}="",${snoozed}<TODAY()),` : '';
      rules.push({
        formula: `=AND(${CF_MARK},${stage}<>"",${closed}="",${notSnoozed}ISNUMBER(${limit}),TODAY()-INT(IF(${last}<>"",${last},${created}))>${limit})`,
        range: rangeOf(deals.sheet, deals.headerRow + 1, 1, rows, deals.width),
        color: '#fce8e6',
      });
    }
    if (next && closed) {
      rules.push({
        formula: `=AND(${CF_MARK},${next}<>"",${closed}="",${next}<TODAY())`,
        range: rangeOf(deals.sheet, deals.headerRow + 1, deals.index.nextStepDate + 1, rows, 1),
        color: '#f4c7c3',
      });
    }
    replaceConditionalRules(deals.sheet, rules, CF_MARK);
  }
  const inv = placed.invoices;
  if (inv) {
    const cell = (key: string) =>
      inv.index[key] === undefined
        ? null
        : `$${columnLetter(inv.index[key] + 1)}${inv.headerRow + 1}`;
    const [due, amount, paid] = [cell('dueDate'), cell('amount'), cell('paidAmount')];
    if (due && amount && paid) {
      const rule: ConditionalRule = {
        formula: `=AND(${CF_MARK},${due}<>"",${due}<TODAY(),N(${paid})<N(${amount}))`,
        range: rangeOf(
          inv.sheet,
          inv.headerRow + 1,
          1,
          dataRows(inv.sheet, inv.headerRow),
          inv.width,
        ),
        color: '#fce8e6',
      };
      replaceConditionalRules(inv.sheet, [rule], CF_MARK);
    }
  }
}

// ---- Lead intake from a linked Google Form ------------------------------------------------------

/**
 * The installable form-submit trigger that turns responses into leads: one per workbook, owned by
 * the first editor who runs Setup (src/app/setup/form-intake.ts); it fires only when a form is
 * linked. Another editor's Setup says who owns it and installs nothing.
 */
function ensureFormTrigger(
  ss: Spreadsheet,
  lang: Lang,
  changes: string[],
  warnings: string[],
): void {
  const missing = missingPermissionText('formIntake', lang);
  if (missing) {
    warnings.push(missing);
    return;
  }
  try {
    const res = ensureFormIntake(ss, effectiveUserEmail());
    if (res.kind === 'created') changes.push(t(lang, 'crm.setup.formTrigger'));
    if (res.removed) changes.push(t(lang, 'crm.setup.formTriggerDuplicates', { n: res.removed }));
    if (res.kind === 'other')
      warnings.push(t(lang, 'crm.setup.formTriggerOther', { owner: res.owner }));
  } catch (e) {
    warnings.push(
      t(lang, 'crm.setup.formTriggerFailed', { problem: String((e as Error)?.message ?? e) }),
    );
  }
}
