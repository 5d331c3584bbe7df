/**
 * Shows a cell value the way Google Sheets would, from its number format pattern and the
 * spreadsheet's locale and time zone. The patterns are Sheets' own (`#,##0.00 [$₽-419]`,
 * `dd.mm.yyyy`, `0.0%`, `@`); the locale only decides the separators (ru: "1 234,50", en:
 * "1,234.50") and the words for TRUE/FALSE. Covers what a workbook of ours uses and Sheets'
 * common presets; anything it cannot read falls back to Sheets' "Automatic" rendering.
 */
export type CellValue = string | number | boolean | Date | null | undefined;
export type Align = 'l' | 'r' | 'c';

export interface FormatOptions {
  /** Spreadsheet locale, e.g. 'ru_RU' (default) or 'en_US'. */
  locale?: string;
  /** Spreadsheet time zone: date cells are midnights there. */
  timeZone?: string;
}

export interface Formatted {
  text: string;
  align: Align;
}

interface Separators {
  decimal: string;
  group: string;
  trueText: string;
  falseText: string;
}

const NBSP = '\u00a0';

function separators(locale: string | undefined): Separators {
  const lang = (locale || 'ru_RU').slice(0, 2).toLowerCase();
  if (lang === 'en') return { decimal: '.', group: ',', trueText: 'TRUE', falseText: 'FALSE' };
  if (lang === 'de') return { decimal: ',', group: '.', trueText: 'WAHR', falseText: 'FALSCH' };
  return { decimal: ',', group: NBSP, trueText: 'ИСТИНА', falseText: 'ЛОЖЬ' };
}

