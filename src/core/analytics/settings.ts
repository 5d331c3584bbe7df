/** Derived objects built from Settings once per read (the calendar, the working hours). */
import type { Settings } from '../types';
import { DEFAULT_HOURS, WorkCalendar, type WorkingHours } from './calendar';
import { MoneyConverter } from './currency';
import { StageIndex } from './stages';

const calendars = new WeakMap<object, WorkCalendar>();
const stageIndexes = new WeakMap<object, StageIndex>();
const converters = new WeakMap<object, MoneyConverter>();

export function calendarOf(settings: Pick<Settings, 'calendar'>): WorkCalendar {
  let c = calendars.get(settings.calendar);
  if (!c) {
    c = new WorkCalendar(settings.calendar);
    calendars.set(settings.calendar, c);
  }
  return c;
}

export function stagesOf(settings: Pick<Settings, 'stages'>): StageIndex {
  let s = stageIndexes.get(settings.stages);
  if (!s) {
    s = new StageIndex(settings.stages);
    stageIndexes.set(settings.stages, s);
  }
  return s;
}

export function converterOf(settings: Pick<Settings, 'currency' | 'rates'>): MoneyConverter {
  let c = converters.get(settings.rates);
  if (!c || c.base !== new MoneyConverter(settings.currency).base) {
    c = new MoneyConverter(settings.currency, settings.rates);
    converters.set(settings.rates, c);
  }
  return c;
}

export function hoursOf(
  settings: Pick<Settings, 'workdayStartMinute' | 'workdayEndMinute'>,
): WorkingHours {
  const start = settings.workdayStartMinute;
  const end = settings.workdayEndMinute;
  if (Number.isFinite(start) && Number.isFinite(end) && end > start && start >= 0 && end <= 1440) {
    return { startMinute: start, endMinute: end };
  }
  return DEFAULT_HOURS;
}
