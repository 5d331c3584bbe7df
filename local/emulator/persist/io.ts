/** save() and load(): the .xlsx plus its JSON sidecar (see xlsx.ts and state.ts). */
import { existsSync, promises as fs } from 'node:fs';
import type { Clock } from '../clock';
import type { CacheStores } from '../services/cache';
import type { MailState } from '../services/mail';
import type { PropertyStores } from '../services/properties';
import type { ScriptState } from '../services/script-app';
import type { RangeRef } from '../spreadsheet/refs';
import type { Spreadsheet } from '../spreadsheet/spreadsheet';
import type { ValidationSpec } from '../spreadsheet/validation';
import {
  STATE_FORMAT,
  STATE_VERSION,
  applyRuns,
  parseState,
  serialSpecs,
  sheetState,
  type EmulatorState,
} from './state';
import {
  readWorkbook,
  writeXlsx,
  WorkbookFormatError,
  type XlsxSheet,
  type XlsxWorkbook,
} from './xlsx';

export { WorkbookFormatError } from './xlsx';

/** What save/load reach inside one emulator. */
export interface Internals {
  book: Spreadsheet;
  stores: PropertyStores;
  caches: CacheStores;
  mail: MailState;
  script: ScriptState;
  clock: Clock;
  activeUser(): string;
  scriptTimeZone: string;
}

/** NAME.xlsx -> NAME.state.json (the playground's convention). */
export function sidecarOf(xlsx: string): string {
  return xlsx.replace(/\.xlsx$/i, '') + '.state.json';
}

const obj = (m: Map<string, string>): Record<string, string> => Object.fromEntries(m);

export async function saveTo(int: Internals, xlsx: string, sidecar: string): Promise<void> {
  const specs: ValidationSpec[] = [];
  const book = int.book;
  const state: EmulatorState = {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    spreadsheet: {
      id: book._id,
      name: book._name,
      timeZone: book._timeZone,
      locale: book._locale,
      counters: { ...book._ids },
    },
    scriptTimeZone: int.scriptTimeZone,
    clock: int.clock.now(),
    activeUser: int.activeUser(),
    addon: int.script.addon,
    sheets: book._sheets.map((s) => sheetState(s, specs)),
    validationSpecs: [],
    namedRanges: Object.fromEntries(book._named),
    metadata: book._meta,
    protections: book._protectionSpecs,
    properties: {
      document: obj(int.stores.document),
      script: obj(int.stores.script),
      user: Object.fromEntries([...int.stores.user].map(([k, m]) => [k, obj(m)])),
    },
    triggers: int.script.triggers,
    nextTriggerUid: int.script.nextUid,
    outbox: int.mail.outbox,
    mail: {
      quota: int.mail.quota,
      bodyLimit: int.mail.bodyLimit,
      used: int.mail.used,
      day: int.mail.day,
      exhausted: int.mail.exhausted,
    },
  };
  state.validationSpecs = serialSpecs(specs);
  await writeXlsx(book, xlsx);
  await fs.writeFile(sidecar, JSON.stringify(state));
}

export async function readState(sidecar: string): Promise<EmulatorState | null> {
  if (!existsSync(sidecar)) return null;
  return parseState(await fs.readFile(sidecar, 'utf8'), sidecar);
}

