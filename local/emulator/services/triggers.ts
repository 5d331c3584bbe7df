/**
 * The installable-trigger registry: what ScriptApp.newTrigger(...).create() stores, when a
 * time-driven trigger fires next on the fake clock, and the event objects Google passes.
 */
import { formatDate } from '../format-date';
import { localFields, zoneInfo } from '../zone';

export type EventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export interface Schedule {
  kind: 'minutes' | 'hours' | 'days' | 'weeks' | 'monthDay' | 'at';
  every: number;
  hour: number | null;
  minute: number;
  weekDay: number | null; // 1 = Monday ... 7 = Sunday
  monthDay: number | null;
  at: number | null;
  timeZone: string;
}

export interface TriggerRec {
  uid: string;
  handler: string;
  owner: string;
  eventType: EventType;
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string | null;
  schedule: Schedule | null;
  created: number;
  /** Next firing instant of a time-driven trigger (null: never again / not time-driven). */
  nextAt: number | null;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Google picks a random minute for atHour triggers and keeps it; here it derives from the uid. */
export function minuteFor(uid: string): number {
  let h = 0;
  for (const ch of uid) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 60;
}

/** The first firing strictly after `after`. */
export function nextFire(s: Schedule, created: number, after: number): number | null {
  const zone = zoneInfo(s.timeZone);
  switch (s.kind) {
    case 'at':
      return s.at !== null && s.at > after ? s.at : null;
    case 'minutes': {
      const step = s.every * MINUTE;
      return created + (Math.floor((after - created) / step) + 1) * step;
    }
    case 'hours': {
      const step = s.every * HOUR;
      const base = Math.floor(created / HOUR) * HOUR + s.minute * MINUTE;
      return base + Math.max(0, Math.floor((after - base) / step) + 1) * step;
    }
    default: {
      // Walk calendar days in the trigger's zone from the creation day.
      const start = localFields(created, zone);
      const firstDay = Math.floor(Date.UTC(start.year, start.month, start.day) / DAY);
      const from = localFields(Math.max(after, created), zone);
      const fromDay = Math.floor(Date.UTC(from.year, from.month, from.day) / DAY);
      for (let d = fromDay; d < fromDay + 800; d++) {
        const date = new Date(d * DAY);
        const isoWeekday = ((date.getUTCDay() + 6) % 7) + 1;
        if (s.kind === 'days' && (d - firstDay) % s.every !== 0) continue;
        if (s.kind === 'weeks') {
          if (isoWeekday !== (s.weekDay ?? 1)) continue;
          if (Math.floor((d - firstDay) / 7) % s.every !== 0) continue;
        }
        if (s.kind === 'monthDay' && date.getUTCDate() !== s.monthDay) continue;
        const at = zone.fromLocal(d * DAY + (s.hour ?? 0) * HOUR + s.minute * MINUTE);
        if (at > after && at >= created) return at;
      }
      return null;
    }
  }
}

/** ISO week number of a UTC calendar date. */
function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / DAY + 1) / 7);
}

/** The event object of a time-driven trigger (fields in UTC, as Google sends them). */
export function clockEvent(uid: string, at: number): Record<string, unknown> {
  const d = new Date(at);
  return {
    authMode: 'FULL',
    'day-of-month': d.getUTCDate(),
    'day-of-week': ((d.getUTCDay() + 6) % 7) + 1,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    month: d.getUTCMonth() + 1,
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid: uid,
    'week-of-year': isoWeek(d),
    year: d.getUTCFullYear(),
  };
}

export function describeSchedule(s: Schedule): string {
  if (s.kind === 'at')
    return `once at ${formatDate(s.at ?? 0, s.timeZone, "yyyy-MM-dd'T'HH:mmXXX")}`;
  return (
    `${s.kind} x${s.every}` +
    (s.hour !== null ? ` at ${s.hour}:${String(s.minute).padStart(2, '0')} ${s.timeZone}` : '')
  );
}
