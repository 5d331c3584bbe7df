/**
 * The building blocks of the RPC request schemas (src/shared/methods.ts). The browser is not
 * trusted: google.script.run delivers whatever the page sends, so every value is checked for type,
 * strings are length-capped (a page cannot push megabytes into a cell), lists are size-capped and
 * keys the schema does not name are dropped. Absent or null optional values read as their empty
 * value, as the sidebar's forms would send them.
 */
import * as v from './valibot';

/** The default cap on a string: far above any real input, far below a cell's 50,000 characters. */
export const MAX_TEXT = 5000;

/** A record id such as D-000123 (the record prefix is checked by the handler that looks it up). */
export const RECORD_ID = /^[A-Z]-\d{1,9}$/;

/** A string up to `max` characters; absent or null is ''. */
export const text = (max = MAX_TEXT) => v.nullish(v.pipe(v.string(), v.maxLength(max)), '');

/** true or false; absent or null is false. */
export const flag = () => v.nullish(v.boolean(), false);

/** One of `values`, required. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  v.picklist(values);

/** A record id, trimmed; absent is '' and therefore refused. */
export const recordId = () =>
  v.pipe(v.nullish(v.string(), ''), v.maxLength(40), v.trim(), v.regex(RECORD_ID));

/**
 * A number as a form sends it. Anything that is not a finite number reads NaN, so that the
 * handler's range check names the field in the user's language instead of refusing the request.
 */
export const formNumber = () => v.fallback(v.pipe(v.number(), v.finite()), NaN);

/** A list of at most `max` items; absent or null is []. */
export const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.nullish(v.pipe(v.array(item), v.maxLength(max)), []);

/** An object with `entries` (valibot's object() alone would take a list as one). */
export const record = <T extends v.ObjectEntries>(entries: T) =>
  v.pipe(
    v.custom<Record<string, unknown>>(
      (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
    ),
    v.object(entries),
  );

/** A request object; absent or null is {} (so every field takes its empty value). */
export const request = <T extends v.ObjectEntries>(entries: T) => v.nullish(record(entries), {});