export function formatCell(
  value: CellValue,
  pattern: string | null | undefined,
  opts: FormatOptions = {},
): Formatted {
  const seps = separators(opts.locale);
  const fmt = (pattern ?? '').trim();
  if (value === null || value === undefined || value === '') return { text: '', align: 'l' };
  if (typeof value === 'boolean') {
    return { text: value ? seps.trueText : seps.falseText, align: 'c' };
  }
  if (fmt === '@') return { text: plainText(value, seps, opts), align: 'l' };
  if (value instanceof Date || isDateLike(value)) {
    const date = value as Date;
    if (Number.isNaN(date.getTime())) return { text: String(value), align: 'l' };
    if (fmt && isDatePattern(fmt)) return { text: formatDate(date, fmt, opts), align: 'r' };
    if (fmt && isNumberPattern(fmt)) {
      return formatNumberCell(toSerial(date, opts.timeZone), fmt, seps);
    }
    return { text: automaticDate(date, opts), align: 'r' };
  }
  if (typeof value === 'number') {
    if (fmt && isDatePattern(fmt))
      return { text: formatDate(fromSerial(value, opts.timeZone), fmt, opts), align: 'r' };
    if (fmt && isNumberPattern(fmt)) return formatNumberCell(value, fmt, seps);
    return { text: automaticNumber(value, seps), align: 'r' };
  }
  const text = String(value);
  if (fmt && fmt.includes(';')) {
    // A fourth section formats text: `0;-0;0;"Note: "@`.
    const sections = splitSections(fmt);
    if (sections.length >= 4)
      return { text: sections[3].replace(/@/g, text).replace(/"/g, ''), align: 'l' };
  }
  return { text, align: 'l' };
}

function isDateLike(v: unknown): boolean {
  // Objects from another realm (the vm running the bundle) fail instanceof Date.
  return Object.prototype.toString.call(v) === '[object Date]';
}

function plainText(value: CellValue, seps: Separators, opts: FormatOptions): string {
  if (value instanceof Date || isDateLike(value)) return automaticDate(value as Date, opts);
  if (typeof value === 'number') return automaticNumber(value, seps);
  return String(value);
}

// ---- Time zone helpers ---------------------------------------------------------------------------

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

const partsCache = new Map<string, Intl.DateTimeFormat>();

function wallClock(date: Date, timeZone: string | undefined): WallClock {
  const tz = timeZone || 'Europe/Moscow';
  let f = partsCache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partsCache.set(tz, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(date)) p[part.type] = part.value;
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: weekdays.indexOf(p.weekday),
  };
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** The Sheets serial number of a moment, as wall-clock time in the spreadsheet zone. */
function toSerial(date: Date, timeZone: string | undefined): number {
  const w = wallClock(date, timeZone);
  const local = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return (local - SERIAL_EPOCH) / 86_400_000;
}

function fromSerial(serial: number, timeZone: string | undefined): Date {
  const localMs = SERIAL_EPOCH + Math.round(serial * 86_400_000);
  // Find the instant whose wall clock in the zone equals localMs (two passes settle DST).
  let at = localMs;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(at), timeZone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    at += localMs - shown;
  }
  return new Date(at);
}

function automaticDate(date: Date, opts: FormatOptions): string {
  const w = wallClock(date, opts.timeZone);
  const en = (opts.locale || 'ru').toLowerCase().startsWith('en');
  const day = en ? `${w.month}/${w.day}/${w.year}` : `${pad(w.day)}.${pad(w.month)}.${w.year}`;
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return day;
  return `${day} ${w.hour}:${pad(w.minute)}:${pad(w.second)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

// ---- Date patterns --------------------------------------------------------------------------------

const MONTHS_RU = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const MONTHS_RU_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS_RU = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function stripLiterals(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function isDatePattern(fmt: string): boolean {
  return /[dyhs]|m/i.test(stripLiterals(fmt)) && !/[0#]/.test(stripLiterals(fmt));
}

function isNumberPattern(fmt: string): boolean {
  return /[0#?]/.test(stripLiterals(fmt)) || /general/i.test(fmt);
}

type DateToken = { kind: 'lit'; text: string } | { kind: 'field'; text: string };

function tokenizeDate(fmt: string): DateToken[] {
  const out: DateToken[] = [];
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end;
      out.push({ kind: 'lit', text: fmt.slice(i + 1, stop) });
      i = stop + 1;
    } else if (c === '\\') {
      out.push({ kind: 'lit', text: fmt[i + 1] ?? '' });
      i += 2;
    } else if (c === '[') {
      const end = fmt.indexOf(']', i);
      i = end < 0 ? fmt.length : end + 1;
    } else if (/am\/pm/i.test(fmt.slice(i, i + 5))) {
      out.push({ kind: 'field', text: 'AM/PM' });
      i += 5;
    } else if (/[dmyhs]/i.test(c)) {
      let j = i;
      while (j < fmt.length && fmt[j].toLowerCase() === c.toLowerCase()) j++;
      out.push({ kind: 'field', text: fmt.slice(i, j).toLowerCase() });
      i = j;
    } else {
      out.push({ kind: 'lit', text: c });
      i++;
    }
  }
  return out;
}

function formatDate(date: Date, fmt: string, opts: FormatOptions): string {
  const section = splitSections(fmt)[0];
  const w = wallClock(date, opts.timeZone);
  const en = (opts.locale || 'ru').toLowerCase().startsWith('en');
  const tokens = tokenizeDate(section);
  const hasAmPm = tokens.some((t) => t.text === 'AM/PM');
  const fields = tokens.filter((t) => t.kind === 'field');
  let out = '';
  tokens.forEach((t) => {
    if (t.kind === 'lit') {
      out += t.text;
      return;
    }
    const idx = fields.indexOf(t);
    const prev = fields[idx - 1]?.text ?? '';
    const next = fields[idx + 1]?.text ?? '';
    const minute = t.text.startsWith('m') && (prev.startsWith('h') || next.startsWith('s'));
    switch (t.text) {
      case 'd':
        out += String(w.day);
        break;
      case 'dd':
        out += pad(w.day);
        break;
      case 'ddd':
        out += (en ? DAYS_EN : DAYS_RU)[w.weekday].slice(0, en ? 3 : 2);
        break;
      case 'dddd':
        out += (en ? DAYS_EN : DAYS_RU)[w.weekday];
        break;
      case 'y':
      case 'yy':
        out += pad(w.year % 100);
        break;
      case 'yyy':
      case 'yyyy':
        out += String(w.year);
        break;
      case 'h':
        out += String(hasAmPm ? ((w.hour + 11) % 12) + 1 : w.hour);
        break;
      case 'hh':
        out += pad(hasAmPm ? ((w.hour + 11) % 12) + 1 : w.hour);
        break;
      case 's':
        out += String(w.second);
        break;
      case 'ss':
        out += pad(w.second);
        break;
      case 'AM/PM':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      default:
        if (t.text.startsWith('m')) {
          if (minute) out += t.text === 'm' ? String(w.minute) : pad(w.minute);
          else if (t.text === 'm') out += String(w.month);
          else if (t.text === 'mm') out += pad(w.month);
          else if (t.text === 'mmm')
            out += (en ? MONTHS_EN[w.month - 1] : MONTHS_RU_GEN[w.month - 1]).slice(0, 3);
          else
            out += en
              ? MONTHS_EN[w.month - 1]
              : dayBefore(tokens, t)
                ? MONTHS_RU_GEN[w.month - 1]
                : MONTHS_RU[w.month - 1];
        } else {
          out += t.text;
        }
    }
  });
  return out;
}

/** Russian uses the genitive month after a day number ("27 ноября 2026"). */
function dayBefore(tokens: DateToken[], t: DateToken): boolean {
  const fields: DateToken[] = tokens.filter((x) => x.kind === 'field');
  const i = fields.indexOf(t);
  return i > 0 && fields[i - 1].text.startsWith('d') && fields[i - 1].text.length <= 2;
}

// ---- Number patterns ------------------------------------------------------------------------------

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === '"') quoted = !quoted;
    if (c === '\\' && !quoted) {
      cur += c + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function formatNumberCell(value: number, fmt: string, seps: Separators): Formatted {
  const sections = splitSections(fmt);
  let section = sections[0];
  let v = value;
  let negativeSection = false;
  if (value < 0 && sections.length >= 2 && sections[1] !== '') {
    section = sections[1];
    v = -value;
    negativeSection = true;
  } else if (value === 0 && sections.length >= 3 && sections[2] !== '') {
    section = sections[2];
  }
  // "General", and Excel's long-hand for it ("0.###############", what .xlsx files carry for
  // an unformatted cell), show as Sheets' Automatic.
  if (/general/i.test(section) || /^0\.#{10,}$/.test(section.trim())) {
    return { text: automaticNumber(value, seps), align: 'r' };
  }
  const text = formatNumber(v, section, seps, negativeSection);
  return { text, align: 'r' };
}

/** Formats |v| by one section of a number pattern; the sign is added unless the section owns it. */
export function formatNumber(
  v: number,
  section: string,
  seps: Separators,
  signOwned = false,
): string {
  // Split into literal prefix, numeric core, literal suffix.
  const literal = (s: string): string =>
    s
      .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, '$1')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/"([^"]*)"/g, '$1')
      .replace(/\\(.)/g, '$1')
      .replace(/_./g, ' ')
      .replace(/\*./g, '');
  // Locate the numeric core: the run from the first 0/#/? to the last one (allowing , . and spaces).
  const clean = section;
  let first = -1;
  let last = -1;
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '[') bracket = true;
    else if (!quoted && c === ']') bracket = false;
    else if (!quoted && !bracket && clean[i - 1] !== '\\' && /[0#?]/.test(c)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return literal(section);
  let prefix = clean.slice(0, first);
  const core = clean.slice(first, last + 1);
  let suffix = clean.slice(last + 1);
  // A trailing "," after the digits scales by 1000 per comma (Sheets: `0,` = thousands).
  let scale = 1;
  while (suffix.startsWith(',')) {
    scale *= 1000;
    suffix = suffix.slice(1);
  }
  const percent = (prefix + suffix).replace(/"[^"]*"/g, '').includes('%');
  let n = Math.abs(v) / scale;
  if (percent) n *= 100;
  // Exponent patterns are rare in a sales workbook; show them as Sheets' automatic form.
  if (/e[+-]/i.test(core)) return automaticNumber(v, seps);
  const dot = core.indexOf('.');
  const intPat = dot < 0 ? core : core.slice(0, dot);
  const fracPat = dot < 0 ? '' : core.slice(dot + 1).replace(/[^0#?]/g, '');
  const grouping = intPat.includes(',') || /\d\s\d|#\s#|#\s0/.test(intPat);
  const minInt = (intPat.match(/0/g) || []).length;
  const minFrac = (fracPat.match(/0/g) || []).length;
  const maxFrac = fracPat.length;
  let fixed = roundTo(n, maxFrac);
  let [intPart, fracPart = ''] = fixed.split('.');
  // Drop optional trailing zeros (# in the fraction).
  while (fracPart.length > minFrac && fracPart.endsWith('0')) fracPart = fracPart.slice(0, -1);
  if (intPart === '0' && minInt === 0) intPart = '';
  intPart = intPart.padStart(minInt, '0');
  if (grouping) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, seps.group);
  fixed = dot >= 0 ? `${intPart}${seps.decimal}${fracPart}` : intPart;
  const isZero = Number(roundTo(n, maxFrac)) === 0;
  const sign = v < 0 && !signOwned && !isZero ? '-' : '';
  prefix = literal(prefix);
  suffix = literal(suffix);
  return `${sign}${prefix}${fixed}${suffix}`.replace(/ /g, NBSP).replace(/\u00a0+$/, '');
}

function roundTo(n: number, digits: number): string {
  // toFixed rounds binary noise the wrong way (1.005); nudge by a relative epsilon first.
  const nudged = n + n * Number.EPSILON * 4;
  return nudged.toFixed(digits);
}

/** Sheets' "Automatic" number display: up to 10 significant digits, locale separators. */
export function automaticNumber(v: number, seps: Separators): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    return v.toExponential(2).toUpperCase().replace('.', seps.decimal);
  }
  const text = String(Number(v.toPrecision(10)));
  return text.replace('.', seps.decimal);
}
