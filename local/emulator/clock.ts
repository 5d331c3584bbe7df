/** The controllable clock every emulated service and execution reads. */
export interface Clock {
  now(): number;
  set(t: Date | number): void;
  advance(ms: number): void;
}

export function createClock(start: Date | number): Clock {
  let t = typeof start === 'number' ? start : start.getTime();
  return {
    now: () => t,
    set(v) {
      t = typeof v === 'number' ? v : v.getTime();
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`clock.advance: ${ms} is not a non-negative number`);
      t += ms;
    },
  };
}
