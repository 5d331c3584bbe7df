/**
 * Range: a rectangle of a sheet. Reads copy straight out of the sheet's row arrays into the
 * caller's realm; writes check the whole input first (Google's exact error texts), then store
 * with USER_ENTERED semantics. O(cells), no per-cell objects beyond the values themselves.
 */
import { MSG, fail } from '../errors';
import { Svc, instrument } from '../runtime';
import { a1Of } from './a1';
import type { Filter } from './filter';
import type { Protection } from './protection';
import type { RangeRef } from './refs';
import type { Sheet, StyleProp } from './sheet';
import { DataValidation, violates, type ValidationSpec } from './validation';
import {
  displayValue,
  fastStore,
  impliedDateFormat,
  instantOfSerial,
  isDateFormat,
  reinterpret,
  writeValue,
  type Cell,
  MAX_CELL_CHARS,
} from './values';

type ValuesApi = Pick<
  GoogleAppsScript.Spreadsheet.Range,
  | 'getValues'
  | 'getValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'getNumberFormats'
  | 'getNumberFormat'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'isBlank'
>;

/** The values a VALUE_IN_RANGE rule allows, read without counting service calls. */
function valuesOf(source: unknown): Set<string> {
  const out = new Set<string>();
  if (!(source instanceof Range)) return out;
  for (let i = 0; i < source._nr; i++)
    for (let j = 0; j < source._nc; j++) {
      const v = source._sheet._cell(source._r + i, source._c + j);
      if (v !== '') out.add(String(v));
    }
  return out;
}

export class Range extends Svc implements ValuesApi {
  constructor(
    readonly _sheet: Sheet,
    readonly _r: number,
    readonly _c: number,
    readonly _nr: number,
    readonly _nc: number,
  ) {
    super(_sheet._rt);
  }

  _ref(): RangeRef {
    return { sheet: this._sheet._name, a1: this.getA1NotationRaw() };
  }
  private getA1NotationRaw(): string {
    return a1Of(this._r, this._c, this._nr, this._nc);
  }

