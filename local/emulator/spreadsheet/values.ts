/**
 * Cell values: what a write stores (USER_ENTERED parsing, as if typed into the cell), what
 * getDisplayValues shows (number formats), and date <-> serial conversion. Dates are stored as
 * host `Date` objects (the only object type in a grid), every other value as a primitive;
 * '' is an empty cell.
 */
import { types } from 'node:util';
import { formatDate } from '../format-date';
import { fail, MSG } from '../errors';
import { localFields, zoneInfo, type ZoneInfo } from '../zone';
import { typedFormula } from './typed-formula';

export type Cell = string | number | boolean | Date;

export const PLAIN_TEXT = '@';
export const DATE_FORMAT = 'dd.MM.yyyy';
export const DATETIME_FORMAT = 'dd.MM.yyyy H:mm:ss';
export const TIME_FORMAT = 'H:mm:ss';

const DAY = 86_400_000;
const SERIAL_EPOCH = 25569; // 1970-01-01 as a Sheets/Excel serial

/** Sheets serial number (days since 1899-12-30, wall time in the zone) of an instant. */
export function serialOf(ms: number, zone: ZoneInfo): number {
  return (ms + zone.offsetMs(ms)) / DAY + SERIAL_EPOCH;
}

export function instantOfSerial(serial: number, zone: ZoneInfo): number {
  return zone.fromLocal(Math.round((serial - SERIAL_EPOCH) * DAY));
}

/** The result of writing one input value into a cell. */
export interface Written {
  value: Cell;
  formula: string | undefined;
  /** A number format the write implies (typing a date formats the cell as a date). */
  format: string | undefined;
}

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*%$/;
const DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function dateFrom(
  zone: ZoneInfo,
  y: number,
  m: number,
  d: number,
  hh?: string,
  mm?: string,
  ss?: string,
): Written | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const wall = Date.UTC(y, m - 1, d, Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0));
  const check = new Date(wall);
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  if (Number(hh ?? 0) > 23 || Number(mm ?? 0) > 59 || Number(ss ?? 0) > 59) return null;
  return {
    value: new Date(zone.fromLocal(wall)),
    formula: undefined,
    format: hh === undefined ? DATE_FORMAT : DATETIME_FORMAT,
  };
}

/** The format Sheets gives a cell a Date object is written to: a date, or date and time. */
export function impliedDateFormat(ms: number, zone: ZoneInfo): string {
  const f = localFields(ms, zone);
  return f.hour === 0 && f.minute === 0 && f.second === 0 && f.ms === 0
    ? DATE_FORMAT
    : DATETIME_FORMAT;
}

/** Sheets refuses longer cell contents ("Your input contains more than the maximum of 50000
 * characters in a single cell.", https://support.google.com/drive/answer/37603). */
export const MAX_CELL_CHARS = 50_000;

/** What typing `text` into a cell with number format `format` stores (spreadsheet locale ru_RU). */
export function parseTyped(text: string, format: string | undefined, zone: ZoneInfo): Written {
  if (text.length > MAX_CELL_CHARS) fail(MSG.cellTooLong);
  if (format === PLAIN_TEXT) return { value: text, formula: undefined, format: undefined };
  if (text.length === 0) return { value: '', formula: undefined, format: undefined };
  const c = text.charCodeAt(0);
  if (c === 39 /* ' */) return { value: text.slice(1), formula: undefined, format: undefined };
  if (c === 61 /* = */ && text.length > 1)
    return { value: evaluateTrivial(text), formula: text, format: undefined };
  // Text starting with a letter is by far the most common: skip the patterns.
  const isDigitish =
    (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 44 || c === 32;
  if (!isDigitish) {
    const upper = text.length <= 5 ? text.toUpperCase() : '';
    if (upper === 'TRUE') return { value: true, formula: undefined, format: undefined };
    if (upper === 'FALSE') return { value: false, formula: undefined, format: undefined };
    return { value: text, formula: undefined, format: undefined };
  }
  const s = text.trim();
  if (NUMBER.test(s))
    return { value: Number(s.replace(',', '.')), formula: undefined, format: undefined };
  let m = PERCENT.exec(s);
  if (m) {
    const n = Number(m[1].replace(',', '.'));
    return { value: n / 100, formula: undefined, format: Number.isInteger(n) ? '0%' : '0.00%' };
  }
  m = DMY.exec(s);
  if (m) {
    const y =
      m[3].length === 2 ? 2000 + Number(m[3]) - (Number(m[3]) >= 30 ? 100 : 0) : Number(m[3]);
    const w = dateFrom(zone, y, Number(m[2]), Number(m[1]), m[4], m[5], m[6]);
    if (w) return w;
  }
  m = YMD.exec(s);
  if (m) {
    const w = dateFrom(zone, Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6]);
    if (w) return w;
  }
  m = TIME.exec(s);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60 && Number(m[3] ?? 0) < 60) {
    const w = dateFrom(zone, 1899, 12, 30, m[1], m[2], m[3]);
    if (w) return { ...w, format: TIME_FORMAT };
  }
  if (c === 43 /* + */ || c === 45 /* - */) {
    const f = typedFormula(text);
    if (f) return { value: f.value, formula: f.formula, format: undefined };
  }
  return { value: text, formula: undefined, format: undefined };
}

