/**
 * Payload checks for the RPC dispatcher. The browser is not trusted: every request is checked for
 * shape here before any handler sees it (google.script.run delivers whatever the page sends), and
 * strings are length-capped so a page cannot push megabytes into a cell.
 */
import { UserError } from '../../core/errors';

const MAX_TEXT = 5000;

export type Obj = Record<string, unknown>;

function bad(problem: string): never {
  throw new UserError('rpc.badPayload', { problem });
}

export function object(payload: unknown): Obj {
  if (payload === null || payload === undefined) return {};
  if (typeof payload !== 'object' || Array.isArray(payload)) bad('payload must be an object');
  return payload as Obj;
}

export function text(o: Obj, key: string, max = MAX_TEXT): string {
  const v = o[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') bad(`${key} must be a string`);
  if (v.length > max) bad(`${key} is longer than ${max} characters`);
  return v;
}

export function bool(o: Obj, key: string): boolean {
  const v = o[key];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') bad(`${key} must be true or false`);
  return v;
}

export function num(o: Obj, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) bad(`${key} must be a number`);
  return v;
}

export function numOrNull(o: Obj, key: string): number | null {
  const v = o[key];
  return v === null || v === undefined || v === '' ? null : num(o, key);
}

export function oneOf<T extends string>(o: Obj, key: string, values: readonly T[]): T {
  const v = o[key];
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    bad(`${key} must be one of ${values.join(', ')}`);
  }
  return v as T;
}

export function list(o: Obj, key: string, max = 500): Obj[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) bad(`${key} must be a list`);
  if (v.length > max) bad(`${key} has more than ${max} items`);
  return v.map((item) => object(item));
}

export function strings(o: Obj, key: string, max = 50): string[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) bad(`${key} must be strings`);
  if (v.length > max) bad(`${key} has more than ${max} items`);
  return v as string[];
}

/** An id such as D-000123 (the record prefix checked by the handler that looks it up). */
export function id(o: Obj, key: string): string {
  const v = text(o, key, 40).trim();
  if (!/^[A-Z]-\d{1,9}$/.test(v)) bad(`${key} must be a record id`);
  return v;
}
