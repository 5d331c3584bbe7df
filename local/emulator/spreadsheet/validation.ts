/** Data validation: the builder, the built rule, and the check Sheets applies on write. */
import { types } from 'node:util';
import { Svc, instrument, type Runtime } from '../runtime';
import type { Cell } from './values';

export const DataValidationCriteria = {
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
} as const;
export type CriteriaType = keyof typeof DataValidationCriteria;

/** An immutable validation rule as stored on cells. */
export interface ValidationSpec {
  readonly criteria: CriteriaType;
  readonly args: ReadonlyArray<unknown>;
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

export class DataValidation extends Svc {
  constructor(
    rt: Runtime,
    readonly _spec: ValidationSpec,
  ) {
    super(rt);
  }
  getCriteriaType(): CriteriaType {
    return this._spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this._rt.realm.value([...this._spec.args]);
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getHelpText(): string | null {
    return this._spec.helpText;
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this._rt, { ...this._spec });
  }
}
instrument(DataValidation, 'DataValidation');

export class DataValidationBuilder extends Svc {
  private _s: {
    criteria: CriteriaType | null;
    args: unknown[];
    allowInvalid: boolean;
    helpText: string | null;
  };
  constructor(rt: Runtime, from?: ValidationSpec) {
    super(rt);
    this._s = from
      ? {
          criteria: from.criteria,
          args: [...from.args],
          allowInvalid: from.allowInvalid,
          helpText: from.helpText,
        }
      : { criteria: null, args: [], allowInvalid: true, helpText: null };
  }
  private _set(criteria: CriteriaType, args: unknown[]): this {
    this._s.criteria = criteria;
    this._s.args = args;
    return this;
  }
  requireValueInList(values: string[], showDropdown?: boolean): this {
    return this._set('VALUE_IN_LIST', [[...values].map(String), showDropdown ?? true]);
  }
  requireValueInRange(range: unknown, showDropdown?: boolean): this {
    return this._set('VALUE_IN_RANGE', [range, showDropdown ?? true]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return this._set('CHECKBOX', checked === undefined ? [] : [checked, unchecked]);
  }
  requireNumberBetween(a: number, b: number): this {
    return this._set('NUMBER_BETWEEN', [a, b]);
  }
  requireNumberGreaterThan(a: number): this {
    return this._set('NUMBER_GREATER_THAN', [a]);
  }
  requireNumberGreaterThanOrEqualTo(a: number): this {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [a]);
  }
  requireNumberLessThanOrEqualTo(a: number): this {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [a]);
  }
  requireDate(): this {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireTextIsEmail(): this {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this._set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allow: boolean): this {
    this._s.allowInvalid = Boolean(allow);
    return this;
  }
  setHelpText(text: string): this {
    this._s.helpText = String(text);
    return this;
  }
  getCriteriaType(): CriteriaType | null {
    return this._s.criteria;
  }
  build(): DataValidation {
    if (!this._s.criteria) throw new Error('A data validation rule needs a criteria');
    return new DataValidation(this._rt, {
      criteria: this._s.criteria,
      args: [...this._s.args],
      allowInvalid: this._s.allowInvalid,
      helpText: this._s.helpText,
    });
  }
}
instrument(DataValidationBuilder, 'DataValidationBuilder');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** True when a rejecting rule (allowInvalid false) refuses this value. Empty is always fine. */
export function violates(
  spec: ValidationSpec,
  v: Cell,
  rangeValues?: ReadonlySet<string>,
): boolean {
  if (spec.allowInvalid || v === '') return false;
  const a = spec.args;
  switch (spec.criteria) {
    case 'VALUE_IN_LIST':
      return !(a[0] as string[]).includes(String(v));
    case 'VALUE_IN_RANGE':
      return rangeValues !== undefined && !rangeValues.has(String(v));
    case 'CHECKBOX':
      return a.length ? v !== a[0] && v !== a[1] : typeof v !== 'boolean';
    case 'NUMBER_BETWEEN':
      return typeof v !== 'number' || v < (a[0] as number) || v > (a[1] as number);
    case 'NUMBER_GREATER_THAN':
      return typeof v !== 'number' || v <= (a[0] as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof v !== 'number' || v < (a[0] as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return typeof v !== 'number' || v > (a[0] as number);
    case 'DATE_IS_VALID_DATE':
      return !types.isDate(v);
    case 'TEXT_IS_VALID_EMAIL':
      return !EMAIL.test(String(v));
    default:
      return false; // not evaluated by the emulator
  }
}
