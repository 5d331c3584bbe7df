/**
 * Developer metadata on the spreadsheet, a sheet, a row or a column. Row and column metadata
 * follow their row/column when others are inserted or deleted (sheet.ts shifts `index`).
 */
import { Svc, instrument, type Runtime } from '../runtime';

export type MetaLocationType = 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN';

export interface MetaRecord {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: { type: MetaLocationType; sheetId: number | null; index: number | null };
}

/** What a DeveloperMetadata needs from its spreadsheet. */
export interface MetaHost {
  readonly _meta: MetaRecord[];
  _nextMetaId(): number;
  _sheetById(id: number): unknown;
}

export class DeveloperMetadata extends Svc {
  constructor(
    rt: Runtime,
    readonly _rec: MetaRecord,
    private readonly _host: MetaHost,
  ) {
    super(rt);
  }
  getId(): number {
    return this._rec.id;
  }
  getKey(): string {
    return this._rec.key;
  }
  getValue(): string | null {
    return this._rec.value;
  }
  getVisibility(): string {
    return this._rec.visibility;
  }
  setKey(key: string): this {
    this._rec.key = String(key);
    return this;
  }
  setValue(value: string): this {
    this._rec.value = value == null ? null : String(value);
    return this;
  }
  getLocation(): {
    getLocationType(): string;
    getSheet(): unknown;
    getRow(): number | null;
    getColumn(): number | null;
  } {
    const loc = this._rec.location;
    return {
      getLocationType: () => loc.type,
      getSheet: () => (loc.sheetId === null ? null : this._host._sheetById(loc.sheetId)),
      getRow: () => (loc.type === 'ROW' ? loc.index : null),
      getColumn: () => (loc.type === 'COLUMN' ? loc.index : null),
    };
  }
  remove(): void {
    const i = this._host._meta.indexOf(this._rec);
    if (i >= 0) this._host._meta.splice(i, 1);
  }
}
instrument(DeveloperMetadata, 'DeveloperMetadata');

export class DeveloperMetadataFinder extends Svc {
  private _filters: Array<(m: MetaRecord) => boolean> = [];
  constructor(
    rt: Runtime,
    private readonly _host: MetaHost,
    scope: (m: MetaRecord) => boolean,
  ) {
    super(rt);
    this._filters.push(scope);
  }
  withKey(key: string): this {
    this._filters.push((m) => m.key === key);
    return this;
  }
  withValue(value: string): this {
    this._filters.push((m) => m.value === value);
    return this;
  }
  withId(id: number): this {
    this._filters.push((m) => m.id === id);
    return this;
  }
  withLocationType(type: string): this {
    this._filters.push((m) => m.location.type === String(type));
    return this;
  }
  withVisibility(v: string): this {
    this._filters.push((m) => m.visibility === String(v));
    return this;
  }
  find(): DeveloperMetadata[] {
    const found = this._host._meta.filter((m) => this._filters.every((f) => f(m)));
    return this._rt.realm.list(found.map((m) => new DeveloperMetadata(this._rt, m, this._host)));
  }
}
instrument(DeveloperMetadataFinder, 'DeveloperMetadataFinder');

export function addMetadata(
  host: MetaHost,
  location: MetaRecord['location'],
  key: string,
  valueOrVisibility?: unknown,
  visibility?: unknown,
): MetaRecord {
  let value: string | null = null;
  let vis: MetaRecord['visibility'] = 'DOCUMENT';
  if (valueOrVisibility === 'PROJECT' || valueOrVisibility === 'DOCUMENT') {
    vis = valueOrVisibility;
  } else if (valueOrVisibility !== undefined) {
    value = String(valueOrVisibility);
    if (visibility === 'PROJECT') vis = 'PROJECT';
  }
  const rec: MetaRecord = {
    id: host._nextMetaId(),
    key: String(key),
    value,
    visibility: vis,
    location,
  };
  host._meta.push(rec);
  return rec;
}
