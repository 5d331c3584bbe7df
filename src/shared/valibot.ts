/**
 * The part of valibot the RPC schemas use, and the only module that imports it. valibot ships as
 * one file; the server bundle is not minified (the editor must stay readable), so webpack alone
 * would keep all of it (~200 KiB). The build tree-shakes this list with esbuild first and gives
 * webpack the result (scripts/build.mjs), so the bundle carries only what is named here.
 */
export {
  array,
  boolean,
  custom,
  fallback,
  finite,
  getDotPath,
  maxLength,
  nullish,
  number,
  object,
  optional,
  picklist,
  pipe,
  regex,
  safeParse,
  string,
  transform,
  trim,
} from 'valibot';
export type { BaseIssue, GenericSchema, InferInput, InferOutput, ObjectEntries } from 'valibot';
