/**
 * Things the emulator records but does not render: conditional format rules, charts,
 * protections. Their specs are plain data so tests can assert on them and save() can keep them.
 */
import { Svc, instrument, type Runtime } from '../runtime';

export interface RangeRef {
  sheet: string;
  a1: string;
}
export interface Rangeish {
  _ref(): RangeRef;
}

// ---- Conditional format rules ----------------------------------------------------------------

export interface ConditionalRuleSpec {
  condition: { type: string; args: unknown[] } | null;
  format: Record<string, unknown>;
  ranges: RangeRef[];
}

export class ConditionalFormatRule extends Svc {
  constructor(
    rt: Runtime,
    readonly _spec: ConditionalRuleSpec,
    private readonly _resolve: (r: RangeRef) => unknown,
  ) {
    super(rt);
  }
  getRanges(): unknown[] {
    return this._rt.realm.list(this._spec.ranges.map(this._resolve));
  }
  getBooleanCondition(): { getCriteriaType(): string; getCriteriaValues(): unknown[] } | null {
    const c = this._spec.condition;
    if (!c) return null;
    return { getCriteriaType: () => c.type, getCriteriaValues: () => [...c.args] };
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this._rt, this._resolve, structuredClone(this._spec));
  }
}
instrument(ConditionalFormatRule, 'ConditionalFormatRule');

export class ConditionalFormatRuleBuilder extends Svc {
  private readonly _s: ConditionalRuleSpec;
  constructor(
    rt: Runtime,
    private readonly _resolve: (r: RangeRef) => unknown,
    from?: ConditionalRuleSpec,
  ) {
    super(rt);
    this._s = from ?? { condition: null, format: {}, ranges: [] };
  }
  private _when(type: string, args: unknown[]): this {
    this._s.condition = { type, args };
    return this;
  }
  private _fmt(key: string, v: unknown): this {
    this._s.format[key] = v;
    return this;
  }
  whenCellEmpty(): this {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this._when('CELL_NOT_EMPTY', []);
  }
  whenFormulaSatisfied(formula: string): this {
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenTextContains(text: string): this {
    return this._when('TEXT_CONTAINS', [text]);
  }
  whenTextEqualTo(text: string): this {
    return this._when('TEXT_EQUAL_TO', [text]);
  }
  whenNumberGreaterThan(n: number): this {
    return this._when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): this {
    return this._when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberBetween(a: number, b: number): this {
    return this._when('NUMBER_BETWEEN', [a, b]);
  }
  whenNumberEqualTo(n: number): this {
    return this._when('NUMBER_EQUAL_TO', [n]);
  }
  whenDateBefore(d: unknown): this {
    return this._when('DATE_BEFORE', [d]);
  }
  whenDateAfter(d: unknown): this {
    return this._when('DATE_AFTER', [d]);
  }
  setBackground(color: string | null): this {
    return this._fmt('background', color);
  }
  setFontColor(color: string | null): this {
    return this._fmt('fontColor', color);
  }
  setBold(b: boolean | null): this {
    return this._fmt('bold', b);
  }
  setItalic(b: boolean | null): this {
    return this._fmt('italic', b);
  }
  setStrikethrough(b: boolean | null): this {
    return this._fmt('strikethrough', b);
  }
  setUnderline(b: boolean | null): this {
    return this._fmt('underline', b);
  }
  setRanges(ranges: Rangeish[]): this {
    this._s.ranges = ranges.map((r) => r._ref());
    return this;
  }
  getRanges(): unknown[] {
    return this._rt.realm.list(this._s.ranges.map(this._resolve));
  }
  build(): ConditionalFormatRule {
    return new ConditionalFormatRule(this._rt, structuredClone(this._s), this._resolve);
  }
}
instrument(ConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder');

// ---- Charts -----------------------------------------------------------------------------------

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

// ---- Protection -------------------------------------------------------------------------------

export interface ProtectionSpec {
  type: 'SHEET' | 'RANGE';
  range: RangeRef;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
}

export class Protection extends Svc {
  constructor(
    rt: Runtime,
    readonly _spec: ProtectionSpec,
    private readonly _remove: (p: ProtectionSpec) => void,
    private readonly _resolve: (r: RangeRef) => unknown,
  ) {
    super(rt);
  }
  getProtectionType(): string {
    return this._spec.type;
  }
  getRange(): unknown {
    return this._resolve(this._spec.range);
  }
  getDescription(): string {
    return this._spec.description;
  }
  setDescription(d: string): this {
    this._spec.description = String(d);
    return this;
  }
  isWarningOnly(): boolean {
    return this._spec.warningOnly;
  }
  setWarningOnly(w: boolean): this {
    this._spec.warningOnly = Boolean(w);
    return this;
  }
  addEditor(email: string | { getEmail(): string }): this {
    const e = typeof email === 'string' ? email : email.getEmail();
    if (!this._spec.editors.includes(e)) this._spec.editors.push(e);
    return this;
  }
  addEditors(emails: string[]): this {
    for (const e of emails) if (!this._spec.editors.includes(e)) this._spec.editors.push(e);
    return this;
  }
  removeEditor(email: string | { getEmail(): string }): this {
    const e = typeof email === 'string' ? email : email.getEmail();
    this._spec.editors = this._spec.editors.filter((x) => x !== e);
    return this;
  }
  removeEditors(emails: Array<string | { getEmail(): string }>): this {
    const drop = emails.map((e) => (typeof e === 'string' ? e : e.getEmail()));
    this._spec.editors = this._spec.editors.filter((x) => !drop.includes(x));
    return this;
  }
  getEditors(): Array<{ getEmail(): string }> {
    return this._rt.realm.list(this._spec.editors.map((e) => ({ getEmail: () => e })));
  }
  setDomainEdit(b: boolean): this {
    this._spec.domainEdit = Boolean(b);
    return this;
  }
  canDomainEdit(): boolean {
    return this._spec.domainEdit;
  }
  canEdit(): boolean {
    return true;
  }
  remove(): void {
    this._remove(this._spec);
  }
}
instrument(Protection, 'Protection');
