/**
 * Normalisers for what people type: phones, emails, INN/OGRN, amounts, dates, company names.
 * Each returns the canonical form or null when the value cannot be one; the caller decides
 * whether that is an error (a form), a flag (a hand edit) or a rejected row (an import).
 */
import { toKopecks, type Kopecks } from '../money';
import {
  dayFromYmd,
  dayOfInstant,
  isoDay,
  validYmd,
  type Day,
  type Instant,
  type Zone,
} from '../time';

// ---- Phones ----------------------------------------------------------------------------------

/**
 * E.164 form of a phone number: Russian numbers as +7XXXXXXXXXX (a leading 8 becomes 7, ten bare
 * digits get +7, separators and brackets go), other numbers kept when written with a leading +.
 */
export function normalizePhone(value: unknown): string | null {
  if (typeof value === 'number') value = String(Math.round(value));
  if (typeof value !== 'string') return null;
  const one = onePhone(value);
  if (one !== null || !/[,;/]|\s(или|or)\s/i.test(value)) return one;
  // Several numbers in one cell ("8 916 ..., 8 495 ..."): the first one that is a number.
  for (const part of value.split(/[,;/]|\s(?:или|or)\s/i)) {
    const p = onePhone(part);
    if (p) return p;
  }
  return null;
}

