/**
 * CacheService: script, user and document caches on the fake clock. Limits as Google documents
 * them: key <= 250 characters, value <= 100 KB, expiry default 600 s and at most 21,600 s,
 * at most 1,000 entries per cache (the oldest go first).
 */
import { GasError, MSG } from '../errors';
import { Svc, instrument, type Runtime } from '../runtime';

export const KEY_LIMIT = 250;
export const CACHE_VALUE_LIMIT = 100 * 1024;
export const MAX_EXPIRY_S = 21_600;
export const MAX_ENTRIES = 1000;

interface Entry {
  value: string;
  expires: number;
}

export class Cache extends Svc implements GoogleAppsScript.Cache.Cache {
  constructor(
    rt: Runtime,
    private readonly _map: Map<string, Entry>,
  ) {
    super(rt);
  }
  private _key(key: unknown): string {
    const k = String(key);
    if (k.length > KEY_LIMIT) throw new GasError(MSG.argumentTooLarge('key'));
    return k;
  }
  private _get(key: string): string | null {
    const e = this._map.get(key);
    if (!e) return null;
    if (e.expires <= this._rt.clock.now()) {
      this._map.delete(key);
      return null;
    }
    return e.value;
  }
  private _put(key: string, value: unknown, seconds?: number): void {
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > CACHE_VALUE_LIMIT)
      throw new GasError(MSG.argumentTooLarge('value'));
    const s = Math.min(Math.max(seconds ?? 600, 1), MAX_EXPIRY_S);
    this._map.delete(key);
    this._map.set(key, { value: v, expires: this._rt.clock.now() + s * 1000 });
    while (this._map.size > MAX_ENTRIES) this._map.delete(this._map.keys().next().value as string);
  }
  get(key: string): string | null {
    return this._get(this._key(key));
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this._get(this._key(k));
      if (v !== null) out[k] = v;
    }
    return this._rt.realm.value(out);
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this._put(this._key(key), value, expirationInSeconds);
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    for (const k of Object.keys(values)) this._put(this._key(k), values[k], expirationInSeconds);
  }
  remove(key: string): void {
    this._map.delete(this._key(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this._map.delete(this._key(k));
  }
}
instrument(Cache, 'Cache');

export class CacheStores {
  readonly script = new Map<string, Entry>();
  readonly document = new Map<string, Entry>();
  readonly user = new Map<string, Map<string, Entry>>();
}

export class CacheService extends Svc implements GoogleAppsScript.Cache.CacheService {
  constructor(
    rt: Runtime,
    private readonly _stores: CacheStores,
  ) {
    super(rt);
  }
  getScriptCache(): Cache {
    return new Cache(this._rt, this._stores.script);
  }
  getDocumentCache(): Cache {
    return new Cache(this._rt, this._stores.document);
  }
  getUserCache(): Cache {
    const who = this._rt.exec?.effectiveUser ?? '';
    let m = this._stores.user.get(who);
    if (!m) {
      m = new Map();
      this._stores.user.set(who, m);
    }
    return new Cache(this._rt, m);
  }
}
instrument(CacheService, 'CacheService');
