/**
 * Utilities.formatDate: Java SimpleDateFormat patterns (English symbols, as Apps Script prints
 * them), evaluated in any IANA zone without touching the process TZ.
 */
import { localFields, zoneInfo, type LocalFields } from './zone';

const MONTHS = [
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
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetText(offMs: number, kind: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (kind !== 'Z' && offMs === 0) return 'Z';
  const sign = offMs < 0 ? '-' : '+';
  const mins = Math.abs(offMs) / 60_000;
  const hh = pad(Math.floor(mins / 60), 2);
  const mm = pad(mins % 60, 2);
  if (kind === 'X') return `${sign}${hh}${mins % 60 ? mm : ''}`;
  if (kind === 'XXX') return `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

/** ISO-8601 week of year as Java's default (ru/en-GB style: Monday first, 4 days) is not what
 * Apps Script uses; en-US rules (Sunday first, 1 day) apply to `w`. */
function weekOfYear(f: LocalFields): number {
  const jan1 = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  const dayOfYear = Math.round(
    (Date.UTC(f.year, f.month, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000,
  );
  const w = Math.floor((dayOfYear + jan1) / 7) + 1;
  // The last days of December belong to week 1 of the next year when that week starts in Dec.
  const dec31 = new Date(Date.UTC(f.year, 11, 31)).getUTCDay();
  if (f.month === 11 && f.day > 31 - (dec31 + 1) && dec31 < 6) return 1;
  return w;
}

function field(letter: string, count: number, f: LocalFields, at: number, tz: string): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month];
      if (count === 3) return MONTHS[f.month].slice(0, 3);
      return pad(f.month + 1, count);
    case 'd':
      return pad(f.day, count);
    case 'D': {
      const doy =
        Math.round((Date.UTC(f.year, f.month, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000) + 1;
      return pad(doy, count);
    }
    case 'w':
      return pad(weekOfYear(f), count);
    case 'W':
      return pad(
        Math.floor((f.day - 1 + new Date(Date.UTC(f.year, f.month, 1)).getUTCDay()) / 7) + 1,
        count,
      );
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.ms, Math.max(count, 3)).slice(0, Math.max(count, 3));
    case 'z': {
      const names = zoneInfo(tz).names(at);
      return count >= 4 ? names.long : names.short;
    }
    case 'Z':
      return offsetText(f.offset, 'Z');
    case 'X':
      return offsetText(f.offset, count === 1 ? 'X' : count === 2 ? 'XX' : 'XXX');
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(at: number, timeZone: string, pattern: string): string {
  const zone = zoneInfo(timeZone);
  const f = localFields(at, zone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      out += field(c, n, f, at, timeZone);
      i += n;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
