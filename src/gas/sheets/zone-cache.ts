/**
 * A Zone that asks the real one (Utilities.formatDate under the hood) about once per four weeks
 * of dates instead of once per hour: offsets change only at DST transitions, so when both ends of
 * a 28-day window have the same offset, every instant inside has it too (no zone changes twice
 * within four weeks). Reading 50,000 deals then costs a few dozen formatDate calls, not thousands.
 */
import type { Zone } from '../../core/time';

const WINDOW = 28 * 86_400_000;

export function windowedZone(zone: Zone): Zone {
  const constant = new Map<number, number | null>();
  return {
    id: zone.id,
    offsetMinutes(at: number): number {
      const w = Math.floor(at / WINDOW);
      let known = constant.get(w);
      if (known === undefined) {
        const start = zone.offsetMinutes(w * WINDOW);
        const end = zone.offsetMinutes((w + 1) * WINDOW - 1);
        known = start === end ? start : null;
        constant.set(w, known);
      }
      return known ?? zone.offsetMinutes(at);
    },
  };
}
