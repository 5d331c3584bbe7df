/**
 * How a value is written down as an observation, the same way in Apps Script, in the
 * google.script.run client and in the emulator: plain JSON, with the types JSON cannot carry
 * (Date, undefined, NaN) spelled out so that "a Date" and "its ISO text" never compare equal.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What one check saw: a value, or the message of the error it threw. */
export type Observation = { value: Json } | { error: string };

export function encode(v: unknown): Json {
  if (v === undefined) return { $undefined: true };
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $number: String(v) };
  // Works across realms (the emulator's vm, the browser): instanceof Date would not.
  if (Object.prototype.toString.call(v) === '[object Date]') {
    const t = (v as Date).getTime();
    return { $date: Number.isNaN(t) ? 'Invalid Date' : new Date(t).toISOString() };
  }
  if (Array.isArray(v)) return v.map(encode);
  if (typeof v === 'object') {
    const out: { [key: string]: Json } = {};
    for (const k of Object.keys(v as object).sort())
      out[k] = encode((v as Record<string, unknown>)[k]);
    return out;
  }
  return { $type: typeof v };
}

/** Runs `fn` and writes down its result or its error's message (without "Exception: "). */
export function observe(fn: () => unknown): Observation {
  try {
    return { value: encode(fn()) };
  } catch (e) {
    const message = e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e);
    return { error: message.replace(/^Exception: /, '') };
  }
}

/** One canonical text per observation, for comparing. */
export function canonical(o: Observation | undefined): string {
  return JSON.stringify(o ?? null);
}