/** Formulas are not calculated, except literals and HYPERLINK's label: others read ''. */
function evaluateTrivial(formula: string): Cell {
  const body = formula.slice(1).trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(body)) return Number(body);
  let m = /^"((?:[^"]|"")*)"$/.exec(body);
  if (m) return m[1].replace(/""/g, '"');
  m = /^HYPERLINK\(\s*"(?:[^"]|"")*"\s*[;,]\s*"((?:[^"]|"")*)"\s*\)$/i.exec(body);
  if (m) return m[1].replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(body)) return body.toUpperCase() === 'TRUE';
  return '';
}

/**
 * The stored value for the common inputs that need no parsing (text starting with a letter,
 * booleans, Dates), or undefined to take the general path. Allocates nothing for text.
 */
export function fastStore(v: unknown, format: string | undefined): Cell | undefined {
  if (typeof v === 'string') {
    if (v.length === 0) return '';
    if (v.length > MAX_CELL_CHARS) return undefined;
    const c = v.charCodeAt(0);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
    if (!letter || format === PLAIN_TEXT) return format === PLAIN_TEXT ? v : undefined;
    // Maybe TRUE / FALSE (any case): the general path decides.
    if ((v.length === 4 || v.length === 5) && (c | 32) !== 116 && (c | 32) !== 102) return v;
    if (v.length === 4 || v.length === 5) return undefined;
    return v;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v === 'object' && v !== null && format !== PLAIN_TEXT && types.isDate(v)) {
    const t = (v as Date).getTime();
    return Number.isNaN(t) ? '' : new Date(t);
  }
  return undefined;
}

/** A value from script code, as a cell stores it when written with USER_ENTERED semantics. */
export function writeValue(v: unknown, format: string | undefined, zone: ZoneInfo): Written {
  switch (typeof v) {
    case 'string':
      return parseTyped(v, format, zone);
    case 'number':
      return {
        value: Number.isFinite(v) ? v : '#NUM!',
        formula: undefined,
        format: undefined,
      };
    case 'boolean':
      return { value: v, formula: undefined, format: undefined };
    case 'undefined':
      return { value: '', formula: undefined, format: undefined };
    case 'object':
      if (v === null) return { value: '', formula: undefined, format: undefined };
      if (types.isDate(v)) {
        const t = (v as Date).getTime();
        if (Number.isNaN(t)) return { value: '', formula: undefined, format: undefined };
        if (format === PLAIN_TEXT)
          return { value: String(v), formula: undefined, format: undefined };
        return { value: new Date(t), formula: undefined, format: impliedDateFormat(t, zone) };
      }
      return parseTyped(String(v), format, zone);
    default:
      return parseTyped(String(v), format, zone);
  }
}

// ---- Display -------------------------------------------------------------------------------

const DATE_TOKENS = /[dy]|[hH]{1,2}|ss|mmm/;

const dateFormats = new Map<string, boolean>();

