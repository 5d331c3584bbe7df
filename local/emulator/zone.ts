/**
 * Time-zone arithmetic for the emulator, independent of the Node process's TZ: offsets come from
 * Intl and are cached per zone and hour. Unknown zone ids fall back to GMT, as Java's
 * TimeZone.getTimeZone (behind Utilities.formatDate) does.
 */
const HOUR = 3_600_000;

export interface ZoneInfo {
  readonly id: string;
  /** Milliseconds to add to UTC to get wall-clock time at that instant (Moscow: +3 h). */
  offsetMs(at: number): number;
  /** The instant whose wall-clock time in this zone is `local` (a UTC-based ms count). */
  fromLocal(local: number): number;
  /** Short and long display names at that instant, e.g. MSK / Moscow Standard Time. */
  names(at: number): { short: string; long: string };
}

const zones = new Map<string, ZoneInfo>();

export function zoneInfo(id: string): ZoneInfo {
  let z = zones.get(id);
  if (!z) {
    z = makeZone(id);
    zones.set(id, z);
  }
  return z;
}

function fixedOffset(id: string): number | null {
  if (/^(UTC|GMT|Z|Etc\/UTC|Etc\/GMT)$/i.test(id)) return 0;
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(id);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
}

function makeZone(id: string): ZoneInfo {
  const fixed = fixedOffset(id);
  let fmt: Intl.DateTimeFormat | null = null;
  if (fixed === null) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: id,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      fmt = null; // unknown id: GMT, like Java
    }
  }
  const cache = new Map<number, number>();
  const offsetMs = (at: number): number => {
    if (fmt === null) return fixed ?? 0;
    if (!Number.isFinite(at)) return 0; // invalid Dates stay invalid: NaN + 0
    const bucket = Math.floor(at / HOUR);
    let off = cache.get(bucket);
    if (off === undefined) {
      const t = bucket * HOUR;
      const p: Record<string, number> = {};
      for (const part of fmt.formatToParts(new Date(t))) {
        if (part.type !== 'literal') p[part.type] = Number(part.value);
      }
      const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
      off = local - t;
      cache.set(bucket, off);
    }
    return off;
  };
  const nameFmts = new Map<string, Intl.DateTimeFormat>();
  const nameOf = (at: number, style: 'short' | 'long'): string => {
    if (fmt === null) return gmtName(offsetMs(at), style === 'long');
    let f = nameFmts.get(style);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: style });
      nameFmts.set(style, f);
    }
    const part = f.formatToParts(new Date(at)).find((x) => x.type === 'timeZoneName');
    const name = part ? part.value : '';
    if (style === 'short' && /^GMT[+-]/.test(name)) {
      // Java prints abbreviations it knows (MSK) and GMT+03:00 otherwise.
      if (id === 'Europe/Moscow') return 'MSK';
      return gmtName(offsetMs(at), true);
    }
    return name === 'UTC' || name === 'GMT'
      ? style === 'long'
        ? 'Coordinated Universal Time'
        : 'UTC'
      : name;
  };
  return {
    id: fmt === null && fixed === null ? 'GMT' : id,
    offsetMs,
    fromLocal(local: number): number {
      let t = local - offsetMs(local);
      t = local - offsetMs(t);
      return t;
    },
    names: (at) => ({ short: nameOf(at, 'short'), long: nameOf(at, 'long') }),
  };
}

function gmtName(off: number, withColon: boolean): string {
  if (off === 0) return 'GMT';
  const sign = off < 0 ? '-' : '+';
  const mins = Math.abs(off) / 60_000;
  const hh = String(Math.floor(mins / 60)).padStart(2, '0');
  const mm = String(mins % 60).padStart(2, '0');
  return `GMT${sign}${hh}${withColon ? ':' : ''}${mm}`;
}

/** Wall-clock fields of an instant in a zone (month 0-11, weekday 0 = Sunday). */
export interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
  offset: number;
}

export function localFields(at: number, zone: ZoneInfo): LocalFields {
  const offset = zone.offsetMs(at);
  const d = new Date(at + offset);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offset,
  };
}

/** Midnight of the given calendar date in the zone. */
export function zonedMidnight(year: number, month0: number, day: number, zone: ZoneInfo): number {
  return zone.fromLocal(Date.UTC(year, month0, day));
}