/** Replaces the emulator's workbook and state with what was read. */
export async function restore(
  int: Internals,
  xlsx: string,
  state: EmulatorState | null,
): Promise<void> {
  if (!existsSync(xlsx)) throw new WorkbookFormatError(`${xlsx} does not exist`);
  const book = int.book;
  const read = await readWorkbook(xlsx, book._zone());
  const sheets: XlsxSheet[] = read.sheets;
  for (const s of [...book._sheets]) s._deleted = true;
  book._sheets = [];
  book._active = null;
  const byName = new Map((state?.sheets ?? []).map((s) => [s.name, s]));
  sheets.forEach((x, i) => {
    const saved = byName.get(x.name);
    const sheet = book._addSheet(
      x.name,
      undefined,
      saved?.id ?? (i === 0 ? 0 : 1_000_000 + i * 7919),
    );
    sheet._maxRows = Math.max(saved?.maxRows ?? x.maxRows, x.values.length);
    sheet._maxCols = Math.max(saved?.maxCols ?? x.maxCols, ...x.values.map((r) => r.length));
    sheet._values = x.values;
    sheet._formulas = x.formulas;
    sheet._hidden = x.hidden;
    sheet._tabColor = x.tabColor;
    sheet._frozenRows = x.frozenRows;
    sheet._frozenCols = x.frozenCols;
    if (saved) {
      sheet._formats = [];
      applyRuns(sheet._formats, saved.formats);
      sheet._styles = saved.styles;
      sheet._conditional = saved.conditional;
      sheet._charts = saved.charts;
      sheet._columnWidths = new Map(saved.columnWidths);
      sheet._filter = saved.filter ? { ...saved.filter, criteria: new Map() } : null;
    } else {
      sheet._formats = x.formats;
      for (const l of x.lists)
        sheet._setValidation(l.r - 1, l.c - 1, {
          criteria: 'VALUE_IN_LIST',
          args: [l.values, true],
          allowInvalid: l.allowInvalid,
          helpText: l.helpText,
        });
    }
    sheet._touched();
  });
  // Validation rules may point at ranges of any sheet: resolve them once all sheets exist.
  const specs: ValidationSpec[] = (state?.validationSpecs ?? []).map((s) => ({
    ...s,
    args: s.args.map((a) =>
      a && typeof a === 'object' && '$range' in a
        ? book._resolve((a as { $range: RangeRef }).$range)
        : a,
    ),
  }));
  for (const saved of state?.sheets ?? []) {
    const sheet = book._sheet(saved.name);
    if (!sheet) continue;
    const ids: Array<Array<number | undefined> | undefined> = [];
    applyRuns(ids, saved.validations);
    sheet._validations = ids.map((row) =>
      row?.map((n) => (n === undefined ? undefined : specs[n])),
    );
    sheet._validationCount = saved.validations.reduce((n, [, r0, r1]) => n + r1 - r0 + 1, 0);
  }
  if (!state) {
    restoreFromXlsxOnly(book, read);
    return;
  }
  book._name = state.spreadsheet.name;
  book._locale = state.spreadsheet.locale;
  Object.assign(book._ids, state.spreadsheet.counters);
  book._named.clear();
  for (const [k, v] of Object.entries(state.namedRanges)) book._named.set(k, v);
  book._meta.splice(0, book._meta.length, ...state.metadata);
  book._protectionSpecs = state.protections;
  const fill = (m: Map<string, string>, o: Record<string, string>) => {
    m.clear();
    for (const [k, v] of Object.entries(o)) m.set(k, v);
  };
  fill(int.stores.document, state.properties.document);
  fill(int.stores.script, state.properties.script);
  int.stores.user.clear();
  for (const [u, o] of Object.entries(state.properties.user)) fill(int.stores.userStore(u), o);
  int.script.triggers = state.triggers;
  int.script.nextUid = state.nextTriggerUid;
  int.mail.outbox = state.outbox;
  Object.assign(int.mail, state.mail);
}

/**
 * Without a sidecar (a workbook from Excel or Google Sheets), what the .xlsx carried beyond
 * inline lists: named ranges and dropdowns from a range. Conditional formats stay behind: the
 * emulator does not render them and "Set up workbook" writes its own.
 */
function restoreFromXlsxOnly(book: Spreadsheet, read: XlsxWorkbook): void {
  book._named.clear();
  for (const [name, ref] of Object.entries(read.names)) {
    const sheet = book._sheet(ref.sheet);
    if (sheet) book._named.set(name, book._recOf(sheet._rangeA1(ref.a1)));
  }
  const specs = new Map<string, ValidationSpec>();
  for (const x of read.sheets) {
    const sheet = book._sheet(x.name);
    if (!sheet) continue;
    for (const l of x.rangeLists) {
      const source = book._sheet(l.source.sheet);
      if (!source) continue;
      const key = `${l.source.sheet}!${l.source.a1}|${l.allowInvalid}|${l.helpText ?? ''}`;
      let spec = specs.get(key);
      if (!spec) {
        spec = {
          criteria: 'VALUE_IN_RANGE',
          args: [source._rangeA1(l.source.a1), true],
          allowInvalid: l.allowInvalid,
          helpText: l.helpText,
        };
        specs.set(key, spec);
      }
      sheet._setValidation(l.r - 1, l.c - 1, spec);
    }
  }
}