/** True for number formats that show a date or time (cached: called per cell). */
export function isDateFormat(format: string): boolean {
  let yes = dateFormats.get(format);
  if (yes === undefined) {
    yes = format !== PLAIN_TEXT && DATE_TOKENS.test(format.replace(/"[^"]*"|\\./g, ''));
    dateFormats.set(format, yes);
  }
  return yes;
}

/**
 * A cell's value after its number format changed: Sheets stores dates as serial numbers, so a
 * number under a date format reads as a Date and a date under a number format reads as its
 * serial.
 */
export function reinterpret(v: Cell, format: string, zone: ZoneInfo): Cell {
  if (typeof v === 'number' && isDateFormat(format)) return new Date(instantOfSerial(v, zone));
  if (typeof v === 'object' && format !== PLAIN_TEXT && !isDateFormat(format))
    return serialOf(v.getTime(), zone);
  return v;
}

/** Sheets date format ("dd.mm.yyyy hh:mm") to a Java pattern ("dd.MM.yyyy HH:mm"). */
function sheetsToJava(format: string): string {
  const tokens = format.match(/"[^"]*"|\\.|[a-zA-Z]+|[^a-zA-Z"\\]+/g) ?? [];
  let out = '';
  let prevTime = false;
  tokens.forEach((tok, i) => {
    if (tok.startsWith('"')) {
      out += `'${tok.slice(1, -1).replace(/'/g, "''")}'`;
      return;
    }
    if (tok.startsWith('\\')) {
      out += `'${tok.slice(1)}'`;
      return;
    }
    if (!/^[a-zA-Z]/.test(tok)) {
      out += tok.replace(/[a-zA-Z]/g, (x) => `'${x}'`);
      return;
    }
    const lower = tok.toLowerCase();
    if (lower.startsWith('m') && tok[0] === 'm') {
      const next = tokens.slice(i + 1).find((t) => /^[a-zA-Z]/.test(t));
      const minutes = lower.length <= 2 && (prevTime || (next ?? '').toLowerCase().startsWith('s'));
      out += minutes ? 'mm'.slice(0, lower.length) : 'M'.repeat(lower.length);
    } else if (lower.startsWith('h')) {
      out += tok.startsWith('h') && /am\/pm/i.test(format) ? tok : tok.toUpperCase();
      prevTime = true;
      return;
    } else if (lower === 'am/pm' || lower === 'a/p') {
      out += 'a';
    } else if (lower.startsWith('d')) {
      out += lower.length >= 3 ? 'E'.repeat(lower.length) : lower;
    } else if (lower.startsWith('y')) {
      out += lower.length <= 2 ? 'yy' : 'yyyy';
    } else if (lower.startsWith('s')) {
      out += lower;
    } else {
      out += tok;
    }
    prevTime = false;
  });
  return out;
}

function groupDigits(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function formatNumber(n: number, format: string, decimalSep: string, groupSep: string): string {
  // First section only (positive;negative;zero formats are rare in this product).
  const section = format.split(';')[0];
  const m = /^(.*?)([#0,]*0?(?:\.[0#]+)?)(%?)(.*)$/.exec(
    section.replace(/\[\$([^\]-]*)[^\]]*\]/g, '$1'),
  );
  if (!m || !/[0#]/.test(m[2])) return String(n);
  const [, pre, body, pct, post] = m;
  const decimals = body.includes('.') ? body.split('.')[1].length : 0;
  const value = pct ? n * 100 : n;
  const fixed = Math.abs(value).toFixed(decimals);
  const [digits, frac] = fixed.split('.');
  const int = body.includes(',') ? groupDigits(digits, groupSep) : digits;
  const text = frac ? `${int}${decimalSep}${frac}` : int;
  const strip = (s: string) => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  return `${value < 0 && Number(fixed) !== 0 ? '-' : ''}${strip(pre)}${text}${pct}${strip(post)}`;
}

export interface DisplayContext {
  zone: string;
  decimalSep: string;
  groupSep: string;
}

export function displayValue(v: Cell, format: string | undefined, ctx: DisplayContext): string {
  if (v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (format === PLAIN_TEXT) return typeof v === 'object' ? String(v) : String(v);
  if (typeof v === 'object') {
    const ms = v.getTime();
    if (format && isDateFormat(format)) return formatDate(ms, ctx.zone, sheetsToJava(format));
    const f = localFields(ms, zoneInfo(ctx.zone));
    const midnight = f.hour === 0 && f.minute === 0 && f.second === 0;
    return formatDate(ms, ctx.zone, midnight ? DATE_FORMAT : DATETIME_FORMAT);
  }
  if (format && isDateFormat(format))
    return formatDate(instantOfSerial(v, zoneInfo(ctx.zone)), ctx.zone, sheetsToJava(format));
  if (format && format !== 'General' && /[0#]/.test(format))
    return formatNumber(v, format, ctx.decimalSep, ctx.groupSep);
  const plain = Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  return plain.replace('.', ctx.decimalSep);
}
