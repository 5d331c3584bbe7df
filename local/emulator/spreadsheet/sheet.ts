/**
 * Sheet: owns its cells as arrays of rows (values, formulas, number formats, validations, each
 * allocated only where used) and the grid size. Ranges are views into it.
 */
import { MSG, fail } from '../errors';
import { Svc, instrument } from '../runtime';
import { parseA1 } from './a1';
import type { MetaRecord } from './metadata';
import { deleteCols, deleteRows, insertCols, insertRows, sortRect } from './grid-edit';
import { Range } from './range';
import { EmbeddedChart, EmbeddedChartBuilder, type ChartSpec } from './charts';
import { ConditionalFormatRule, type ConditionalRuleSpec } from './conditional';
import { Filter, type FilterSpec } from './filter';
import type { Protection } from './protection';
import type { Spreadsheet } from './spreadsheet';
import type { ValidationSpec } from './validation';
import { PLAIN_TEXT, type Cell } from './values';

export type StyleProp =
  | 'fontWeight'
  | 'fontStyle'
  | 'fontColor'
  | 'fontSize'
  | 'fontFamily'
  | 'background'
  | 'horizontalAlignment'
  | 'verticalAlignment'
  | 'wrap'
  | 'wrapStrategy'
  | 'border'
  | 'note'
  | 'merge';

export interface StyleOp {
  r: number;
  c: number;
  nr: number;
  nc: number;
  prop: StyleProp;
  value: unknown;
}

type Row<T> = Array<T | undefined>;

export const DEFAULT_NUMBER_FORMAT = '0.###############';

type SheetApi = Pick<
  GoogleAppsScript.Spreadsheet.Sheet,
  | 'getName'
  | 'getSheetName'
  | 'getSheetId'
  | 'getIndex'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'getFrozenRows'
  | 'getFrozenColumns'
  | 'setFrozenRows'
  | 'setFrozenColumns'
  | 'isSheetHidden'
  | 'insertRows'
  | 'insertColumns'
  | 'deleteRows'
  | 'deleteColumns'
  | 'getColumnWidth'
>;

export class Sheet extends Svc implements SheetApi {
  _values: Cell[][] = [];
  _formulas: Array<Row<string> | undefined> = [];
  _formats: Array<Row<string> | undefined> = [];
  _validations: Array<Row<ValidationSpec> | undefined> = [];
  _validationCount = 0;
  _styles: StyleOp[] = [];
  _conditional: ConditionalRuleSpec[] = [];
  _charts: ChartSpec[] = [];
  _frozenRows = 0;
  _frozenCols = 0;
  _tabColor: string | null = null;
  _hidden = false;
  _columnWidths = new Map<number, number>();
  _deleted = false;
  private _lastColCache = -1;

  constructor(
    readonly _book: Spreadsheet,
    public _name: string,
    readonly _id: number,
    public _maxRows = 1000,
    public _maxCols = 26,
  ) {
    super(_book._rt);
  }

  // ---- internal cell access (not counted) ----
  _cell(r: number, c: number): Cell {
    const row = this._values[r - 1];
    if (row === undefined) return '';
    const v = row[c - 1];
    return v === undefined ? '' : v;
  }
  _formula(r: number, c: number): string | undefined {
    const row = this._formulas[r - 1];
    return row === undefined ? undefined : row[c - 1];
  }
  _format(r: number, c: number): string | undefined {
    const row = this._formats[r - 1];
    return row === undefined ? undefined : row[c - 1];
  }
  _numberFormatOf(r: number, c: number): string {
    return this._format(r, c) ?? DEFAULT_NUMBER_FORMAT;
  }
  _validation(r: number, c: number): ValidationSpec | undefined {
    const row = this._validations[r - 1];
    return row === undefined ? undefined : row[c - 1];
  }
  _rowOf(r0: number): Cell[] {
    let row = this._values[r0];
    if (row === undefined) {
      for (let i = this._values.length; i < r0; i++)
        if (this._values[i] === undefined) this._values[i] = [];
      row = [];
      this._values[r0] = row;
    }
    return row;
  }
  _ensureRows(lastRow: number): void {
    while (this._values.length < lastRow) this._values.push([]);
  }
  _setFormula(r0: number, c0: number, f: string | undefined): void {
    let row = this._formulas[r0];
    if (row === undefined) {
      if (f === undefined) return;
      row = [];
      this._formulas[r0] = row;
    }
    row[c0] = f;
  }
  _setFormat(r0: number, c0: number, f: string | undefined): void {
    let row = this._formats[r0];
    if (row === undefined) {
      if (f === undefined) return;
      row = [];
      this._formats[r0] = row;
    }
    row[c0] = f;
  }
  _setValidation(r0: number, c0: number, spec: ValidationSpec | undefined): void {
    let row = this._validations[r0];
    if (row === undefined) {
      if (spec === undefined) return;
      row = [];
      this._validations[r0] = row;
    }
    if (row[c0] !== undefined) this._validationCount--;
    if (spec !== undefined) this._validationCount++;
    row[c0] = spec;
  }
  _styleAt(r: number, c: number, prop: StyleProp): unknown {
    for (let i = this._styles.length - 1; i >= 0; i--) {
      const s = this._styles[i];
      if (s.prop === prop && r >= s.r && r < s.r + s.nr && c >= s.c && c < s.c + s.nc)
        return s.value;
    }
    return undefined;
  }
  _touched(): void {
    this._lastColCache = -1;
  }
  _isPlainText(r: number, c: number): boolean {
    return this._format(r, c) === PLAIN_TEXT;
  }

