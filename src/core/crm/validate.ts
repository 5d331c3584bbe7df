/**
 * Field-level validation and normalisation of what people submit. A `Checker` collects every
 * problem of a request (so the form shows them all at once), each naming the field by its column
 * header in the user's language; `done()` throws one UserError carrying them all.
 */
import { UserError, type FieldProblem } from '../errors';
import { t, type MessageKey } from '../i18n';
import type { Kopecks } from '../money';
import type { ColumnDef, SheetDef } from '../workbook/schema';
import type { Day } from '../time';
import type { Lang, Manager, StageDef } from '../types';
import {
  normalizeEmail,
  normalizeInn,
  normalizePhone,
  parseAmount,
  parseDateText,
} from '../workbook/normalize';
import { safeCellText } from '../workbook/sanitize';
import { findStage, MAX_AMOUNT } from '../workbook/settings';

/** Sheets holds at most 50,000 characters in a cell. */
export const MAX_TEXT = 50_000;

/**
 * A text cut to what a cell holds, with a visible marker saying how much was cut: a long form
 * answer must still make a lead (the rest of it stays in the Log), not fail the whole response.
 */
export function cutToCell(text: string, lang: Lang, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  const marker = t(lang, 'crm.form.cut', { count: text.length - max });
  const keep = Math.max(0, max - marker.length - 1);
  return `${text.slice(0, keep)}…${marker}`;
}

export class Checker {
  readonly problems: FieldProblem[] = [];

  private readonly columns: readonly ColumnDef[];

  /**
   * Fields are named by the columns' headers (a sheet's, or any list of column definitions).
   * `maxAmount` is the Settings bound in roubles (default 10^12).
   */
  constructor(
    columns: SheetDef | readonly ColumnDef[],
    readonly lang: Lang,
    private readonly maxAmount: number = MAX_AMOUNT,
  ) {
    this.columns = 'columns' in columns ? columns.columns : columns;
  }

  /** The field's name as its column header reads in the user's language. */
  label(field: string): string {
    const c: ColumnDef | undefined = this.columns.find((x) => x.key === field);
    return c ? c[this.lang] : field;
  }

  add(field: string, key: MessageKey, params: Record<string, string | number> = {}): void {
    this.problems.push({ field, key, params: { field: this.label(field), ...params } });
  }

  has(field: string): boolean {
    return this.problems.some((p) => p.field === field);
  }

  text(field: string, value: unknown, required = false): string {
    // Outer spaces go; tabs and line breaks stay, so a text reads back exactly as typed.
    const raw = value === null || value === undefined ? '' : String(value);
    const text = raw.trim() ? raw.replace(/^[ \u00a0]+|[ \u00a0]+$/g, '') : '';
    if (!text && required) this.add(field, 'field.required');
    // The injection guard may add an apostrophe when writing: it counts against Sheets' limit.
    if (safeCellText(text).length > MAX_TEXT)
      this.add(field, 'crm.field.tooLong', { max: MAX_TEXT });
    return text;
  }

  phone(field: string, value: unknown, required = false): string {
    const text = this.text(field, value, required);
    if (!text) return '';
    const p = normalizePhone(text);
    if (!p) this.add(field, 'crm.field.phone', { value: text });
    return p ?? text;
  }

  email(field: string, value: unknown, required = false): string {
    const text = this.text(field, value, required);
    if (!text) return '';
    const e = normalizeEmail(text);
    if (!e) this.add(field, 'crm.field.email', { value: text });
    return e ?? text;
  }

  inn(field: string, value: unknown): string {
    const text = this.text(field, value);
    if (!text) return '';
    const inn = normalizeInn(text);
    if (!inn) {
      const digits = text.replace(/\D/g, '');
      this.add(
        field,
        digits.length === 10 || digits.length === 12 ? 'crm.field.innCheck' : 'crm.field.inn',
        { value: text },
      );
    }
    return inn ?? text;
  }

