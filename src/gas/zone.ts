/**
 * The spreadsheet's time zone as a core `Zone`. Offsets are Utilities.formatDate(…, 'Z')'s,
 * because date cells are midnights in the *spreadsheet's* zone while `new Date()` arithmetic in V8
 * uses the *script's* zone: mixing the two is the classic off-by-one-day bug.
 *
 * Each formatDate is a service round trip, and reading a sheet asks for the offset of every dated
 * cell, so the offsets are kept as segments between changes:
 * - The runtime's own Intl knows the zone's history (DST rules, Moscow's 2011 and 2014 moves) for
 *   free. Its changes are found by sampling it a week apart (no zone changes twice within a week)
 *   and bisecting to the minute. It is trusted only once formatDate agrees with it at the first
 *   instant asked for and on both sides of its nearest changes: a handful of calls per execution
 *   whatever the span of the data.
 * - When Intl does not know the zone or disagrees, the same search runs on formatDate itself with
 *   4-week samples (no zone's DST lasts less), one call per 4 weeks of data plus ~16 per change.
 */
import { dayOfInstant, startOfDay, type Day, type Zone } from '../core/time';

const MINUTE = 60_000;
const WEEK = 7 * 86_400_000;
/** How many of Intl's nearest changes formatDate must confirm (each side of the first instant). */
const CHECKED_CHANGES = 1;

type Probe = (at: number) => number;

/** Offsets from a probe, found lazily per block of `step` ms; at most one change per block. */
export function segmentedOffsets(probe: Probe, step: number): Probe {
  const samples = new Map<number, number>();
  const sample = (at: number): number => {
    let o = samples.get(at);
    if (o === undefined) samples.set(at, (o = probe(at)));
    return o;
  };
  // Per block: its constant offset, or the change instant with the offsets either side.
  const blocks = new Map<number, number | { at: number; before: number; after: number }>();
  // Rows of a sheet are often near one another in time: the last constant block answers first.
  let hitFrom = 0;
  let hitTo = -1;
  let hitOffset = 0;
  return (at: number): number => {
    if (at >= hitFrom && at < hitTo) return hitOffset;
    const b = Math.floor(at / step);
    let block = blocks.get(b);
    if (block === undefined) {
      const start = b * step;
      const before = sample(start);
      const after = sample(start + step);
      if (before === after) block = before;
      else {
        // Changes fall on whole minutes: bisect until the minute where `after` begins.
        let lo = start;
        let hi = start + step;
        while (hi - lo > MINUTE) {
          const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
          if (sample(mid) === before) lo = mid;
          else hi = mid;
        }
        block = { at: hi, before, after };
      }
      blocks.set(b, block);
    }
    if (typeof block !== 'number') return at < block.at ? block.before : block.after;
    hitFrom = b * step;
    hitTo = hitFrom + step;
    hitOffset = block;
    return block;
  };
}

/** The zone's offset as Intl computes it, or null when this runtime's Intl lacks the zone. */
function intlProbe(timeZone: string): Probe | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
  return (at: number): number => {
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(at))) p[part.type] = Number(part.value);
    const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return Math.round((local - (at - (((at % 1000) + 1000) % 1000))) / MINUTE);
  };
}

/** Intl's changes nearest to `at` on each side (up to `count` each), within a year. */
function nearestChanges(offset: Probe, at: number, count: number): number[] {
  const found: number[] = [];
  const start = Math.floor(at / MINUTE) * MINUTE; // bisection stays on whole minutes
  for (const dir of [-1, 1]) {
    let n = 0;
    let t = start;
    for (let w = 0; w < 53 && n < count; w++) {
      const next = t + dir * WEEK;
      if (offset(next) !== offset(t)) {
        let lo = Math.min(t, next);
        let hi = Math.max(t, next);
        while (hi - lo > MINUTE) {
          const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
          if (offset(mid) === offset(lo)) lo = mid;
          else hi = mid;
        }
        found.push(hi);
        n++;
      }
      t = next;
    }
  }
  return found;
}

const zones = new Map<string, Zone>();

/** Forgets what was learnt (tests that swap Utilities between cases). */
export function forgetZones(): void {
  zones.clear();
}

/** The zone (one per id per execution, so every reader shares what was learnt). */
export function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) zones.set(timeZone, (zone = makeZone(timeZone)));
  return zone;
}

function makeZone(timeZone: string): Zone {
  const exact = (at: number): number => {
    const z = Utilities.formatDate(new Date(at), timeZone, 'Z'); // "+0300"
    const sign = z.startsWith('-') ? -1 : 1;
    return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  };
  let offset: Probe | null = null;
  const choose = (first: number): Probe => {
    const intl = intlProbe(timeZone);
    if (intl) {
      const fromIntl = segmentedOffsets(intl, WEEK);
      const checks = [first];
      for (const c of nearestChanges(fromIntl, first, CHECKED_CHANGES)) checks.push(c - MINUTE, c);
      if (checks.every((t) => exact(t) === fromIntl(t))) return fromIntl;
    }
    return segmentedOffsets(exact, 4 * WEEK);
  };
  return {
    id: timeZone,
    offsetMinutes(at: number): number {
      if (!offset) offset = choose(at);
      return offset(at);
    },
  };
}

/** A date cell's value (midnight in the spreadsheet zone) as a Day. */
export function dayOfDate(date: Date, zone: Zone): Day {
  return dayOfInstant(date.getTime(), zone);
}

/** A Day as the Date object to write into a date cell. */
export function dateOfDay(day: Day, zone: Zone): Date {
  return new Date(startOfDay(day, zone));
}