function onePhone(value: string): string | null {
  // An extension ("доб. 123", "ext 5", "#12") is not part of the number.
  const text = value.replace(/(доб\.?|ext\.?|вн\.?|#).*$/i, '').trim();
  if (!text || /[a-zа-я]/i.test(text)) return null;
  const plus = /^\+/.test(text) || /^00[1-9]/.test(text);
  let digits = text.replace(/\D/g, '');
  if (/^00/.test(text) && !/^\+/.test(text)) digits = digits.slice(2);
  if (plus) {
    if (digits.startsWith('7')) return digits.length === 11 ? `+${digits}` : null;
    return digits.length >= 8 && digits.length <= 15 && digits[0] !== '0' ? `+${digits}` : null;
  }
  if (digits.length === 11 && (digits[0] === '8' || digits[0] === '7'))
    return `+7${digits.slice(1)}`;
  if (digits.length === 10 && digits[0] !== '0') return `+7${digits}`;
  return null;
}

/** Russian numbers: +7 then ten digits, but not Kazakhstan's +7 6xx / +7 7xx. */
export function isRussianPhone(e164: string): boolean {
  return /^\+7[0-589]\d{9}$/.test(e164);
}

/** "+7XXXXXXXXXX" for a Russian number, else "" (the PHONE_RU contract). */
export function phoneRu(value: unknown): string {
  const p = normalizePhone(value);
  return p && isRussianPhone(p) ? p : '';
}

/** +7 (916) 123-45-67 for display. */
export function formatPhone(e164: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+7 (${m[1]}) ${m[2]}-${m[3]}-${m[4]}` : e164;
}

// ---- Email -----------------------------------------------------------------------------------

export function normalizeEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // "Иван Петров <ivan@firm.ru>" and "mailto:" links carry the address inside.
  const inner = /<([^<>]+)>/.exec(value)?.[1] ?? value;
  const text = inner
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/.test(text) && !text.includes('..')
    ? text
    : null;
}

// ---- INN / OGRN ------------------------------------------------------------------------------

function digitsOf(value: unknown, lengths: readonly number[]): string | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value <= 0) return null;
    text = String(value);
    // A number cell loses leading zeros (regions 01-09): restore to the nearest valid length.
    const target = lengths.find((l) => l >= text.length);
    if (target !== undefined) text = text.padStart(target, '0');
  } else if (typeof value === 'string') {
    text = value.replace(/[\s-]/g, '');
  } else return null;
  return /^\d+$/.test(text) && lengths.includes(text.length) && /[1-9]/.test(text) ? text : null;
}

function weighted(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i];
  return (sum % 11) % 10;
}

const W10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const W11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const W12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** The INN's digits when the value is a 10- or 12-digit INN with right check digits, else null. */
export function normalizeInn(value: unknown): string | null {
  const d = digitsOf(value, [10, 12]);
  if (!d) return null;
  if (d.length === 10) return weighted(d, W10) === Number(d[9]) ? d : null;
  return weighted(d, W11) === Number(d[10]) && weighted(d, W12) === Number(d[11]) ? d : null;
}

export function innValid(value: unknown): boolean {
  return normalizeInn(value) !== null;
}

/** OGRN (13 digits, companies) or OGRNIP (15 digits, sole traders) with a right check digit. */
export function normalizeOgrn(value: unknown): string | null {
  const d = digitsOf(value, [13, 15]);
  if (!d) return null;
  const body = Number(d.slice(0, -1));
  const check = d.length === 13 ? (body % 11) % 10 : (body % 13) % 10;
  return check === Number(d[d.length - 1]) ? d : null;
}

// ---- Amounts ---------------------------------------------------------------------------------

/**
 * Kopecks from "1 234,50", "1234.5", "1 234 ₽", "1,234.50", "1.234,50", or a number.
 * A single separator followed by exactly three digits groups thousands (money has no third
 * decimal); otherwise the last separator is the decimal one.
 */
export function parseAmount(value: unknown): Kopecks | null {
  if (typeof value === 'number') return Number.isFinite(value) ? toKopecks(value) : null;
  const n = parseDecimalText(value, true);
  return n === null ? null : toKopecks(n);
}

/**
 * A number from text people type. With `money` set, a single separator followed by exactly three
 * digits groups thousands ("1,234" is 1234: money has no third decimal); otherwise the last
 * separator is the decimal one. Currency marks and spaces of every kind are ignored.
 */
export function parseDecimalText(value: unknown, money = false): number | null {
  if (typeof value !== 'string') return null;
  let text = value
    .replace(/[\s\u00a0\u202f\u2009']/g, '')
    .replace(/(₽|руб\.?|р\.|rub|rur|\$|€|usd|eur)/gi, '')
    .replace(/−/g, '-');
  if (!text) return null;
  const negative = /^-/.test(text) || /^\(.*\)$/.test(text);
  text = text.replace(/^[-(]|\)$/g, '');
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const seps = text.replace(/\d/g, '');
  let normal: string;
  if (!seps) normal = text;
  else {
    const last = Math.max(text.lastIndexOf(','), text.lastIndexOf('.'));
    const lastSep = text[last];
    const after = text.length - last - 1;
    const sameKind = seps.split('').every((c) => c === lastSep);
    if (sameKind && (seps.length > 1 || (money && after === 3))) {
      // One kind of separator, repeated (or before three digits of money): thousands.
      if (!/^\d{1,3}([.,]\d{3})+$/.test(text)) return null;
      normal = text.replace(/[.,]/g, '');
    } else {
      const rawInt = text.slice(0, last);
      // Grouping separators in the integer part must be the other kind, in groups of three.
      if (!/^\d*$/.test(rawInt) && !/^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(rawInt))
        return null;
      if (rawInt.includes(lastSep)) return null;
      const intPart = rawInt.replace(/[.,]/g, '');
      const frac = text.slice(last + 1);
      if (!/^\d*$/.test(frac)) return null;
      normal = `${intPart || '0'}.${frac || '0'}`;
    }
  }
  const n = Number(normal);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

// ---- Dates -----------------------------------------------------------------------------------

export interface LocalDateTime {
  day: Day;
  /** Minutes since local midnight, or null when the text had no time. */
  minute: number | null;
}

/** dd.MM.yyyy (also d.M.yy, / or - separators), yyyy-MM-dd, ISO with time, optional HH:mm[:ss]. */
export function parseDateText(value: string): LocalDateTime | null {
  const text = value.trim();
  let m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text,
    );
  let day: Day | null = null;
  let hh: string | undefined;
  let mm: string | undefined;
  if (m) {
    day = validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    hh = m[4];
    mm = m[5];
  } else {
    m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::\d{2})?)?$/.exec(
      text,
    );
    if (!m) return null;
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    day = validYmd(y, Number(m[2]), Number(m[1]));
    hh = m[4];
    mm = m[5];
  }
  if (day === null) return null;
  if (hh === undefined) return { day, minute: null };
  const h = Number(hh);
  const min = Number(mm);
  if (h > 23 || min > 59) return null;
  return { day, minute: h * 60 + min };
}

/** Google Sheets' date serial (days since 1899-12-30) for plain numbers in date columns. */
const SERIAL_EPOCH = dayFromYmd(1899, 12, 30);

export function dayFromSerial(serial: number): Day {
  return SERIAL_EPOCH + Math.floor(serial);
}

/** A date cell's value (Date, text or serial number) as a Day in the spreadsheet's zone. */
export function parseDay(value: unknown, zone: Zone): Day | null {
  if (isDateLike(value)) {
    const ms = (value as Date).getTime();
    if (!Number.isFinite(ms)) return null;
    return Math.floor((ms + zone.offsetMinutes(ms) * 60_000) / 86_400_000);
  }
  if (typeof value === 'number') return value > 0 && value < 200_000 ? dayFromSerial(value) : null;
  if (typeof value === 'string' && value.trim()) return parseDateText(value)?.day ?? null;
  return null;
}

/** A date-time cell's value as an Instant; text is local time in the spreadsheet's zone. */
export function parseInstant(value: unknown, zone: Zone): Instant | null {
  if (isDateLike(value)) {
    const ms = (value as Date).getTime();
    return Number.isFinite(ms) ? ms : null;
  }
  if (typeof value === 'number') {
    if (!(value > 0 && value < 200_000)) return null;
    const day = dayFromSerial(value);
    return localToInstant(day, Math.round((value - Math.floor(value)) * 1440), zone);
  }
  if (typeof value === 'string' && value.trim()) {
    const text = value.trim();
    if (/(Z|[+-]\d{2}:?\d{2})$/.test(text) && /^\d{4}-/.test(text)) {
      const ms = Date.parse(text);
      return Number.isFinite(ms) ? ms : null;
    }
    const p = parseDateText(text);
    return p ? localToInstant(p.day, p.minute ?? 0, zone) : null;
  }
  return null;
}

/** The instant of a local wall-clock time in the zone. */
export function localToInstant(day: Day, minute: number, zone: Zone): Instant {
  const local = day * 86_400_000 + minute * 60_000;
  let at = local - zone.offsetMinutes(local) * 60_000;
  at = local - zone.offsetMinutes(at) * 60_000;
  return at;
}

/**
 * A Date of any realm. Not `instanceof`: Dates from another realm (node:vm, the emulator) fail
 * it, and where `Date` is a proxy (the emulator's zoned Date) it costs a trap per dated cell.
 */
function isDateLike(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.prototype.toString.call(value) === '[object Date]'
  );
}

// ---- Company names ---------------------------------------------------------------------------

const LEGAL_FORMS = new Set([
  'ооо',
  'оао',
  'зао',
  'пао',
  'ао',
  'нао',
  'ип',
  'нко',
  'ано',
  'фгуп',
  'гуп',
  'муп',
  'тоо',
  'кфх',
  'llc',
  'ltd',
  'inc',
  'gmbh',
  'jsc',
  'llp',
  'plc',
  'corp',
  'co',
  'ag',
  'sa',
]);
const LEGAL_PHRASES = [
  'общество с ограниченной ответственностью',
  'публичное акционерное общество',
  'непубличное акционерное общество',
  'закрытое акционерное общество',
  'открытое акционерное общество',
  'акционерное общество',
  'индивидуальный предприниматель',
  'limited liability company',
];

/**
 * The key two company names share when they are the same company: legal form, quotes,
 * punctuation and case ignored (ООО «Ромашка» = Ромашка ООО = ООО "Ромашка"). '' for no name.
 */
export function companyKey(name: unknown): string {
  let text = String(name ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е');
  for (const phrase of LEGAL_PHRASES) text = text.split(phrase).join(' ');
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !LEGAL_FORMS.has(w))
    .join(' ');
}

// ---- Small scalars ---------------------------------------------------------------------------

const TRUE_WORDS = new Set(['true', 'истина', 'да', 'yes', 'y', '1', 'x', 'х', '✓', '✔', 'v', '+']);
const FALSE_WORDS = new Set(['false', 'ложь', 'нет', 'no', 'n', '0', '-', '']);

export function parseBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return null;
}

/** A plain number from a number or text ("1 234,5"); null when it is not one. */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return parseDecimalText(value);
}

/**
 * A fraction from 0.25, "25%", "25 %" or 25: numbers above `fractionMax` are read as percents
 * typed without the sign. Plan-completion bounds (120% = 1.2) pass a larger `fractionMax`.
 */
export function parsePercent(value: unknown, fractionMax = 1): number | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? (value > fractionMax ? value / 100 : value) : null;
  }
  if (typeof value !== 'string' || !value.trim()) return null;
  const text = value.trim();
  const pct = text.endsWith('%');
  const n = parseNumber(text.replace(/%$/, ''));
  if (n === null) return null;
  return pct || n > fractionMax ? n / 100 : n;
}

/**
 * A date cell where a text column expected text (a plan period typed as «01.11.2026», which
 * Sheets turns into a Date): its day in the SPREADSHEET's zone as "yyyy-mm-dd". The cell is
 * midnight there; read in another zone (or at noon UTC) it is the day before in UTC+13/+14.
 */
export function dateCellText(value: unknown, zone: Zone): string | null {
  if (Object.prototype.toString.call(value) !== '[object Date]') return null;
  const ms = (value as Date).getTime();
  return Number.isFinite(ms) ? isoDay(dayOfInstant(ms, zone)) : null;
}
