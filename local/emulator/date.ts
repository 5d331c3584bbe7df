/**
 * The `Date` an execution sees. Apps Script runs V8 with the *script's* time zone
 * (appsscript.json), which may differ from the spreadsheet's and from this Node process's TZ.
 * This subclass of the execution realm's own Date computes every local-time method in the
 * script zone and takes "now" from the emulator clock, so `new Date()`, `Date.now()` and
 * `new Date(y, m, d)` behave as they would in Google.
 */
import { formatDate } from './format-date';
import { zoneInfo, type ZoneInfo } from './zone';

type DateArgs = [] | [number | string | Date] | number[];

const NO_ZONE_TEXT = /(Z|[+-]\d{2}:?\d{2}|GMT|UTC)\s*(\(.*\))?$/i;
const DATE_ONLY_ISO = /^[+-]?\d{4,6}(-\d{2}(-\d{2})?)?$/;

const RAW = Symbol('raw Date class');

/** The class behind the callable `Date` proxy: constructing through a Proxy is slow, and the
 * emulator creates hundreds of thousands of Dates for getValues. */
export function constructibleDate(D: DateConstructor): DateConstructor {
  return (D as unknown as Record<symbol, DateConstructor | undefined>)[RAW] ?? D;
}

export function makeZonedDate(
  Base: DateConstructor,
  timeZone: string,
  now: () => number,
): DateConstructor {
  const zone: ZoneInfo = zoneInfo(timeZone);
  const off = (t: number): number => zone.offsetMs(t);

  const parse = (text: string): number => {
    const s = String(text).trim();
    const t = Base.parse(s);
    if (Number.isNaN(t) || DATE_ONLY_ISO.test(s) || NO_ZONE_TEXT.test(s)) return t;
    // Parsed as host-local wall time: rebuild the same wall time in the script zone.
    const h = new Base(t);
    const local = Base.UTC(
      h.getFullYear(),
      h.getMonth(),
      h.getDate(),
      h.getHours(),
      h.getMinutes(),
      h.getSeconds(),
      h.getMilliseconds(),
    );
    return zone.fromLocal(local);
  };

  const local = (d: Date): Date => {
    const t = d.getTime();
    return new Base(t + off(t));
  };
  const setLocal = (d: Date, edit: (l: Date) => void): number => {
    const t = d.getTime();
    if (Number.isNaN(t)) return NaN;
    const l = new Base(t + off(t));
    edit(l);
    return Base.prototype.setTime.call(d, zone.fromLocal(l.getTime()));
  };

  class ZonedDate extends Base {
    constructor(...args: DateArgs) {
      if (args.length === 0) {
        super(now());
      } else if (args.length === 1) {
        const a = args[0];
        if (typeof a === 'string') super(parse(a));
        else if (typeof a === 'number') super(a);
        else super(Number(a));
      } else {
        const n = (args as unknown[]).map(Number);
        const year = n[0] >= 0 && n[0] <= 99 ? 1900 + n[0] : n[0];
        const wall = Base.UTC(year, n[1], n[2] ?? 1, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0, n[6] ?? 0);
        super(Number.isNaN(wall) ? NaN : zone.fromLocal(wall));
      }
    }
    static override now(): number {
      return now();
    }
    static override parse(text: string): number {
      return parse(text);
    }
    static override [Symbol.hasInstance](v: unknown): boolean {
      return v instanceof Base;
    }
    override getFullYear(): number {
      return local(this).getUTCFullYear();
    }
    override getMonth(): number {
      return local(this).getUTCMonth();
    }
    override getDate(): number {
      return local(this).getUTCDate();
    }
    override getDay(): number {
      return local(this).getUTCDay();
    }
    override getHours(): number {
      return local(this).getUTCHours();
    }
    override getMinutes(): number {
      return local(this).getUTCMinutes();
    }
    override getSeconds(): number {
      return local(this).getUTCSeconds();
    }
    override getMilliseconds(): number {
      return local(this).getUTCMilliseconds();
    }
    override getTimezoneOffset(): number {
      const t = this.getTime();
      return Number.isNaN(t) ? NaN : -off(t) / 60_000;
    }
    override setFullYear(y: number, m?: number, d?: number): number {
      return setLocal(this, (l) =>
        m === undefined
          ? l.setUTCFullYear(y)
          : d === undefined
            ? l.setUTCFullYear(y, m)
            : l.setUTCFullYear(y, m, d),
      );
    }
    override setMonth(m: number, d?: number): number {
      return setLocal(this, (l) => (d === undefined ? l.setUTCMonth(m) : l.setUTCMonth(m, d)));
    }
    override setDate(d: number): number {
      return setLocal(this, (l) => l.setUTCDate(d));
    }
    override setHours(h: number, m?: number, s?: number, ms?: number): number {
      return setLocal(this, (l) => {
        l.setUTCHours(
          h,
          m ?? l.getUTCMinutes(),
          s ?? l.getUTCSeconds(),
          ms ?? l.getUTCMilliseconds(),
        );
      });
    }
    override setMinutes(m: number, s?: number, ms?: number): number {
      return setLocal(this, (l) => {
        l.setUTCMinutes(m, s ?? l.getUTCSeconds(), ms ?? l.getUTCMilliseconds());
      });
    }
    override setSeconds(s: number, ms?: number): number {
      return setLocal(this, (l) => {
        l.setUTCSeconds(s, ms ?? l.getUTCMilliseconds());
      });
    }
    override setMilliseconds(ms: number): number {
      return setLocal(this, (l) => l.setUTCMilliseconds(ms));
    }
    override toString(): string {
      const t = this.getTime();
      if (Number.isNaN(t)) return 'Invalid Date';
      return `${formatDate(t, timeZone, "EEE MMM dd yyyy HH:mm:ss 'GMT'Z")} (${zone.names(t).long})`;
    }
    override toDateString(): string {
      const t = this.getTime();
      return Number.isNaN(t) ? 'Invalid Date' : formatDate(t, timeZone, 'EEE MMM dd yyyy');
    }
    override toTimeString(): string {
      const t = this.getTime();
      if (Number.isNaN(t)) return 'Invalid Date';
      return `${formatDate(t, timeZone, "HH:mm:ss 'GMT'Z")} (${zone.names(t).long})`;
    }
    override toLocaleString(
      locales?: string | string[],
      opts?: Intl.DateTimeFormatOptions,
    ): string {
      return Base.prototype.toLocaleString.call(this, locales, { timeZone, ...opts });
    }
    override toLocaleDateString(
      locales?: string | string[],
      opts?: Intl.DateTimeFormatOptions,
    ): string {
      return Base.prototype.toLocaleDateString.call(this, locales, { timeZone, ...opts });
    }
    override toLocaleTimeString(
      locales?: string | string[],
      opts?: Intl.DateTimeFormatOptions,
    ): string {
      return Base.prototype.toLocaleTimeString.call(this, locales, { timeZone, ...opts });
    }
  }
  Object.defineProperty(ZonedDate, RAW, { value: ZonedDate });
  Object.defineProperty(ZonedDate, 'name', { value: 'Date' });
  // `Date()` called without `new` returns the current time as a string.
  return new Proxy(ZonedDate, {
    apply: () => new ZonedDate().toString(),
  }) as unknown as DateConstructor;
}
