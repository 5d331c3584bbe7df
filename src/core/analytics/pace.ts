/**
 * The one definition of working days left, required pace and run-rate forecast. The panel, the
 * daily summary and digests, the weekly and monthly reports, the Dashboard and the custom
 * functions all get these figures from here (through planFact), so the same moment gives the
 * same numbers in every channel.
 *
 * - A working day counts as done only once its working hours are over (Settings "end of working
 *   day"): until then today is still a day left. On the last working day of a month at 10:00 one
 *   day is left and the pace is the whole gap; after the end of that day none is.
 * - A whole as-of day (a custom function's date argument, a finished period) is a finished day.
 * - Run-rate forecast = fact x total / elapsed; null while no working day has finished yet.
 * - Required daily pace = max(0, plan - fact) / left; null when no working day is left.
 */
import { minuteOfDay, startOfDay, type Day } from '../time';
import type { Settings } from '../types';
import type { AsOf } from './context';
import type { Period } from './period';
import { calendarOf, hoursOf } from './settings';

export interface WorkingDays {
  total: number;
  elapsed: number;
  left: number;
}

/** Working days of a period as of a moment (see the rules above). */
export function workingDaysOf(
  period: Period,
  asOf: AsOf,
  settings: Pick<Settings, 'calendar' | 'workdayStartMinute' | 'workdayEndMinute'>,
): WorkingDays {
  const calendar = calendarOf(settings);
  const total = calendar.workingDaysBetween(period.start, period.end);
  // The last finished day: yesterday, or today once its working hours are over.
  const dayDone =
    asOf.now >= startOfDay(asOf.day + 1, asOf.zone) - 1 ||
    minuteOfDay(asOf.now, asOf.zone) >= hoursOf(settings).endMinute;
  const lastDone: Day = dayDone ? asOf.day : asOf.day - 1;
  const elapsed =
    lastDone < period.start
      ? 0
      : calendar.workingDaysBetween(period.start, Math.min(lastDone, period.end));
  return { total, elapsed, left: total - elapsed };
}

export interface Pace {
  runRateForecast: number | null;
  requiredDailyPace: number | null;
}

/** Run-rate forecast and required pace from plan, fact and the working days. */
export function paceOf(plan: number, fact: number, days: WorkingDays, money: boolean): Pace {
  const round = (x: number): number => (money ? Math.round(x) : Math.round(x * 100) / 100);
  return {
    runRateForecast: days.elapsed > 0 ? round((fact * days.total) / days.elapsed) : null,
    requiredDailyPace: days.left > 0 ? round(Math.max(0, plan - fact) / days.left) : null,
  };
}