  /** Kopecks, or null when empty (and not required). Negative amounts are refused. */
  amount(field: string, value: unknown, required = false): Kopecks | null {
    if (value === null || value === undefined || (typeof value === 'string' && !value.trim())) {
      if (required) this.add(field, 'field.required');
      return null;
    }
    const k = parseAmount(value);
    if (k === null || k < 0) {
      this.add(field, 'crm.field.amount', { value: String(value) });
      return null;
    }
    // A typo (ten zeros too many) or an amount kopecks cannot hold exactly is refused, not stored.
    if (!Number.isSafeInteger(k) || k > Math.min(this.maxAmount, MAX_AMOUNT) * 100) {
      this.add(field, 'crm.field.amountTooLarge', {
        value: String(value),
        max: String(Math.min(this.maxAmount, MAX_AMOUNT)),
      });
      return null;
    }
    return k;
  }

  day(field: string, value: unknown, required = false): Day | null {
    if (value === null || value === undefined || (typeof value === 'string' && !value.trim())) {
      if (required) this.add(field, 'field.required');
      return null;
    }
    const parsed = typeof value === 'string' ? parseDateText(value) : null;
    if (!parsed) {
      this.add(field, 'crm.field.date', { value: String(value) });
      return null;
    }
    return parsed.day;
  }

  /** A manager's email that is on the Managers sheet (active unless `allowInactive`). */
  manager(field: string, value: unknown, managers: readonly Manager[], required = false): string {
    const email = this.email(field, value, required);
    if (!email || this.has(field)) return email;
    const m = managers.find((x) => x.email === email);
    if (!m) this.add(field, 'crm.field.unknownManager', { value: email });
    return email;
  }

  stage(field: string, value: unknown, stages: readonly StageDef[]): StageDef | null {
    const text = this.text(field, value, true);
    if (!text) return null;
    const s = findStage(stages, text);
    if (!s) this.add(field, 'crm.field.unknownStage', { value: text });
    return s ?? null;
  }

  /** Probability as a fraction from 0..1 or a percent 0..100; null clears. */
  probability(field: string, value: unknown): number | null {
    if (value === null || value === undefined || value === '') return null;
    const n =
      typeof value === 'number'
        ? value
        : Number(String(value).replace('%', '').replace(',', '.').trim());
    if (!Number.isFinite(n) || n < 0 || n > 100) {
      this.add(field, 'field.invalid', { value: String(value) });
      return null;
    }
    return n > 1 ? n / 100 : n;
  }

  currency(field: string, value: unknown): string {
    const text = this.text(field, value).toUpperCase();
    if (text && !/^[A-Z]{3}$/.test(text)) this.add(field, 'field.invalid', { value: text });
    return text;
  }

  /** Throws one UserError with every problem found, if any. */
  done(): void {
    if (this.problems.length) {
      const first = this.problems[0];
      throw new UserError(first.key, first.params ?? {}, this.problems);
    }
  }
}

/** Whether a deal in this stage must have an amount: from the funnel's second stage on, and won. */
export function amountRequired(stage: StageDef, stages: readonly StageDef[]): boolean {
  if (stage.kind === 'lost') return false;
  if (stage.kind === 'won') return true;
  const open = stages.filter((s) => s.kind === 'open');
  return open.length > 0 && stage.order > open[0].order;
}

/** Required fields of a record, by stage: what CRM completeness counts (sales-domain.md). */
export function requiredDealFields(
  stage: StageDef | undefined,
  stages: readonly StageDef[],
): string[] {
  const fields = ['clientId', 'title', 'manager', 'stage', 'need'];
  if (!stage) return fields;
  if (amountRequired(stage, stages)) fields.push('amount');
  if (stage.kind === 'open') fields.push('nextStep', 'nextStepDate');
  if (stage.kind === 'lost') fields.push('lostReason');
  return fields;
}

export const REQUIRED_CLIENT_FIELDS = ['id', 'name', 'manager', 'need'] as const;
