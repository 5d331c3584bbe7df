/**
 * What setup writes, as data: the Settings sheet's side-by-side tables with their defaults, the
 * number format of each column kind, and the dropdown lists. Pure, so it is unit-tested and the
 * shell only moves it into the sheet.
 */
import type { CellKind, ColumnDef } from './schema';
import type { Lang, Settings } from '../types';
import { BONUS_KINDS, STAGE_KINDS } from './enums';
import { SETTING_ROWS, SETTINGS_TABLES, settingValueText, type SettingsTableKey } from './settings';
import { peopleBlocks } from '../people/settings';
import { playbookCells } from '../playbooks/settings';

export const MONEY_FORMAT = '#,##0.00 "₽"';
export const DATE_FORMAT = 'dd.mm.yyyy';
export const DATETIME_FORMAT = 'dd.mm.yyyy hh:mm';
export const TEXT_FORMAT = '@';

/** The number format setup gives a column of that kind; null leaves the column alone. */
export function formatOf(kind: CellKind, key: string): string | null {
  switch (kind) {
    case 'id':
    case 'phone':
    case 'inn':
      return TEXT_FORMAT;
    case 'money':
      return MONEY_FORMAT;
    case 'date':
      return DATE_FORMAT;
    case 'datetime':
      return DATETIME_FORMAT;
    case 'percent':
      return '0%';
    case 'number':
      // Whole plan figures read "24 600 000", not "24 600 000," as '#,##0.##' shows them.
      if (key === 'value') return '#,##0';
      if (key === 'rate') return '#,##0.00##';
      return key === 'multiplier' ? '0.0#' : '0';
    default:
      return null;
  }
}

export type TableCell = string | number | boolean;

export interface SettingsTableBlock {
  key: SettingsTableKey;
  columns: readonly ColumnDef[];
  /** Header row first. Dates are written as dd.MM.yyyy text (Sheets parses them into dates). */
  rows: TableCell[][];
}

const CALENDAR_DEFAULTS: ReadonlyArray<[string, boolean, string, string]> = [
  // The 2026 decree: weekend days 3 and 4 January moved to 9 January and 31 December.
  [
    '09.01.2026',
    true,
    'Перенос с 3 января (постановление 2026)',
    'Moved from 3 January (2026 decree)',
  ],
  [
    '31.12.2026',
    true,
    'Перенос с 4 января (постановление 2026)',
    'Moved from 4 January (2026 decree)',
  ],
];

/** Every Settings table with its header and default rows, in the workbook's language. */
export function settingsBlocks(s: Settings): SettingsTableBlock[] {
  const lang: Lang = s.lang;
  const header = (key: SettingsTableKey) => SETTINGS_TABLES[key].map((c) => c[lang]);
  const yes = lang === 'ru' ? 'Да' : 'Yes';
  const no = lang === 'ru' ? 'Нет' : 'No';
  const lists: TableCell[][] = [];
  const sources = s.sources ?? [];
  const reasons = s.lostReasons ?? [];
  for (let i = 0; i < Math.max(sources.length, reasons.length); i++) {
    lists.push([sources[i] ?? '', reasons[i] ?? '']);
  }
  return [
    {
      key: 'values',
      columns: SETTINGS_TABLES.values,
      rows: [
        header('values'),
        ...SETTING_ROWS.map((r) => [
          r[lang],
          settingValueText(r.key, s),
          lang === 'ru' ? r.hintRu : r.hintEn,
        ]),
      ],
    },
    {
      key: 'stages',
      columns: SETTINGS_TABLES.stages,
      rows: [
        header('stages'),
        ...s.stages.map((st) => [
          st.name,
          st.probability,
          st.rottingDays ?? '',
          STAGE_KINDS.label(st.kind, lang),
        ]),
      ],
    },
    {
      key: 'calendar',
      columns: SETTINGS_TABLES.calendar,
      rows: [
        header('calendar'),
        ...CALENDAR_DEFAULTS.map(([d, off, ru, en]) => [
          d,
          off ? yes : no,
          lang === 'ru' ? ru : en,
        ]),
      ],
    },
    {
      key: 'bonus',
      columns: SETTINGS_TABLES.bonus,
      rows: [
        header('bonus'),
        ...s.bonus.map((b) => [
          b.scheme,
          BONUS_KINDS.label(b.kind, lang),
          b.from,
          b.to ?? '',
          b.rate,
          b.multiplier,
          b.reduceByOverdue ? yes : no,
        ]),
      ],
    },
    {
      key: 'rates',
      columns: SETTINGS_TABLES.rates,
      rows: [header('rates'), ...s.rates.map((r) => [r.currency, r.rate])],
    },
    { key: 'lists', columns: SETTINGS_TABLES.lists, rows: [header('lists'), ...lists] },
    ...peopleBlocks(s, header).map((b) => ({ ...b, columns: SETTINGS_TABLES[b.key] })),
    {
      key: 'playbooks',
      columns: SETTINGS_TABLES.playbooks,
      rows: [header('playbooks'), ...(s.playbooks ?? []).map((p) => playbookCells(p, lang))],
    },
  ];
}

/** The column letter(s) of a 1-based column number (1 -> A, 27 -> AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Quotes a sheet name for A1 notation inside formulas. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
