/**
 * Lead response time: working minutes from a deal's creation to its first activity (the deal's
 * own, or a client-level one after creation), for deals created in a period. Median, 95th
 * percentile (nearest rank), bands 0-5 / 5-15 / 15-60 / 60+ minutes (upper bound included), and
 * SLA breaches: answered later than the limit, or still waiting longer than it.
 */
import { dayOfInstant } from '../time';
import type { WorkbookData } from '../types';
import { firstDealActivity, indexActivities, type ActivityIndex } from './activity-index';
import { workingMinutesBetween } from './calendar';
import type { AsOf } from './context';
import { inPeriod, type Period } from './period';
import { managerKeys } from './managers';
import { calendarOf, hoursOf } from './settings';
import { median, percentile } from './stats';

export interface ResponseStats {
  leads: number;
  answered: number;
  waiting: number;
  medianMinutes: number | null;
  p95Minutes: number | null;
  /** Answered leads per band: [0-5, 5-15, 15-60, 60+]. */
  bands: [number, number, number, number];
  slaBreaches: number;
  limitMinutes: number;
}

export const BAND_LIMITS = [5, 15, 60] as const;

function stats(
  minutes: number[],
  waitingOver: number,
  waiting: number,
  limit: number,
): ResponseStats {
  const bands: [number, number, number, number] = [0, 0, 0, 0];
  let breaches = waitingOver;
  for (const m of minutes) {
    bands[m <= 5 ? 0 : m <= 15 ? 1 : m <= 60 ? 2 : 3]++;
    if (m > limit) breaches++;
  }
  return {
    leads: minutes.length + waiting,
    answered: minutes.length,
    waiting,
    medianMinutes: minutes.length ? Math.round(median(minutes) * 10) / 10 : null,
    p95Minutes: minutes.length ? Math.round(percentile(minutes, 0.95) * 10) / 10 : null,
    bands,
    slaBreaches: breaches,
    limitMinutes: limit,
  };
}

export interface ResponseReport {
  total: ResponseStats;
  /** Per manager email (lower-case). */
  byManager: Map<string, ResponseStats>;
}

export function responseTimes(
  data: WorkbookData,
  period: Period,
  asOf: AsOf,
  index: ActivityIndex = indexActivities(data.activities, asOf.now),
): ResponseReport {
  const calendar = calendarOf(data.settings);
  const hours = hoursOf(data.settings);
  const limit = data.settings.responseLimitMinutes;
  const all: number[] = [];
  let waiting = 0;
  let waitingOver = 0;
  const per = new Map<string, { minutes: number[]; waiting: number; over: number }>();
  const keyOf = managerKeys(data.managers);
  for (const d of data.deals) {
    if (d.createdAt === null || d.createdAt > asOf.now) continue;
    if (!inPeriod(dayOfInstant(d.createdAt, asOf.zone), period)) continue;
    const key = keyOf(d.manager);
    let m = per.get(key);
    if (!m) per.set(key, (m = { minutes: [], waiting: 0, over: 0 }));
    const first = firstDealActivity(d, index, asOf.now);
    if (first === null) {
      waiting++;
      m.waiting++;
      if (workingMinutesBetween(d.createdAt, asOf.now, asOf.zone, calendar, hours) > limit) {
        waitingOver++;
        m.over++;
      }
      continue;
    }
    const minutes = workingMinutesBetween(d.createdAt, first, asOf.zone, calendar, hours);
    all.push(minutes);
    m.minutes.push(minutes);
  }
  const byManager = new Map<string, ResponseStats>();
  for (const [k, m] of per) byManager.set(k, stats(m.minutes, m.over, m.waiting, limit));
  return { total: stats(all, waitingOver, waiting, limit), byManager };
}