  _range(row: number, col: number, numRows: number, numCols: number): Range {
    if (this._deleted) fail(MSG.sheetDeleted);
    if (!Number.isFinite(row) || !Number.isFinite(col)) fail(MSG.rangeOutOfBounds);
    if (numRows < 1) fail(MSG.rowsAtLeastOne);
    if (numCols < 1) fail(MSG.colsAtLeastOne);
    if (row < 1) fail(MSG.rowTooSmall);
    if (col < 1) fail(MSG.columnTooSmall);
    if (row + numRows - 1 > this._maxRows || col + numCols - 1 > this._maxCols)
      fail(MSG.outOfBounds);
    return new Range(
      this,
      Math.floor(row),
      Math.floor(col),
      Math.floor(numRows),
      Math.floor(numCols),
    );
  }

  _rangeA1(a1: string): Range {
    const ref = parseA1(a1);
    if (!ref) fail(MSG.invalidA1(a1));
    const row = ref.row ?? 1;
    const col = ref.col ?? 1;
    const lastRow = ref.lastRow ?? this._maxRows;
    const lastCol = ref.lastCol ?? this._maxCols;
    return this._range(row, col, lastRow - row + 1, lastCol - col + 1);
  }

  _lastRow(): number {
    const v = this._values;
    let n = v.length;
    while (n > 0 && this._rowEmpty(n - 1)) n--;
    if (n < v.length) v.length = n;
    return n;
  }
  private _rowEmpty(r0: number): boolean {
    const row = this._values[r0];
    const fx = this._formulas[r0];
    if (fx !== undefined && fx.some((f) => f !== undefined)) return false;
    if (row === undefined) return true;
    for (let j = 0; j < row.length; j++) if (row[j] !== '' && row[j] !== undefined) return false;
    return true;
  }
  _lastColumn(): number {
    if (this._lastColCache >= 0) return this._lastColCache;
    let last = 0;
    for (const row of this._values) {
      if (row === undefined) continue;
      for (let j = row.length - 1; j >= last; j--) {
        if (row[j] !== '' && row[j] !== undefined) {
          last = j + 1;
          break;
        }
      }
    }
    for (const row of this._formulas)
      if (row !== undefined)
        for (let j = row.length - 1; j >= last; j--)
          if (row[j] !== undefined) {
            last = j + 1;
            break;
          }
    this._lastColCache = last;
    return last;
  }

  _clearRect(
    r: number,
    c: number,
    nr: number,
    nc: number,
    what: { contents?: boolean; formats?: boolean; validations?: boolean },
  ): void {
    this._book._checkEditable(this, r, c, nr, nc);
    for (let i = r - 1; i < r - 1 + nr; i++) {
      for (let j = c - 1; j < c - 1 + nc; j++) {
        if (what.contents) {
          const row = this._values[i];
          if (row !== undefined && j < row.length) row[j] = '';
          this._setFormula(i, j, undefined);
        }
        if (what.formats) this._setFormat(i, j, undefined);
        if (what.validations) this._setValidation(i, j, undefined);
      }
    }
    if (what.formats)
      this._styles = this._styles.filter(
        (s) => !(s.r >= r && s.c >= c && s.r + s.nr <= r + nr && s.c + s.nc <= c + nc),
      );
    this._touched();
  }

