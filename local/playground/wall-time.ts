/**
 * Wall-clock times typed by people ("2026-12-01T09:00", "01.12.2026 09:00") mean that time in the
 * spreadsheet's zone, as they would in Sheets; an explicit offset or Z is honoured as written.
 */
export function parseWallTime(text: string, timeZone: string): number {
  const s = text.trim();
  if (/(?:Z|[+-]\d{2}:?\d{2})$/i.test(s) && /\d{4}-\d{2}-\d{2}T/.test(s)) {
    const at = Date.parse(s);
    if (Number.isNaN(at)) throw new Error(`Not a time: "${text}"`);
    return at;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  let parts: number[] | null = null;
  if (m) parts = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) parts = [m[3], m[2], m[1], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  if (!parts) {
    throw new Error(`Not a time: "${text}". Write it as 2026-12-01T09:00 or 01.12.2026 09:00.`);
  }
  const [y, mo, d, h, mi, se] = parts;
  const local = Date.UTC(y, mo - 1, d, h, mi, se);
  const check = new Date(local);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) {
    throw new Error(`Not a valid date: "${text}".`);
  }
  return zonedToEpoch(local, timeZone);
}

/** The instant whose wall clock in `timeZone` reads `localMs` (as if it were UTC). */
export function zonedToEpoch(localMs: number, timeZone: string): number {
  let at = localMs;
  for (let i = 0; i < 3; i++) {
    const shown = wallMs(at, timeZone);
    if (shown === localMs) break;
    at += localMs - shown;
  }
  return at;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a zone, as epoch ms read as UTC. */
export function wallMs(at: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(at))) p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
}

/** "2026-11-27T09:00" in the zone, for <input type="datetime-local">. */
export function toWallIso(at: number, timeZone: string): string {
  return new Date(wallMs(at, timeZone)).toISOString().slice(0, 16);
}
