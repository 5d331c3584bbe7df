/** Conditional format rules: built and stored as plain specs (not rendered). */
import { Svc, instrument, type Runtime } from '../runtime';
import type { RangeRef, Rangeish } from './refs';

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