  /** The metadata location of a range: whole rows, whole columns or (otherwise) the sheet. */
  _wholeRowsOrColumn(range: Range): MetaRecord['location'] {
    if (range._c === 1 && range._nc === this._maxCols && range._nr === 1)
      return { type: 'ROW', sheetId: this._id, index: range._r };
    if (range._r === 1 && range._nr === this._maxRows && range._nc === 1)
      return { type: 'COLUMN', sheetId: this._id, index: range._c };
    fail(
      'Adding developer metadata to arbitrary ranges is not supported; use whole rows or columns.',
    );
  }

  _sortRect(range: Range, specs: Array<number | { column: number; ascending?: boolean }>): void {
    sortRect(this, range, specs);
  }
  _insertRows(at0: number, n: number): void {
    insertRows(this, at0, n);
  }
  _deleteRows(at0: number, n: number): void {
    deleteRows(this, at0, n);
  }
  _insertCols(at0: number, n: number): void {
    insertCols(this, at0, n);
  }
  _deleteCols(at0: number, n: number): void {
    deleteCols(this, at0, n);
  }

  // ---- public API ----
  getName(): string {
    return this._name;
  }
  setName(name: string): this {
    this._book._renameSheet(this, String(name));
    return this;
  }
  getSheetName(): string {
    return this._name;
  }
  getSheetId(): number {
    return this._id;
  }
  getIndex(): number {
    return this._book._sheets.indexOf(this) + 1;
  }
  getParent(): Spreadsheet {
    return this._book;
  }
  activate(): this {
    this._book._active = this;
    return this;
  }
  getRange(a: number | string, col?: number, numRows?: number, numCols?: number): Range {
    if (typeof a === 'string') return this._rangeA1(a);
    return this._range(a, col as number, numRows ?? 1, numCols ?? 1);
  }
  getDataRange(): Range {
    return this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastColumn()));
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastColumn();
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxCols;
  }
  insertRowsBefore(before: number, howMany: number): this {
    this._insertRows(before - 1, howMany);
    return this;
  }
  insertRowsAfter(after: number, howMany: number): this {
    this._insertRows(after, howMany);
    return this;
  }
  insertRowBefore(before: number): this {
    return this.insertRowsBefore(before, 1);
  }
  insertRowAfter(after: number): this {
    return this.insertRowsAfter(after, 1);
  }
  insertRows(rowIndex: number, numRows?: number): void {
    this._insertRows(rowIndex - 1, numRows ?? 1);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || rowPosition + howMany - 1 > this._maxRows) fail(MSG.outOfBounds);
    if (howMany >= this._maxRows) fail("You can't delete all the rows on the sheet.");
    this._deleteRows(rowPosition - 1, howMany);
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  insertColumnsBefore(before: number, howMany: number): this {
    this._insertCols(before - 1, howMany);
    return this;
  }
  insertColumnsAfter(after: number, howMany: number): this {
    this._insertCols(after, howMany);
    return this;
  }
  insertColumns(columnIndex: number, numColumns?: number): void {
    this._insertCols(columnIndex - 1, numColumns ?? 1);
  }
  insertColumnBefore(before: number): this {
    return this.insertColumnsBefore(before, 1);
  }
  insertColumnAfter(after: number): this {
    return this.insertColumnsAfter(after, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || columnPosition + howMany - 1 > this._maxCols) fail(MSG.outOfBounds);
    if (howMany >= this._maxCols) fail("You can't delete all the columns on the sheet.");
    this._deleteCols(columnPosition - 1, howMany);
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents) || rowContents.length === 0)
      fail(
        "The parameters (number[]) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    const r = this._lastRow() + 1;
    if (r > this._maxRows) this._maxRows = r;
    if (rowContents.length > this._maxCols) this._maxCols = rowContents.length;
    new Range(this, r, 1, 1, rowContents.length).setValues([rowContents]);
    return this;
  }
  setFrozenRows(rows: number): void {
    this._frozenRows = rows;
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }
  setFrozenColumns(cols: number): void {
    this._frozenCols = cols;
  }
  getFrozenColumns(): number {
    return this._frozenCols;
  }
  setTabColor(color: string | null): this {
    this._tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this._tabColor;
  }
  hideSheet(): this {
    if (this._book._sheets.filter((s) => !s._hidden).length <= 1)
      fail("You can't hide all the sheets in a document.");
    this._hidden = true;
    return this;
  }
  showSheet(): this {
    this._hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  setColumnWidth(col: number, width: number): this {
    this._columnWidths.set(col, width);
    return this;
  }
  setColumnWidths(start: number, n: number, width: number): this {
    for (let c = start; c < start + n; c++) this._columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(col: number): number {
    return this._columnWidths.get(col) ?? 100;
  }
  autoResizeColumns(_start: number, _n: number): this {
    return this;
  }
  autoResizeColumn(_col: number): this {
    return this;
  }
  setRowHeight(_row: number, _h: number): this {
    return this;
  }
  hideColumns(_col: number, _n?: number): void {}
  showColumns(_col: number, _n?: number): void {}
  hideRows(_row: number, _n?: number): void {}
  showRows(_row: number, _n?: number): void {}
  protect(): Protection {
    return this._book._protect('SHEET', this._range(1, 1, this._maxRows, this._maxCols));
  }
  getProtections(type: string): Protection[] {
    return this._book._protections(String(type), this);
  }
  /** The sheet's basic filter (spreadsheet/filter.ts); at most one. */
  _filter: FilterSpec | null = null;
  getFilter(): Filter | null {
    return this._filter ? this._filterOf(this._filter) : null;
  }
  _createFilter(range: Range): Filter {
    if (this._filter) fail(MSG.filterExists);
    this._filter = { r: range._r, c: range._c, nr: range._nr, nc: range._nc, criteria: new Map() };
    return this._filterOf(this._filter);
  }
  private _filterOf(spec: FilterSpec): Filter {
    return new Filter(
      this._rt,
      spec,
      (s) => this._range(s.r, s.c, s.nr, s.nc),
      () => {
        if (this._filter === spec) this._filter = null;
      },
    );
  }
  clear(): this {
    this._values = [];
    this._formulas = [];
    this._formats = [];
    this._styles = [];
    this._touched();
    return this;
  }
  clearContents(): this {
    this._values = [];
    this._formulas = [];
    this._touched();
    return this;
  }
  clearFormats(): this {
    this._formats = [];
    this._styles = [];
    return this;
  }
  clearNotes(): this {
    this._styles = this._styles.filter((s) => s.prop !== 'note');
    return this;
  }
  sort(column: number, ascending?: boolean): this {
    const last = this._lastRow();
    const first = this._frozenRows + 1;
    if (last >= first)
      this._sortRect(this._range(first, 1, last - first + 1, Math.max(1, this._lastColumn())), [
        { column, ascending: ascending ?? true },
      ]);
    return this;
  }
  getConditionalFormatRules(): ConditionalFormatRule[] {
    return this._rt.realm.list(
      this._conditional.map(
        (s) => new ConditionalFormatRule(this._rt, structuredClone(s), this._book._resolve),
      ),
    );
  }
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this._conditional = [...rules].map((r) => structuredClone(r._spec));
  }
  clearConditionalFormatRules(): void {
    this._conditional = [];
  }
  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._rt, this._book._resolve);
  }
  insertChart(chart: EmbeddedChart): void {
    const spec = structuredClone(chart._spec);
    spec.id = this._book._nextChartId();
    this._charts.push(spec);
  }
  updateChart(chart: EmbeddedChart): void {
    const i = this._charts.findIndex((c) => c.id === chart._spec.id);
    if (i < 0) fail('The chart does not exist on this sheet.');
    this._charts[i] = structuredClone(chart._spec);
  }
  removeChart(chart: EmbeddedChart): void {
    this._charts = this._charts.filter((c) => c.id !== chart._spec.id);
  }
  getCharts(): EmbeddedChart[] {
    return this._rt.realm.list(
      this._charts.map((s) => new EmbeddedChart(this._rt, structuredClone(s), this._book._resolve)),
    );
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown): this {
    this._book._addMeta(
      { type: 'SHEET', sheetId: this._id, index: null },
      key,
      valueOrVisibility,
      visibility,
    );
    return this;
  }
  getDeveloperMetadata(): unknown[] {
    return this._book._metaFor({ type: 'SHEET', sheetId: this._id, index: null });
  }
  createDeveloperMetadataFinder(): unknown {
    return this._book._finder((m) => m.location.sheetId === this._id);
  }
  getType(): string {
    return 'GRID';
  }
  getFormUrl(): string | null {
    return null;
  }
}
instrument(Sheet, 'Sheet');
