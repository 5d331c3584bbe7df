/**
 * google.script.run serialisation, shared by the harness's `project.rpc` and the sidebar's local
 * HTTP host. Arguments: primitives, null, plain objects and arrays only; a Date or a function
 * anywhere fails the call ("Failed due to illegal value in property: …"). Return values: a Date
 * or a function anywhere turns the whole result into null (the classic silent bug); undefined
 * inside arrays becomes null; undefined object properties are dropped. The receiver always gets
 * a copy.
 */
import { types } from 'node:util';
import { MSG } from '../emulator/errors';

/** Function names google.script.run can call: top-level, not ending in `_`. */
export function isCallableName(name: string, publicFunctions: ReadonlyArray<string>): boolean {
  return !name.endsWith('_') && publicFunctions.includes(name);
}

export class IllegalValueError extends Error {
  constructor(readonly property: string) {
    super(MSG.illegalValue(property));
    this.name = 'Error';
  }
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function copyArg(v: unknown, prop: string): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new IllegalValueError(prop);
    default:
      break;
  }
  if (types.isDate(v)) throw new IllegalValueError(prop);
  if (Array.isArray(v)) return v.map((x, i) => copyArg(x, String(i)));
  if (!isPlainObject(v as object)) throw new IllegalValueError(prop);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v as object)) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = copyArg(x, k);
  }
  return out;
}

/** The arguments as the server receives them, or IllegalValueError. */
export function serializeArgs(args: ReadonlyArray<unknown>): unknown[] {
  return args.map((a, i) => copyArg(a, String(i)));
}

const POISON = Symbol('poison');

function copyResult(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'function':
    case 'symbol':
    case 'bigint':
      return POISON;
    default:
      break;
  }
  if (types.isDate(v)) return POISON;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = copyResult(v[i]);
      if (x === POISON) return POISON;
      out[i] = x;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v as object)) {
    const raw = (v as Record<string, unknown>)[k];
    if (raw === undefined) continue;
    const x = copyResult(raw);
    if (x === POISON) return POISON;
    out[k] = x;
  }
  return out;
}

/** The return value as the client's success handler receives it. */
export function serializeResult(v: unknown): unknown {
  if (v === undefined) return undefined;
  const out = copyResult(v);
  return out === POISON ? null : out;
}
