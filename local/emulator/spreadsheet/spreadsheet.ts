/**
 * Spreadsheet: the workbook. Holds the sheets in tab order and everything that spans them:
 * named ranges, developer metadata, protections, time zone and locale, toasts.
 */
import { MSG, fail } from '../errors';
import { inOwnerDomain } from '../identity';
import { Svc, instrument, type Runtime } from '../runtime';
import { zoneInfo, type ZoneInfo } from '../zone';
import { parseA1, splitSheet } from './a1';
import {
  DeveloperMetadata,
  DeveloperMetadataFinder,
  addMetadata,
  type MetaHost,
  type MetaRecord,
} from './metadata';
import type { Range } from './range';
import { Protection, type ProtectionSpec } from './protection';
import type { RangeRef } from './refs';
import { Sheet } from './sheet';
import type { DisplayContext } from './values';

export interface NamedRangeRec {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
  at: number;
}

export class NamedRange extends Svc {
  constructor(
    private readonly _book: Spreadsheet,
    private _nameOf: string,
  ) {
    super(_book._rt);
  }
  getName(): string {
    return this._nameOf;
  }
  getRange(): Range {
    const r = this._book._named.get(this._nameOf);
    if (!r) fail(`Named range ${this._nameOf} was removed`);
    return this._book._rangeOf(r);
  }
  setRange(range: Range): this {
    this._book._named.set(this._nameOf, this._book._recOf(range));
    return this;
  }
  setName(name: string): this {
    const rec = this._book._named.get(this._nameOf);
    if (rec) {
      this._book._named.delete(this._nameOf);
      this._book._named.set(name, rec);
    }
    this._nameOf = name;
    return this;
  }
  remove(): void {
    this._book._named.delete(this._nameOf);
  }
}
instrument(NamedRange, 'NamedRange');

const NAMED = /^[A-Za-z_\u0400-\u04FF][A-Za-z0-9_.\u0400-\u04FF]*$/;

type SpreadsheetApi = Pick<
  GoogleAppsScript.Spreadsheet.Spreadsheet,
  | 'getId'
  | 'getUrl'
  | 'getName'
  | 'rename'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'getNumSheets'
  | 'removeNamedRange'
  | 'toast'
>;

export class Spreadsheet extends Svc implements MetaHost, SpreadsheetApi {
  _sheets: Sheet[] = [];
  _active: Sheet | null = null;
  /** The selection set by Range.activate / setActiveRange (Google keeps one per sheet). */
  _activeRange: Range | null = null;
  readonly _named = new Map<string, NamedRangeRec>();
  readonly _meta: MetaRecord[] = [];
  _protectionSpecs: Array<ProtectionSpec & { sheetId: number }> = [];
  readonly _toasts: Toast[] = [];
  _locale = 'ru_RU';
  _ids = { sheet: 0, meta: 0, chart: 0 };
  readonly _resolve = (ref: RangeRef): Range => this._rangeFromRef(ref);

  constructor(
    rt: Runtime,
    readonly _id: string,
    public _name: string,
    public _timeZone: string,
  ) {
    super(rt);
  }

