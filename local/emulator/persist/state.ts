/**
 * The JSON sidecar saved beside the .xlsx: everything a spreadsheet file cannot hold or would
 * alter (exact number formats and validations, named ranges, developer metadata, protections,
 * charts, conditional rules, properties, triggers, the outbox, mail quota, the clock, the user).
 */
import type { NamedRangeRec, Spreadsheet } from '../spreadsheet/spreadsheet';
import type { MetaRecord } from '../spreadsheet/metadata';
import type { ChartSpec } from '../spreadsheet/charts';
import type { ConditionalRuleSpec } from '../spreadsheet/conditional';
import type { ProtectionSpec } from '../spreadsheet/protection';
import type { RangeRef } from '../spreadsheet/refs';
import type { Sheet, StyleOp } from '../spreadsheet/sheet';
import type { ValidationSpec } from '../spreadsheet/validation';
import type { SentMail } from '../services/mail';
import type { TriggerRec } from '../services/triggers';
import { WorkbookFormatError } from './xlsx';

export const STATE_FORMAT = 'rop-desk-emulator';
export const STATE_VERSION = 1;

type Run<T> = [col: number, firstRow: number, lastRow: number, value: T];

export interface SheetState {
  name: string;
  id: number;
  maxRows: number;
  maxCols: number;
  formats: Array<Run<string>>;
  validations: Array<Run<number>>;
  styles: StyleOp[];
  conditional: ConditionalRuleSpec[];
  charts: ChartSpec[];
  columnWidths: Array<[number, number]>;
  /** The basic filter's range (its criteria are the user's view and are not kept); absent: none. */
  filter?: { r: number; c: number; nr: number; nc: number } | null;
}

export interface EmulatorState {
  format: typeof STATE_FORMAT;
  version: number;
  spreadsheet: {
    id: string;
    name: string;
    timeZone: string;
    locale: string;
    counters: Spreadsheet['_ids'];
  };
  scriptTimeZone: string;
  clock: number;
  activeUser: string;
  addon: boolean;
  sheets: SheetState[];
  validationSpecs: Array<Omit<ValidationSpec, 'args'> & { args: unknown[] }>;
  namedRanges: Record<string, NamedRangeRec>;
  metadata: MetaRecord[];
  protections: Array<ProtectionSpec & { sheetId: number }>;
  properties: {
    document: Record<string, string>;
    script: Record<string, string>;
    user: Record<string, Record<string, string>>;
  };
  triggers: TriggerRec[];
  nextTriggerUid: number;
  outbox: SentMail[];
  mail: { quota: number; bodyLimit: number; used: number; day: number; exhausted: boolean };
}

/** Column-wise runs of equal non-empty values in a ragged grid. */
function runs<T, U>(
  grid: Array<Array<T | undefined> | undefined>,
  key: (v: T) => U,
): Array<Run<U>> {
  const out: Array<Run<U>> = [];
  let width = 0;
  for (const row of grid) if (row && row.length > width) width = row.length;
  for (let c = 0; c < width; c++) {
    let start = -1;
    let cur: U | undefined;
    for (let r = 0; r <= grid.length; r++) {
      const v = r < grid.length ? grid[r]?.[c] : undefined;
      const k = v === undefined ? undefined : key(v);
      if (k !== cur) {
        if (cur !== undefined) out.push([c, start, r - 1, cur]);
        start = r;
        cur = k;
      }
    }
  }
  return out;
}

export function applyRuns<T>(
  grid: Array<Array<T | undefined> | undefined>,
  list: Array<Run<T>>,
): void {
  for (const [c, r0, r1, v] of list)
    for (let r = r0; r <= r1; r++) {
      let row = grid[r];
      if (!row) {
        row = [];
        grid[r] = row;
      }
      row[c] = v;
    }
}

const rangeArg = (a: unknown): unknown =>
  a && typeof a === 'object' && '_ref' in a && typeof (a as { _ref: unknown })._ref === 'function'
    ? { $range: (a as { _ref(): RangeRef })._ref() }
    : a;

export function sheetState(sheet: Sheet, specs: ValidationSpec[]): SheetState {
  const index = new Map<ValidationSpec, number>();
  const specId = (s: ValidationSpec): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = specs.length;
      specs.push(s);
      index.set(s, i);
    }
    return i;
  };
  return {
    name: sheet._name,
    id: sheet._id,
    maxRows: sheet._maxRows,
    maxCols: sheet._maxCols,
    formats: runs(sheet._formats, (f) => f),
    validations: runs(sheet._validations, specId),
    styles: sheet._styles,
    conditional: sheet._conditional,
    charts: sheet._charts,
    columnWidths: [...sheet._columnWidths],
    filter: sheet._filter
      ? { r: sheet._filter.r, c: sheet._filter.c, nr: sheet._filter.nr, nc: sheet._filter.nc }
      : null,
  };
}

export function serialSpecs(specs: ValidationSpec[]): EmulatorState['validationSpecs'] {
  return specs.map((s) => ({ ...s, args: s.args.map(rangeArg) }));
}

export function parseState(text: string, file: string): EmulatorState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new WorkbookFormatError(`${file} is not valid JSON (${(e as Error).message})`);
  }
  const s = parsed as Partial<EmulatorState> | null;
  if (!s || typeof s !== 'object' || s.format !== STATE_FORMAT)
    throw new WorkbookFormatError(
      `${file} is not an emulator state file (no "format": "${STATE_FORMAT}")`,
    );
  if (typeof s.version !== 'number' || s.version > STATE_VERSION)
    throw new WorkbookFormatError(
      `${file} was written by a newer emulator (version ${String(s.version)})`,
    );
  return s as EmulatorState;
}
