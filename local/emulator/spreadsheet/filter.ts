/**
 * A sheet's basic filter ("Data -> Create a filter"), as Apps Script exposes it: one per sheet,
 * created by Range.createFilter() and read by Sheet.getFilter()
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#createFilter(),
 * https://developers.google.com/apps-script/reference/spreadsheet/filter). The emulator records
 * the range and the criteria set per column; it hides no rows (getValues returns hidden rows in
 * Google too, so nothing the product reads depends on it).
 */
import { Svc, instrument, type Runtime } from '../runtime';
import type { Range } from './range';

export interface FilterSpec {
  r: number;
  c: number;
  nr: number;
  nc: number;
  /** Criteria by 1-based sheet column, as given. */
  criteria: Map<number, unknown>;
}

export class Filter extends Svc {
  constructor(
    rt: Runtime,
    readonly _spec: FilterSpec,
    private readonly _rangeOf: (s: FilterSpec) => Range,
    private readonly _drop: () => void,
  ) {
    super(rt);
  }
  getRange(): Range {
    return this._rangeOf(this._spec);
  }
  getColumnFilterCriteria(column: number): unknown {
    return this._spec.criteria.get(column) ?? null;
  }
  setColumnFilterCriteria(column: number, criteria: unknown): this {
    if (criteria === null) this._spec.criteria.delete(column);
    else this._spec.criteria.set(column, criteria);
    return this;
  }
  removeColumnFilterCriteria(column: number): this {
    this._spec.criteria.delete(column);
    return this;
  }
  remove(): void {
    this._drop();
  }
}
instrument(Filter, 'Filter');
