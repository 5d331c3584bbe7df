/**
 * PropertiesService: document, user (per user) and script stores of strings, with Google's
 * size limits (9 KB per value, 500 KB per store; key and value counted in UTF-8).
 */
import { GasError, MSG } from '../errors';
import { Svc, instrument, type Runtime } from '../runtime';

export const VALUE_LIMIT = 9 * 1024;
export const STORE_LIMIT = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export class Properties extends Svc implements GoogleAppsScript.Properties.Properties {
  constructor(
    rt: Runtime,
    readonly _map: Map<string, string>,
  ) {
    super(rt);
  }
  private _size(extra: Map<string, string>): number {
    let n = 0;
    for (const [k, v] of extra) n += bytes(k) + bytes(v);
    return n;
  }
  private _put(entries: Array<[string, string]>, replaceAll: boolean): void {
    const next = new Map(replaceAll ? [] : this._map);
    for (const [k, v] of entries) {
      if (bytes(v) > VALUE_LIMIT) throw new GasError(MSG.argumentTooLarge('value'));
      next.set(k, v);
    }
    if (this._size(next) > STORE_LIMIT) throw new GasError(MSG.propertyQuota);
    this._map.clear();
    for (const [k, v] of next) this._map.set(k, v);
  }
  getProperty(key: string): string | null {
    return this._map.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown): this {
    this._put([[String(key), String(value)]], false);
    return this;
  }
  setProperties(props: Record<string, unknown>, deleteAllOthers?: boolean): this {
    this._put(
      Object.keys(props).map((k) => [k, String(props[k])]),
      Boolean(deleteAllOthers),
    );
    return this;
  }
  getProperties(): Record<string, string> {
    return this._rt.realm.value(Object.fromEntries(this._map));
  }
  getKeys(): string[] {
    return this._rt.realm.value([...this._map.keys()]);
  }
  deleteProperty(key: string): this {
    this._map.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this._map.clear();
    return this;
  }
}
instrument(Properties, 'Properties');

/** All stores of one project installation. */
export class PropertyStores {
  readonly document = new Map<string, string>();
  readonly script = new Map<string, string>();
  readonly user = new Map<string, Map<string, string>>();
  userStore(email: string): Map<string, string> {
    let m = this.user.get(email);
    if (!m) {
      m = new Map();
      this.user.set(email, m);
    }
    return m;
  }
}

export class PropertiesService
  extends Svc
  implements GoogleAppsScript.Properties.PropertiesService
{
  constructor(
    rt: Runtime,
    private readonly _stores: PropertyStores,
  ) {
    super(rt);
  }
  getDocumentProperties(): Properties {
    return new Properties(this._rt, this._stores.document);
  }
  getScriptProperties(): Properties {
    return new Properties(this._rt, this._stores.script);
  }
  getUserProperties(): Properties {
    // User properties belong to whoever the script runs as (the trigger owner in triggers).
    return new Properties(this._rt, this._stores.userStore(this._rt.exec?.effectiveUser ?? ''));
  }
}
instrument(PropertiesService, 'PropertiesService');