  // ---- internals ----
  _zone(): ZoneInfo {
    return zoneInfo(this._timeZone);
  }
  _display(): DisplayContext {
    const ru = this._locale.startsWith('ru');
    return { zone: this._timeZone, decimalSep: ru ? ',' : '.', groupSep: ru ? '\u00a0' : ',' };
  }
  _nextMetaId(): number {
    return ++this._ids.meta;
  }
  _nextChartId(): number {
    return ++this._ids.chart;
  }
  _sheetById(id: number): Sheet | null {
    return this._sheets.find((s) => s._id === id) ?? null;
  }
  _sheet(name: string): Sheet | null {
    return this._sheets.find((s) => s._name === name) ?? null;
  }
  _addSheet(name: string, index?: number, id?: number): Sheet {
    if (this._sheet(name)) fail(MSG.sheetExists(name));
    const sheetId = id ?? (this._sheets.length === 0 ? 0 : 1_000_000 + ++this._ids.sheet * 7919);
    const sheet = new Sheet(this, name, sheetId);
    if (index === undefined || index >= this._sheets.length) this._sheets.push(sheet);
    else this._sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }
  _renameSheet(sheet: Sheet, name: string): void {
    const other = this._sheet(name);
    if (other && other !== sheet) fail(MSG.sheetExists(name));
    sheet._name = name;
  }
  _rangeOf(r: NamedRangeRec): Range {
    const sheet = this._sheetById(r.sheetId);
    if (!sheet) fail(MSG.sheetDeleted);
    return sheet._range(r.row, r.col, r.numRows, r.numCols);
  }
  _recOf(range: Range): NamedRangeRec {
    return {
      sheetId: range._sheet._id,
      row: range._r,
      col: range._c,
      numRows: range._nr,
      numCols: range._nc,
    };
  }
  _rangeFromRef(ref: RangeRef): Range {
    const sheet = this._sheet(ref.sheet);
    if (!sheet) fail(MSG.invalidA1(`${ref.sheet}!${ref.a1}`));
    return sheet._rangeA1(ref.a1);
  }
  _addMeta(
    loc: MetaRecord['location'],
    key: string,
    valueOrVisibility?: unknown,
    visibility?: unknown,
  ): void {
    addMetadata(this, loc, key, valueOrVisibility, visibility);
  }
  _metaFor(loc: MetaRecord['location']): DeveloperMetadata[] {
    const found = this._meta.filter(
      (m) =>
        m.location.type === loc.type &&
        m.location.sheetId === loc.sheetId &&
        m.location.index === loc.index,
    );
    return this._rt.realm.list(found.map((m) => new DeveloperMetadata(this._rt, m, this)));
  }
  _finder(scope: (m: MetaRecord) => boolean): DeveloperMetadataFinder {
    return new DeveloperMetadataFinder(this._rt, this, scope);
  }
  _protect(type: 'SHEET' | 'RANGE', range: Range): Protection {
    const spec = {
      type,
      range: range._ref(),
      description: '',
      warningOnly: false,
      editors: [this._rt.exec?.effectiveUser ?? ''].filter(Boolean),
      domainEdit: true,
      sheetId: range._sheet._id,
    };
    this._protectionSpecs.push(spec);
    return this._protection(spec);
  }
  private _protection(spec: ProtectionSpec & { sheetId: number }): Protection {
    return new Protection(
      this._rt,
      spec,
      (p) => {
        this._protectionSpecs = this._protectionSpecs.filter((x) => x !== p);
      },
      this._resolve,
    );
  }
  /**
   * Refuses an execution's write into a protected sheet or range unless its user may edit it:
   * the owner, a listed editor, or anyone in the owner's domain when the protection allows the
   * domain. Warning-only protections let everyone write. Google's text is the one people see in
   * the Sheets UI ("You are trying to edit a protected cell or object. …";
   * https://developers.google.com/apps-script/reference/spreadsheet/protection). Test code
   * outside executions writes as the owner.
   */
  _checkEditable(
    sheet: Sheet,
    r: number,
    c: number,
    nr: number,
    nc: number,
    typedBy?: string,
  ): void {
    if (this._protectionSpecs.length === 0) return;
    const ex = this._rt.exec;
    // `typedBy`: a person typing in the Sheets UI, which refuses a protected cell the same way.
    if (!ex && typedBy === undefined) return;
    const id = this._rt.identity;
    const user = typedBy ?? ex?.effectiveUser ?? '';
    if (user !== '' && user === id.owner) return;
    for (const p of this._protectionSpecs) {
      if (p.sheetId !== sheet._id || p.warningOnly || p.editors.includes(user)) continue;
      if (p.domainEdit && inOwnerDomain(id, user)) continue;
      if (p.type === 'RANGE') {
        const g = this._resolve(p.range);
        const apart = r + nr <= g._r || g._r + g._nr <= r || c + nc <= g._c || g._c + g._nc <= c;
        if (apart) continue;
      }
      fail(MSG.protectedCell);
    }
  }
  _protections(type: string, sheet?: Sheet): Protection[] {
    const found = this._protectionSpecs.filter(
      (p) => p.type === type && (sheet === undefined || p.sheetId === sheet._id),
    );
    return this._rt.realm.list(found.map((p) => this._protection(p)));
  }

