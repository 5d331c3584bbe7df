/** Embedded charts, recorded as specs (type, ranges, options, position). */
import { Svc, instrument, type Runtime } from '../runtime';
import type { RangeRef, Rangeish } from './refs';

export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  RADAR: 'RADAR',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const;

export interface ChartSpec {
  id: number;
  type: string;
  ranges: RangeRef[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
}

export class EmbeddedChart extends Svc {
  constructor(
    rt: Runtime,
    readonly _spec: ChartSpec,
    readonly _resolve: (r: RangeRef) => unknown,
  ) {
    super(rt);
  }
  getId(): string {
    return `chart-${this._spec.id}`;
  }
  getChartId(): number {
    return this._spec.id;
  }
  getType(): string {
    return this._spec.type;
  }
  getRanges(): unknown[] {
    return this._rt.realm.list(this._spec.ranges.map(this._resolve));
  }
  getOptions(): { get(key: string): unknown } {
    const o = this._spec.options;
    return { get: (k: string) => (k in o ? o[k] : null) };
  }
  getContainerInfo(): {
    getAnchorRow(): number;
    getAnchorColumn(): number;
    getOffsetX(): number;
    getOffsetY(): number;
  } {
    const p = this._spec.position;
    return {
      getAnchorRow: () => p.row,
      getAnchorColumn: () => p.column,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._rt, this._resolve, structuredClone(this._spec));
  }
}
instrument(EmbeddedChart, 'EmbeddedChart');

export class EmbeddedChartBuilder extends Svc {
  constructor(
    rt: Runtime,
    readonly _resolve: (r: RangeRef) => unknown,
    readonly _s: ChartSpec = {
      id: 0,
      type: 'COLUMN',
      ranges: [],
      options: {},
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    },
  ) {
    super(rt);
  }
  private _opt(k: string, v: unknown): this {
    this._s.options[k] = v;
    return this;
  }
  setChartType(type: string): this {
    this._s.type = String(type);
    return this;
  }
  asAreaChart(): this {
    return this.setChartType('AREA');
  }
  asBarChart(): this {
    return this.setChartType('BAR');
  }
  asColumnChart(): this {
    return this.setChartType('COLUMN');
  }
  asLineChart(): this {
    return this.setChartType('LINE');
  }
  asPieChart(): this {
    return this.setChartType('PIE');
  }
  asComboChart(): this {
    return this.setChartType('COMBO');
  }
  asTableChart(): this {
    return this.setChartType('TABLE');
  }
  addRange(range: Rangeish): this {
    this._s.ranges.push(range._ref());
    return this;
  }
  removeRange(range: Rangeish): this {
    const r = range._ref();
    this._s.ranges = this._s.ranges.filter((x) => x.sheet !== r.sheet || x.a1 !== r.a1);
    return this;
  }
  clearRanges(): this {
    this._s.ranges = [];
    return this;
  }
  getRanges(): unknown[] {
    return this._rt.realm.list(this._s.ranges.map(this._resolve));
  }
  getChartType(): string {
    return this._s.type;
  }
  setPosition(row: number, column: number, offsetX: number, offsetY: number): this {
    this._s.position = { row, column, offsetX, offsetY };
    return this;
  }
  setOption(key: string, value: unknown): this {
    return this._opt(key, structuredClone(value));
  }
  setTitle(title: string): this {
    return this._opt('title', title);
  }
  setLegendPosition(pos: unknown): this {
    return this._opt('legend.position', String(pos));
  }
  setStacked(): this {
    return this._opt('isStacked', true);
  }
  setXAxisTitle(t: string): this {
    return this._opt('hAxis.title', t);
  }
  setYAxisTitle(t: string): this {
    return this._opt('vAxis.title', t);
  }
  setColors(colors: string[]): this {
    return this._opt('colors', [...colors]);
  }
  setNumHeaders(n: number): this {
    return this._opt('numHeaders', n);
  }
  setMergeStrategy(s: unknown): this {
    return this._opt('mergeStrategy', String(s));
  }
  setTransposeRowsAndColumns(b: boolean): this {
    return this._opt('transposeRowsAndColumns', b);
  }
  setHiddenDimensionStrategy(s: unknown): this {
    return this._opt('hiddenDimensionStrategy', String(s));
  }
  build(): EmbeddedChart {
    return new EmbeddedChart(this._rt, structuredClone(this._s), this._resolve);
  }
}
instrument(EmbeddedChartBuilder, 'EmbeddedChartBuilder');
