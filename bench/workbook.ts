/**
 * The benchmark's workbook: the CRM demo generator at scale (seeded, so every run measures the
 * same data), as core records and as the 2-D ranges a sheet or a custom function would hold.
 */
import { activityCells, managerCells, planCells } from '../src/core/workbook/records';
import { recordToRow } from '../src/core/workbook/cells';
import { settingsBlocks } from '../src/core/workbook/layout';
import { defaultSettings } from '../src/core/workbook/settings';
import { generateDemo, type DemoData } from '../src/core/demo/generate';
import {
  ACTIVITIES,
  CLIENTS,
  DEALS,
  INVOICES,
  MANAGERS,
  PLANS,
  STAGE_HISTORY,
  type SheetDef,
} from '../src/core/workbook/schema';
import type { FunctionContext } from '../src/core/analytics/functions';
import { dayFromYmd, fixedZone, startOfDay } from '../src/core/time';
import type { WorkbookData } from '../src/core/types';

export const ZONE = fixedZone('Europe/Moscow', 180);
export const TODAY = dayFromYmd(2026, 11, 27);
/** The benches' clock: 09:00 on TODAY in ZONE. */
export const NOW = startOfDay(TODAY, ZONE) + 9 * 3_600_000;

/** `--name=value` from the bench's command line, else the default. */
export function option(name: string, def: string): string {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return arg === undefined ? def : arg.slice(name.length + 3);
}

/** What the shell gives a custom function besides its arguments: Settings, Managers, Clients. */
export function functionContext(
  data: WorkbookData,
  extra: Partial<FunctionContext> = {},
): FunctionContext {
  return {
    zone: ZONE,
    now: NOW,
    settings: data.settings,
    managers: data.managers,
    clients: data.clients,
    lang: 'ru',
    ...extra,
  };
}

export interface Sizes {
  managers: number;
  clients: number;
  deals: number;
  activities: number;
  invoices: number;
  months: number;
}

export function generate(sizes: Sizes): { demo: DemoData; data: WorkbookData } {
  // The generator spreads activities over deals; below one per deal it makes none, so a small
  // count is a seeded thinning of a larger set (every k-th activity, still sorted by time).
  const demo = generateDemo({
    today: TODAY,
    zone: ZONE,
    lang: 'ru',
    ...sizes,
    activities: Math.max(sizes.activities, sizes.deals * 2),
  });
  if (demo.activities.length > sizes.activities) {
    const all = demo.activities;
    const step = all.length / sizes.activities;
    demo.activities = Array.from({ length: sizes.activities }, (_, i) => all[Math.floor(i * step)]);
  }
  const settings = { ...defaultSettings('ru'), stages: demo.stages };
  return {
    demo,
    data: {
      settings,
      managers: demo.managers,
      clients: demo.clients,
      deals: demo.deals,
      activities: demo.activities,
      stageHistory: demo.stageHistory,
      plans: demo.plans,
      invoices: demo.invoices,
    },
  };
}

type Grid = unknown[][];

function grid<T extends { row: number }>(
  def: SheetDef,
  records: readonly T[],
  cells: (r: T) => Record<string, unknown> = (r) => r,
): Grid {
  const index = Object.fromEntries(def.columns.map((c, i) => [c.key, i]));
  const width = def.columns.length;
  return [
    def.columns.map((c) => c.ru),
    ...records.map((r) => recordToRow(cells(r), def.columns, index, width, ZONE)),
  ];
}

/**
 * What getValues returns for a written grid: a leading apostrophe (written so that Sheets keeps
 * "2026-11" or "-" as text) is not part of the stored value.
 */
function readBack(grid: Grid): Grid {
  return grid.map((r) =>
    r.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)),
  );
}

export const TABLES = [
  'managers',
  'clients',
  'deals',
  'activities',
  'stageHistory',
  'plans',
  'invoices',
] as const;
export type TableKey = (typeof TABLES)[number];

/** Each sheet's values (see `grids`), and as written. */
export interface Grids {
  managers: Grid;
  clients: Grid;
  deals: Grid;
  activities: Grid;
  stageHistory: Grid;
  plans: Grid;
  invoices: Grid;
  /** The Settings sheet (key/value, stages, calendar, bonus, rates tables side by side). */
  settings: Grid;
  stages: Grid;
  bonus: Grid;
  /** What setValues was given (apostrophes included), to load the emulator's sheets. */
  written: Record<TableKey | 'settings', Grid>;
}

/**
 * The sheets as 2-D values. `asRead` gives what getValues or a range argument delivers (the
 * benches use that); without it the cells are as written, leading apostrophes included, which
 * the analytics output snapshot was pinned on (its monthly plan periods do not parse as such).
 */
export function grids(data: WorkbookData, asRead = false): Grids {
  const back = asRead ? readBack : (grid: Grid): Grid => grid;
  // The Settings sheet: its tables side by side, one blank column between them.
  const blocks = settingsBlocks(data.settings);
  const height = Math.max(...blocks.map((b) => b.rows.length));
  const width = blocks.reduce((w, b) => w + b.rows[0].length + 1, 0);
  const settings: Grid = Array.from({ length: height }, () => new Array<unknown>(width).fill(''));
  const sub: Record<string, Grid> = {};
  let col = 0;
  for (const b of blocks) {
    b.rows.forEach((row, i) => row.forEach((v, j) => (settings[i][col + j] = v)));
    sub[b.key] = b.rows;
    col += b.rows[0].length + 1;
  }
  const written: Record<TableKey | 'settings', Grid> = {
    managers: grid(MANAGERS, data.managers, (m) => managerCells(m, 'ru')),
    clients: grid(CLIENTS, data.clients),
    deals: grid(DEALS, data.deals),
    activities: grid(ACTIVITIES, data.activities, (a) => activityCells(a, 'ru')),
    stageHistory: grid(STAGE_HISTORY, data.stageHistory),
    plans: grid(PLANS, data.plans, (p) => planCells(p, 'ru')),
    invoices: grid(INVOICES, data.invoices),
    settings,
  };
  const read = Object.fromEntries(TABLES.map((k) => [k, back(written[k])])) as Record<
    TableKey,
    Grid
  >;
  return {
    ...read,
    settings: back(settings),
    stages: back(sub.stages),
    bonus: back(sub.bonus),
    written,
  };
}