  // ---- public API ----
  getId(): string {
    return this._id;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getName(): string {
    return this._name;
  }
  rename(name: string): void {
    this._name = String(name);
  }
  getSpreadsheetTimeZone(): string {
    return this._timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this._timeZone = String(tz);
  }
  getSpreadsheetLocale(): string {
    return this._locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this._locale = String(locale);
  }
  getSheets(): Sheet[] {
    return this._rt.realm.list([...this._sheets]);
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    return this._sheet(String(name));
  }
  getSheetById(id: number): Sheet | null {
    return this._sheetById(id);
  }
  getActiveSheet(): Sheet {
    return this._active && !this._active._deleted ? this._active : this._sheets[0];
  }
  setActiveSheet(sheet: Sheet): Sheet {
    this._active = sheet;
    return sheet;
  }
  /** Selects the range and makes its sheet active, as Google does. */
  setActiveRange(range: Range): Range {
    this._active = range._sheet;
    this._activeRange = range;
    return range;
  }
  insertSheet(a?: string | number, b?: number): Sheet {
    let name: string;
    let index: number | undefined;
    if (typeof a === 'number') {
      index = a;
      name = '';
    } else {
      name = a ?? '';
      index = b;
    }
    if (!name) {
      let n = this._sheets.length + 1;
      while (this._sheet(`Лист${n}`)) n++;
      name = `Лист${n}`;
    }
    const sheet = this._addSheet(name, index);
    this._active = sheet;
    return sheet;
  }
  deleteSheet(sheet: Sheet): void {
    if (this._sheets.length <= 1) fail(MSG.lastSheet);
    const i = this._sheets.indexOf(sheet);
    if (i < 0) fail(MSG.sheetDeleted);
    this._sheets.splice(i, 1);
    sheet._deleted = true;
    for (const [k, r] of this._named) if (r.sheetId === sheet._id) this._named.delete(k);
    for (let j = this._meta.length - 1; j >= 0; j--)
      if (this._meta[j].location.sheetId === sheet._id) this._meta.splice(j, 1);
    this._protectionSpecs = this._protectionSpecs.filter((p) => p.sheetId !== sheet._id);
    if (this._active === sheet) this._active = this._sheets[0];
  }
  getRange(a1: string): Range {
    const { sheet } = splitSheet(a1);
    const target = sheet === null ? this.getActiveSheet() : this._sheet(sheet);
    if (!target || !parseA1(a1)) fail(MSG.invalidA1(a1));
    return target._rangeA1(splitSheet(a1).ref);
  }
  setNamedRange(name: string, range: Range): void {
    if (!NAMED.test(name) || parseA1(name)) fail(MSG.namedRangeName(name));
    this._named.set(name, this._recOf(range));
  }
  getRangeByName(name: string): Range | null {
    const r = this._named.get(name);
    return r ? this._rangeOf(r) : null;
  }
  getNamedRanges(): NamedRange[] {
    return this._rt.realm.list([...this._named.keys()].map((n) => new NamedRange(this, n)));
  }
  removeNamedRange(name: string): void {
    this._named.delete(name);
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): this {
    this._addMeta(
      { type: 'SPREADSHEET', sheetId: null, index: null },
      key,
      valueOrVisibility,
      visibility,
    );
    return this;
  }
  getDeveloperMetadata(): DeveloperMetadata[] {
    return this._metaFor({ type: 'SPREADSHEET', sheetId: null, index: null });
  }
  createDeveloperMetadataFinder(): DeveloperMetadataFinder {
    return this._finder(() => true);
  }
  getProtections(type: string): Protection[] {
    return this._protections(String(type));
  }
  toast(message: string, title?: string, timeoutSeconds?: number | null): void {
    this._toasts.push({
      message: String(message),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
      at: this._rt.clock.now(),
    });
  }
  getActiveRange(): Range | null {
    const r = this._activeRange;
    return r && r._sheet === this.getActiveSheet() ? r : null;
  }
  getFormUrl(): string | null {
    return null;
  }
  /** The file's owner (the emulator's identity), as Spreadsheet.getOwner() gives a Drive user. */
  getOwner(): { getEmail(): string } | null {
    const owner = this._rt.identity.owner;
    return owner ? { getEmail: () => owner } : null;
  }
}
instrument(Spreadsheet, 'Spreadsheet');