  // ---- geometry ----
  getRow(): number {
    return this._r;
  }
  getRowIndex(): number {
    return this._r;
  }
  getColumn(): number {
    return this._c;
  }
  getNumRows(): number {
    return this._nr;
  }
  getNumColumns(): number {
    return this._nc;
  }
  getHeight(): number {
    return this._nr;
  }
  getWidth(): number {
    return this._nc;
  }
  getLastRow(): number {
    return this._r + this._nr - 1;
  }
  getLastColumn(): number {
    return this._c + this._nc - 1;
  }
  getA1Notation(): string {
    return this.getA1NotationRaw();
  }
  getSheet(): Sheet {
    return this._sheet;
  }
  getGridId(): number {
    return this._sheet._id;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this._sheet._range(
      this._r + rowOffset,
      this._c + columnOffset,
      numRows ?? this._nr,
      numColumns ?? this._nc,
    );
  }
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._nr || column > this._nc) fail(MSG.outOfBounds);
    return this._sheet._range(this._r + row - 1, this._c + column - 1, 1, 1);
  }
  activate(): this {
    this._sheet._book.setActiveRange(this);
    return this;
  }

  // ---- values ----
  getValues(): Cell[][] {
    const ex = this._rt.exec;
    if (ex) ex.reads[this._sheet._name] = (ex.reads[this._sheet._name] ?? 0) + 1;
    return this._rt.realm.block(
      this._sheet._values,
      this._r - 1,
      this._c - 1,
      this._nr,
      this._nc,
    ) as Cell[][];
  }
  getValue(): Cell {
    const v = this._sheet._cell(this._r, this._c);
    return typeof v === 'object' ? this._rt.realm.date(v.getTime()) : v;
  }
  getDisplayValues(): string[][] {
    const sh = this._sheet;
    const ctx = sh._book._display();
    const out: string[][] = [];
    for (let i = 0; i < this._nr; i++) {
      const row: string[] = new Array(this._nc);
      for (let j = 0; j < this._nc; j++) {
        row[j] = displayValue(
          sh._cell(this._r + i, this._c + j),
          sh._format(this._r + i, this._c + j),
          ctx,
        );
      }
      out.push(row);
    }
    return this._rt.realm.value(out);
  }
  getDisplayValue(): string {
    const sh = this._sheet;
    return displayValue(
      sh._cell(this._r, this._c),
      sh._format(this._r, this._c),
      sh._book._display(),
    );
  }
  isBlank(): boolean {
    for (let i = 0; i < this._nr; i++)
      for (let j = 0; j < this._nc; j++) {
        if (this._sheet._cell(this._r + i, this._c + j) !== '') return false;
        if (this._sheet._formula(this._r + i, this._c + j)) return false;
      }
    return true;
  }

  setValues(values: unknown[][]): this {
    this._write(values, false);
    return this;
  }
  setValue(value: unknown): this {
    this._fill(value, false);
    return this;
  }
  getFormulas(): string[][] {
    return this._rt.realm.block(
      this._sheet._formulas,
      this._r - 1,
      this._c - 1,
      this._nr,
      this._nc,
    ) as string[][];
  }
  getFormula(): string {
    return this._sheet._formula(this._r, this._c) ?? '';
  }
  setFormula(formula: string): this {
    this._fill(formula, true);
    return this;
  }
  setFormulas(formulas: string[][]): this {
    this._write(formulas, true);
    return this;
  }

  /** Checks shape (rows first, then every row's width) before writing anything. */
  private _checkShape(values: unknown[][]): void {
    if (!Array.isArray(values)) fail(`Cannot convert ${String(values)} to Object[][].`);
    if (values.length !== this._nr) fail(MSG.rowsMismatch(values.length, this._nr));
    for (const row of values) {
      if (!Array.isArray(row)) fail(`Cannot convert ${String(row)} to Object[].`);
      if (row.length !== this._nc) fail(MSG.colsMismatch(row.length, this._nc));
    }
  }

  _write(values: unknown[][], asFormulas: boolean): void {
    this._checkShape(values);
    const sh = this._sheet;
    sh._book._checkEditable(sh, this._r, this._c, this._nr, this._nc);
    // Google refuses the whole write when one cell is too long: check before writing any.
    for (const row of values)
      for (const v of row)
        if (typeof v === 'string' && v.length > MAX_CELL_CHARS) fail(MSG.cellTooLong);
    sh._ensureRows(this._r + this._nr - 1);
    const zone = sh._book._zone();
    const r0 = this._r - 1;
    const c0 = this._c - 1;
    const checks = sh._validationCount > 0;
    if (checks) this._validate(values, asFormulas);
    for (let i = 0; i < this._nr; i++) {
      const src = values[i];
      const row = sh._rowOf(r0 + i);
      const fmts = sh._formats[r0 + i];
      const fx = sh._formulas[r0 + i];
      for (let j = 0; j < this._nc; j++) {
        const v = src[j];
        const c = c0 + j;
        const fmt = fmts === undefined ? undefined : fmts[c];
        if (typeof v === 'number' && !asFormulas) {
          // The common case (amounts, ids, serials) without the general path; a number under
          // a date format is a date serial.
          row[c] = !Number.isFinite(v)
            ? '#NUM!'
            : fmt !== undefined && isDateFormat(fmt)
              ? new Date(instantOfSerial(v, zone))
              : v;
          if (fx !== undefined && fx[c] !== undefined) fx[c] = undefined;
          continue;
        }
        if (!asFormulas) {
          // Plain text and dates without the general path (no per-cell result objects).
          const stored = fastStore(v, fmt);
          if (stored !== undefined) {
            row[c] = stored;
            if (fx !== undefined && fx[c] !== undefined) fx[c] = undefined;
            // A date lands in a cell that shows numbers: the cell becomes a date cell.
            if (typeof stored === 'object' && (fmt === undefined || !isDateFormat(fmt)))
              sh._setFormat(r0 + i, c, impliedDateFormat(stored.getTime(), zone));
            continue;
          }
        }
        const w =
          asFormulas && typeof v === 'string' && v !== '' && !v.startsWith('=')
            ? writeValue('=' + v, fmt, zone)
            : writeValue(v, fmt, zone);
        row[c] = w.value;
        if (w.formula !== undefined) sh._setFormula(r0 + i, c, w.formula);
        else if (fx !== undefined && fx[c] !== undefined) fx[c] = undefined;
        if (
          w.format !== undefined &&
          (fmt === undefined || (typeof w.value === 'object' && !isDateFormat(fmt)))
        )
          sh._setFormat(r0 + i, c, w.format);
      }
    }
    sh._touched();
  }

  private _fill(value: unknown, asFormula: boolean): void {
    const rows: unknown[][] = [];
    for (let i = 0; i < this._nr; i++) rows.push(new Array(this._nc).fill(value));
    this._write(rows, asFormula);
  }

  private _validate(values: unknown[][], asFormulas: boolean): void {
    const sh = this._sheet;
    const zone = sh._book._zone();
    const lists = new Map<ValidationSpec, Set<string>>();
    for (let i = 0; i < this._nr; i++)
      for (let j = 0; j < this._nc; j++) {
        const spec = sh._validation(this._r + i, this._c + j);
        if (!spec || spec.allowInvalid || asFormulas) continue;
        const w = writeValue(values[i][j], sh._format(this._r + i, this._c + j), zone);
        let allowed: Set<string> | undefined;
        if (spec.criteria === 'VALUE_IN_RANGE') {
          allowed = lists.get(spec);
          if (!allowed) {
            allowed = valuesOf(spec.args[0]);
            lists.set(spec, allowed);
          }
        }
        if (w.formula === undefined && violates(spec, w.value, allowed))
          fail(MSG.validation(a1Of(this._r + i, this._c + j, 1, 1)));
      }
  }

  clearContent(): this {
    this._sheet._clearRect(this._r, this._c, this._nr, this._nc, { contents: true });
    return this;
  }
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    const o = options ?? {};
    const all = !o.contentsOnly && !o.formatOnly && !o.validationsOnly;
    this._sheet._clearRect(this._r, this._c, this._nr, this._nc, {
      contents: all || Boolean(o.contentsOnly),
      formats: all || Boolean(o.formatOnly),
      validations: Boolean(o.validationsOnly),
    });
    return this;
  }
  clearFormat(): this {
    this._sheet._clearRect(this._r, this._c, this._nr, this._nc, { formats: true });
    return this;
  }
  clearDataValidations(): this {
    this._sheet._clearRect(this._r, this._c, this._nr, this._nc, { validations: true });
    return this;
  }

  // ---- number formats ----
  getNumberFormats(): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < this._nr; i++) {
      const row: string[] = new Array(this._nc);
      for (let j = 0; j < this._nc; j++)
        row[j] = this._sheet._numberFormatOf(this._r + i, this._c + j);
      out.push(row);
    }
    return this._rt.realm.value(out);
  }
  getNumberFormat(): string {
    return this._sheet._numberFormatOf(this._r, this._c);
  }
  setNumberFormat(format: string): this {
    const f = String(format);
    for (let i = 0; i < this._nr; i++)
      for (let j = 0; j < this._nc; j++) this._formatCell(this._r - 1 + i, this._c - 1 + j, f);
    return this;
  }
  /** Sets a number format; a value stored as number or date follows the new kind. */
  private _formatCell(r0: number, c0: number, format: string): void {
    const sh = this._sheet;
    sh._setFormat(r0, c0, format);
    const row = sh._values[r0];
    const v = row === undefined ? undefined : row[c0];
    if (v !== undefined && v !== '') row[c0] = reinterpret(v, format, sh._book._zone());
  }
  setNumberFormats(formats: string[][]): this {
    this._checkShape(formats);
    for (let i = 0; i < this._nr; i++)
      for (let j = 0; j < this._nc; j++)
        this._formatCell(this._r - 1 + i, this._c - 1 + j, String(formats[i][j]));
    return this;
  }

  // ---- data validation ----
  setDataValidation(rule: DataValidation | null): this {
    const spec = rule ? rule._spec : undefined;
    for (let i = 0; i < this._nr; i++)
      for (let j = 0; j < this._nc; j++)
        this._sheet._setValidation(this._r - 1 + i, this._c - 1 + j, spec);
    return this;
  }
  setDataValidations(rules: Array<Array<DataValidation | null>>): this {
    this._checkShape(rules);
    for (let i = 0; i < this._nr; i++)
      for (let j = 0; j < this._nc; j++) {
        const r = rules[i][j];
        this._sheet._setValidation(this._r - 1 + i, this._c - 1 + j, r ? r._spec : undefined);
      }
    return this;
  }
  getDataValidation(): DataValidation | null {
    const spec = this._sheet._validation(this._r, this._c);
    return spec ? new DataValidation(this._rt, spec) : null;
  }
  getDataValidations(): Array<Array<DataValidation | null>> {
    const out: Array<Array<DataValidation | null>> = [];
    for (let i = 0; i < this._nr; i++) {
      const row: Array<DataValidation | null> = [];
      for (let j = 0; j < this._nc; j++) {
        const spec: ValidationSpec | undefined = this._sheet._validation(this._r + i, this._c + j);
        row.push(spec ? new DataValidation(this._rt, spec) : null);
      }
      out.push(this._rt.realm.list(row));
    }
    return this._rt.realm.list(out);
  }
  insertCheckboxes(checked?: unknown, unchecked?: unknown): this {
    const spec: ValidationSpec = {
      criteria: 'CHECKBOX',
      args: checked === undefined ? [] : [checked, unchecked ?? ''],
      allowInvalid: false,
      helpText: null,
    };
    for (let i = 0; i < this._nr; i++)
      for (let j = 0; j < this._nc; j++) {
        this._sheet._setValidation(this._r - 1 + i, this._c - 1 + j, spec);
        this._sheet._rowOf(this._r - 1 + i)[this._c - 1 + j] =
          checked === undefined ? false : ((unchecked as Cell) ?? '');
      }
    this._sheet._touched();
    return this;
  }

  // ---- formatting (recorded, last write wins) ----
  private _style(prop: StyleProp, value: unknown): this {
    this._sheet._styles.push({ r: this._r, c: this._c, nr: this._nr, nc: this._nc, prop, value });
    return this;
  }
  private _styleOf(prop: StyleProp): unknown {
    return this._sheet._styleAt(this._r, this._c, prop);
  }
  setFontWeight(w: string | null): this {
    return this._style('fontWeight', w ?? 'normal');
  }
  getFontWeight(): string {
    return (this._styleOf('fontWeight') as string | undefined) ?? 'normal';
  }
  setFontStyle(s: string | null): this {
    return this._style('fontStyle', s ?? 'normal');
  }
  setFontColor(c: string | null): this {
    return this._style('fontColor', c ?? '#000000');
  }
  getFontColor(): string {
    return (this._styleOf('fontColor') as string | undefined) ?? '#000000';
  }
  setFontSize(n: number): this {
    return this._style('fontSize', n);
  }
  setFontFamily(f: string | null): this {
    return this._style('fontFamily', f);
  }
  setBackground(color: string | null): this {
    return this._style('background', color ?? '#ffffff');
  }
  getBackground(): string {
    return (this._styleOf('background') as string | undefined) ?? '#ffffff';
  }
  setBackgrounds(colors: string[][]): this {
    this._checkShape(colors);
    for (let i = 0; i < this._nr; i++)
      for (let j = 0; j < this._nc; j++)
        this._sheet._styles.push({
          r: this._r + i,
          c: this._c + j,
          nr: 1,
          nc: 1,
          prop: 'background',
          value: colors[i][j],
        });
    return this;
  }
  getBackgrounds(): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < this._nr; i++) {
      const row: string[] = [];
      for (let j = 0; j < this._nc; j++)
        row.push(
          (this._sheet._styleAt(this._r + i, this._c + j, 'background') as string | undefined) ??
            '#ffffff',
        );
      out.push(row);
    }
    return this._rt.realm.value(out);
  }
  setHorizontalAlignment(a: string | null): this {
    return this._style('horizontalAlignment', a);
  }
  setVerticalAlignment(a: string | null): this {
    return this._style('verticalAlignment', a);
  }
  setWrap(w: boolean): this {
    return this._style('wrap', w);
  }
  setWrapStrategy(s: unknown): this {
    return this._style('wrapStrategy', String(s));
  }
  setBorder(...args: unknown[]): this {
    return this._style(
      'border',
      args.map((a) => (a == null ? null : String(a))),
    );
  }
  setNote(note: string | null): this {
    return this._style('note', note ?? '');
  }
  getNote(): string {
    return (this._styleOf('note') as string | undefined) ?? '';
  }
  /** One call for a block's notes, as Google's batch form; '' where a cell has none. */
  getNotes(): string[][] {
    const out: string[][] = [];
    for (let i = 0; i < this._nr; i++) {
      const row: string[] = [];
      for (let j = 0; j < this._nc; j++) {
        const note = this._sheet._styleAt(this._r + i, this._c + j, 'note') as string | undefined;
        row.push(note ?? '');
      }
      out.push(row);
    }
    return out;
  }
  /** Sets every cell's note in one call; the grid must match the range like setValues. */
  setNotes(notes: unknown[][]): this {
    this._checkShape(notes);
    notes.forEach((row, i) =>
      row.forEach((note, j) =>
        this._sheet._styles.push({
          r: this._r + i,
          c: this._c + j,
          nr: 1,
          nc: 1,
          prop: 'note',
          value: note == null ? '' : String(note),
        }),
      ),
    );
    return this;
  }
  merge(): this {
    return this._style('merge', true);
  }
  breakApart(): this {
    return this._style('merge', false);
  }

  // ---- other ----
  /** A basic filter over this range (one per sheet: a second one throws, as in Google). */
  createFilter(): Filter {
    return this._sheet._createFilter(this);
  }
  protect(): Protection {
    return this._sheet._book._protect('RANGE', this);
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): this {
    const sh = this._sheet;
    const whole = sh._wholeRowsOrColumn(this);
    sh._book._addMeta(whole, key, valueOrVisibility, visibility);
    return this;
  }
  getDeveloperMetadata(): unknown[] {
    return this._sheet._book._metaFor(this._sheet._wholeRowsOrColumn(this));
  }
  sort(
    spec:
      | number
      | { column: number; ascending?: boolean }
      | Array<number | { column: number; ascending?: boolean }>,
  ): this {
    this._sheet._sortRect(this, Array.isArray(spec) ? spec : [spec]);
    return this;
  }
}
instrument(Range, 'Range');
